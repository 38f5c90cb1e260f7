import type { CODE_MODES, OfferDraft } from "../draft.js";
import type { ValueKind } from "../offer-kinds.js";

/** Facts derived from a draft the same way by every rule, the recommender and the publisher. */

export { offerValueOf, valueKindOf } from "../offer-kinds.js";

/** Codes matter for promo-code redemption, and for a draft whose method is not chosen yet. */
export function usesPromoCodes(draft: OfferDraft): boolean {
  return (draft.redemptionMethod ?? "promo_code") === "promo_code";
}

/** Unset mode follows what the user gave: a count or pattern means unique codes, else one code. */
export function codeModeOf(draft: OfferDraft): (typeof CODE_MODES)[number] {
  if (draft.codeMode) return draft.codeMode;
  return draft.uniqueCodeCount !== undefined || draft.codePattern !== undefined ? "unique" : "universal";
}

const PERCENT_KINDS: readonly ValueKind[] = ["percentage_savings", "cashback_percent"];
const DOLLAR_KINDS: readonly ValueKind[] = ["dollars_off", "cashback", "spend_and_get"];

/**
 * The user's own cap (maxDiscount) for a kind of offer, when its unit matches the kind's: a % cap
 * limits a percentage off or back, a $ cap limits dollar rewards. Other pairs have no common unit.
 */
export function discountCapOf(draft: OfferDraft, kind: ValueKind): number | undefined {
  if (draft.maxDiscount === undefined) return undefined;
  if (draft.maxDiscountUnit === "%" && PERCENT_KINDS.includes(kind)) return draft.maxDiscount;
  if (draft.maxDiscountUnit === "$" && DOLLAR_KINDS.includes(kind)) return draft.maxDiscount;
  return undefined;
}
