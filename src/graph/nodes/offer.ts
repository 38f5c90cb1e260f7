import { askFirstMissing, isMissing, type Need, question, suggestion } from "../ask.js";
import { describeOfferValue, formatMoney, OFFER_TYPE_LABELS } from "../describe.js";
import { OFFER_TYPES, type OfferDraft, type OfferType } from "../draft.js";
import type { BenchmarkTable } from "../recommend/benchmarks.js";
import { type Recommendation, recommendOffer, valueHint } from "../recommend/index.js";
import type { OfferStateUpdate, OfferStateValue } from "../state.js";
import type { BrandRules } from "../validation/brand-rules.js";

/**
 * The offer itself: type and value (recommended from the benchmark table, never from the model),
 * then a title and terms the marketer can change. A title and the program's required terms are
 * filled in so a complete message reaches the preview in one turn.
 */
export function offerNode(benchmarks: BenchmarkTable, brandRules: BrandRules) {
  return async (state: OfferStateValue): Promise<OfferStateUpdate> => {
    const notes = [...state.notes];
    const draft = withOfferDefaults(state.draft, brandRules, notes);
    const hint = valueHint(draft, benchmarks);
    if (hint && state.draft.offerValue !== undefined) notes.push(hint);
    const recommendation = recommendOffer(draft, benchmarks);
    const asked = await askFirstMissing({ ...state, draft, notes }, offerNeeds(recommendation));
    return { draft, notes, ...asked };
  };
}

function withOfferDefaults(draft: OfferDraft, brandRules: BrandRules, notes: string[]): OfferDraft {
  const next = { ...draft };
  const value = describeOfferValue(next);
  if (value && next.offerTitle === undefined) {
    next.offerTitle = value.charAt(0).toUpperCase() + value.slice(1);
    notes.push(`I titled it "${next.offerTitle}" (say e.g. title "Q4 Dealer Incentive" to change it).`);
  }
  const required = next.programType ? brandRules[next.programType].requiredTerms : [];
  if (next.termsConditions === undefined && required.length > 0 && value) {
    next.termsConditions = required.join(" ");
  }
  return next;
}

function offerNeeds(recommendation: Recommendation | undefined): Need[] {
  return [
    {
      field: "offerType",
      missing: isMissing("offerType"),
      ask: () => {
        const first: OfferType[] = recommendation ? [recommendation.offerType] : [];
        const order = [...new Set([...first, ...OFFER_TYPES])];
        return question(
          "offerType",
          "What kind of offer is it?",
          order.map((type) =>
            suggestion(
              type === recommendation?.offerType
                ? `${OFFER_TYPE_LABELS[type]} (recommended)`
                : OFFER_TYPE_LABELS[type],
              type === recommendation?.offerType
                ? { offerType: type, offerValue: recommendation.offerValue }
                : { offerType: type },
            ),
          ),
          recommendation?.rationale,
        );
      },
    },
    {
      field: "offerValue",
      missing: isMissing("offerValue"),
      ask: (state) => {
        const type = state.draft.offerType ?? "percentage_discount";
        const values = recommendation
          ? [...new Set([recommendation.offerValue, recommendation.range.min, recommendation.range.max])]
          : [];
        return question(
          "offerValue",
          `How much is it worth? (${valueUnit(type)})`,
          values.map((offerValue) =>
            suggestion(
              describeOfferValue({ ...state.draft, offerType: type, offerValue }) ?? String(offerValue),
              {
                offerValue,
              },
            ),
          ),
          recommendation?.rationale,
        );
      },
    },
    {
      field: "minimumSpend",
      missing: (state) => state.draft.offerType === "spend_and_get" && state.draft.minimumSpend === undefined,
      ask: (state) =>
        question(
          "minimumSpend",
          `How much must a customer spend to get ${formatMoney(state.draft.offerValue ?? 0)}?`,
          [50, 100, 250].map((minimumSpend) => suggestion(formatMoney(minimumSpend), { minimumSpend })),
        ),
    },
  ];
}

function valueUnit(type: OfferType): string {
  switch (type) {
    case "percentage_discount":
      return "percent off";
    case "bogo":
      return "percent off the second item; 100 means free";
    case "loyalty_points":
      return "points";
    default:
      return "dollars";
  }
}
