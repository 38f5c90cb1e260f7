import { OFFER_TYPES, type OfferDraft } from "./draft.js";

/**
 * What an offer's number means: one kind per offer type, with cash back and loyalty points split
 * by unit ("10% cash back" is not "$10 cash back"). Benchmarks, value limits, costs and formatting
 * are per kind.
 */
export const VALUE_KINDS = [...OFFER_TYPES, "cashback_percent", "points_multiplier"] as const;
export type ValueKind = (typeof VALUE_KINDS)[number];

/** The item or the link is the offer: these kinds have no value to ask for. */
export const VALUELESS_KINDS: ReadonlySet<ValueKind> = new Set(["free_with_purchase", "clickthrough"]);

export function valueKindOf(draft: Pick<OfferDraft, "offerType" | "valueUnit">): ValueKind | undefined {
  switch (draft.offerType) {
    case "cashback":
      return draft.valueUnit === "%" ? "cashback_percent" : "cashback";
    case "loyalty_points":
      return draft.valueUnit === "x" ? "points_multiplier" : "loyalty_points";
    default:
      return draft.offerType;
  }
}

/** BOGO without a value is the classic "buy one, get one free": 100% off the second item. */
export function offerValueOf(draft: OfferDraft): number | undefined {
  return draft.offerValue ?? (draft.offerType === "bogo" ? 100 : undefined);
}
