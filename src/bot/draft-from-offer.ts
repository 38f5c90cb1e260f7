import type { DraftPatch } from "../graph/draft.js";
import { OFFER_TYPES, type OfferType, PROGRAM_TYPES, type ProgramType } from "../graph/draft.js";
import type { OfferWithDescriptive, RedemptionControl } from "../kigo/schemas.js";

/**
 * A new draft pre-filled from a published offer (duplicate). Dates and the promo code are left out:
 * the copy runs at a new time, and codes are unique across offers.
 */
export function draftFromOffer(offer: OfferWithDescriptive, control?: RedemptionControl): DraftPatch {
  const patch: DraftPatch = { merchantId: offer.merchant_owner };
  const offerType = OFFER_TYPES.find((type) => type === offer.offer_type);
  if (offerType) patch.offerType = offerType as OfferType;
  const value = Number(offer.savings_amount?.replace(/[^0-9.]/g, ""));
  if (offer.savings_amount && Number.isFinite(value) && value > 0) patch.offerValue = value;
  const programType = PROGRAM_TYPES.find((type) => type === offer.classification);
  if (programType) patch.programType = programType as ProgramType;
  const [method] = offer.offer_redemption_methods;
  if (method) patch.redemptionMethod = method;
  if (offer.short_text) patch.offerTitle = offer.short_text;
  if (offer.long_text) patch.offerDescription = offer.long_text;
  if (offer.terms_conditions) patch.termsConditions = offer.terms_conditions;
  if (offer.clickthru_url) patch.clickthruUrl = offer.clickthru_url;
  if (offer.code_type === "unique_codes") patch.codeMode = "unique";
  if (control?.usage_limit_per_customer) patch.usageLimitPerCustomer = control.usage_limit_per_customer;
  if (control?.total_usage_limit) patch.totalUsageLimit = control.total_usage_limit;
  return patch;
}
