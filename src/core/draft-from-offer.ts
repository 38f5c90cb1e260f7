import type { DraftPatch } from "../graph/draft.js";
import { OFFER_TYPES, type OfferType, PROGRAM_TYPES, type ProgramType } from "../graph/draft.js";
import type { OfferWithDescriptive, RedemptionControl } from "../kigo/schemas.js";

/** Names offers were published under before the API's own type names were used. */
const LEGACY_OFFER_TYPES: Readonly<Record<string, OfferType>> = {
  percentage_discount: "percentage_savings",
  fixed_amount: "dollars_off",
};

/**
 * A new draft pre-filled from a published offer (duplicate). Dates and the promo code are left out:
 * the copy runs at a new time, and codes are unique across offers.
 */
export function draftFromOffer(offer: OfferWithDescriptive, control?: RedemptionControl): DraftPatch {
  const patch: DraftPatch = { merchantId: offer.merchant_owner };
  const offerType =
    OFFER_TYPES.find((type) => type === offer.offer_type) ?? LEGACY_OFFER_TYPES[offer.offer_type ?? ""];
  if (offerType) patch.offerType = offerType;
  const value = Number(offer.savings_amount?.replace(/[^0-9.]/g, ""));
  // A price point's savings are what it takes off, not its price: that value does not carry over.
  if (offer.savings_amount && Number.isFinite(value) && value > 0 && offerType !== "price_point") {
    patch.offerValue = value;
    if (offerType === "cashback") patch.valueUnit = offer.savings_type === "percentage" ? "%" : "$";
  }
  // A BOGO states no savings in the API; its usual form, and the default everywhere else, is free.
  if (offerType === "bogo" && patch.offerValue === undefined) {
    patch.offerValue = /\bhalf\b|50%/i.test(offer.short_text ?? "") ? 50 : 100;
  }
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
