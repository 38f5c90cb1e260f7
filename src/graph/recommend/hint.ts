import type { OfferDraft } from "../draft.js";
import { formatOfferRange, formatOfferValue, OFFER_TYPE_LABEL } from "../validation/format.js";
import { type BenchmarkTable, benchmarkFor } from "./benchmarks.js";

/** How far outside the benchmark range a value must be before it is worth a remark. */
const ABOVE_MAX = 1.5;
const BELOW_MIN = 0.5;

/** A one-line remark when the chosen value is far off what comparable offers use; else undefined. */
export function valueHint(draft: OfferDraft, benchmarks: BenchmarkTable): string | undefined {
  const { offerType: type, offerValue: value } = draft;
  const match = benchmarkFor(draft, benchmarks);
  if (!match || type === undefined || value === undefined) return undefined;
  const { min, typical, max } = match.segment.offers[type];
  const comparison = `the usual ${formatOfferRange(type, min, max)} for ${match.label} ${OFFER_TYPE_LABEL[type]} offers`;
  const start = `${formatOfferValue(type, typical)} is the usual starting point`;
  const shown = formatOfferValue(type, value);
  if (value > max * ABOVE_MAX) {
    return `${shown} is well above ${comparison}; ${start}, and a richer offer eats budget faster.`;
  }
  if (value < min * BELOW_MIN) {
    return `${shown} is well below ${comparison}; offers this small are easy to overlook, and ${start}.`;
  }
  return undefined;
}
