import type { OfferDraft, OfferType } from "../draft.js";
import { type ValueKind, valueKindOf } from "../offer-kinds.js";
import { discountCapOf } from "../validation/draft-facts.js";
import { formatOfferRange, formatOfferValue, formatRate, VALUE_KIND_LABEL } from "../validation/format.js";
import { type BenchmarkTable, benchmarkFor } from "./benchmarks.js";

export interface Recommendation {
  offerType: OfferType;
  /** The kind the value is in: the draft's unit for cash back and points, else the type's. */
  kind: ValueKind;
  /** Absent for offers without a value (a free item, a price point, a link). */
  offerValue?: number;
  range?: { min: number; max: number };
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
  const kind = valueKindOf({ offerType, valueUnit: draft.valueUnit }) ?? offerType;
  const { min, typical, max, redemptionRate } = match.segment.offers[kind];
  const group =
    offerType === match.segment.recommended ? match.label : `${match.label} ${VALUE_KIND_LABEL[kind]}`;
  const Group = `${group.charAt(0).toUpperCase()}${group.slice(1)}`;
  if (min === undefined || typical === undefined || max === undefined) {
    return {
      offerType,
      kind,
      expectedRedemptionRate: redemptionRate,
      rationale: `About ${formatRate(redemptionRate)} of customers redeem ${group} offers like this.`,
    };
  }
  const cap = discountCapOf(draft, kind);
  const offerValue = cap === undefined ? typical : Math.min(typical, cap);
  const capped =
    offerValue < typical ? `; I suggest ${formatOfferValue(kind, offerValue)}, your maximum discount` : "";
  return {
    offerType,
    kind,
    offerValue,
    range: { min, max },
    expectedRedemptionRate: redemptionRate,
    rationale:
      `${Group} offers typically run ${formatOfferRange(kind, min, max)}; ` +
      `${formatOfferValue(kind, typical)} is the usual starting point, and about ${formatRate(redemptionRate)} of customers redeem it${capped}.`,
  };
}
