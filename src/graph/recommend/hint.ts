import type { OfferDraft } from "../draft.js";
import { valueKindOf } from "../offer-kinds.js";
import { typicalUnits } from "../per-unit.js";
import { formatOfferRange, formatOfferValue, VALUE_KIND_LABEL } from "../validation/format.js";
import { type BenchmarkTable, benchmarkFor } from "./benchmarks.js";

/** How far outside the benchmark range a value must be before it is worth a remark. */
const ABOVE_MAX = 1.5;
const BELOW_MIN = 0.5;

/** A one-line remark when the chosen value is far off what comparable offers use; else undefined. */
export function valueHint(draft: OfferDraft, benchmarks: BenchmarkTable): string | undefined {
  const kind = valueKindOf(draft);
  const value = draft.offerValue;
  const match = benchmarkFor(draft, benchmarks);
  // A per-gallon amount is not comparable with the table's per-purchase amounts.
  if (!match || kind === undefined || value === undefined || typicalUnits(draft.itemName)) return undefined;
  const { min, typical, max } = match.segment.offers[kind];
  if (min === undefined || typical === undefined || max === undefined) return undefined;
  const comparison = `the usual ${formatOfferRange(kind, min, max)} for ${match.label} ${VALUE_KIND_LABEL[kind]} offers`;
  const start = `${formatOfferValue(kind, typical)} is the usual starting point`;
  const shown = formatOfferValue(kind, value);
  if (value > max * ABOVE_MAX) {
    return `${shown} is well above ${comparison}; ${start}, and a richer offer eats budget faster.`;
  }
  if (value < min * BELOW_MIN) {
    return `${shown} is well below ${comparison}; offers this small are easy to overlook, and ${start}.`;
  }
  return undefined;
}
