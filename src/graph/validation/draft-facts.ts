import type { CODE_MODES, OfferDraft, OfferType } from "../draft.js";

/** Facts derived from a draft the same way by every rule, the recommender and the publisher. */

/** BOGO without a value is the classic "buy one, get one free": 100% off the second item. */
export function offerValueOf(draft: OfferDraft): number | undefined {
  return draft.offerValue ?? (draft.offerType === "bogo" ? 100 : undefined);
}

/** Codes matter for promo-code redemption, and for a draft whose method is not chosen yet. */
export function usesPromoCodes(draft: OfferDraft): boolean {
  return (draft.redemptionMethod ?? "promo_code") === "promo_code";
}

/** Unset mode follows what the user gave: a count or pattern means unique codes, else one code. */
export function codeModeOf(draft: OfferDraft): (typeof CODE_MODES)[number] {
  if (draft.codeMode) return draft.codeMode;
  return draft.uniqueCodeCount !== undefined || draft.codePattern !== undefined ? "unique" : "universal";
}

const DOLLAR_TYPES: readonly OfferType[] = ["fixed_amount", "cashback", "spend_and_get"];

/**
 * The user's own cap (maxDiscount) for an offer type, when its unit matches the type's: a % cap
 * limits a percentage discount, a $ cap limits dollar rewards. Other pairs have no common unit.
 */
export function discountCapOf(draft: OfferDraft, type: OfferType): number | undefined {
  if (draft.maxDiscount === undefined) return undefined;
  if (draft.maxDiscountUnit === "%" && type === "percentage_discount") return draft.maxDiscount;
  if (draft.maxDiscountUnit === "$" && DOLLAR_TYPES.includes(type)) return draft.maxDiscount;
  return undefined;
}
