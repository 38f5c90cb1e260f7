import type { OfferDraft, OfferType } from "../draft.js";
import { discountCapOf } from "../validation/draft-facts.js";
import { formatOfferRange, formatOfferValue, formatRate, OFFER_TYPE_LABEL } from "../validation/format.js";
import { type BenchmarkTable, benchmarkFor } from "./benchmarks.js";

export interface Recommendation {
  offerType: OfferType;
  offerValue: number;
  range: { min: number; max: number };
  /** Fraction of the audience expected to redeem. */
  expectedRedemptionRate: number;
  /** One line the marketer sees next to the suggestion. */
  rationale: string;
}

/**
 * The benchmark suggestion for the draft's program and objective: the draft's offer type or,
 * when none is chosen, the one the table recommends, at its typical value (never above the user's
 * own maximum discount). Callers apply only what the draft lacks. Numbers come only from the
 * table, never from a model. Undefined when the program or objective is unknown.
 */
export function recommendOffer(draft: OfferDraft, benchmarks: BenchmarkTable): Recommendation | undefined {
  const match = benchmarkFor(draft, benchmarks);
  if (!match) return undefined;
  const offerType = draft.offerType ?? match.segment.recommended;
  const { min, typical, max, redemptionRate } = match.segment.offers[offerType];
  const cap = discountCapOf(draft, offerType);
  const offerValue = cap === undefined ? typical : Math.min(typical, cap);
  const group =
    offerType === match.segment.recommended ? match.label : `${match.label} ${OFFER_TYPE_LABEL[offerType]}`;
  const capped =
    offerValue < typical
      ? `; I suggest ${formatOfferValue(offerType, offerValue)}, your maximum discount`
      : "";
  return {
    offerType,
    offerValue,
    range: { min, max },
    expectedRedemptionRate: redemptionRate,
    rationale:
      `${group.charAt(0).toUpperCase()}${group.slice(1)} offers typically run ${formatOfferRange(offerType, min, max)}; ` +
      `${formatOfferValue(offerType, typical)} is the usual starting point with ~${formatRate(redemptionRate)} redemption${capped}.`,
  };
}
