import { askFirstMissing, type Need, question, suggestion } from "../ask.js";
import { describeOfferValue, formatMoney, OFFER_TYPE_LABELS } from "../describe.js";
import { OFFER_TYPES, type OfferDraft, type OfferType, type ValueUnit } from "../draft.js";
import { offerValueOf, VALUELESS_KINDS, type ValueKind, valueKindOf } from "../offer-kinds.js";
import type { BenchmarkTable } from "../recommend/benchmarks.js";
import { type Recommendation, recommendOffer, valueHint } from "../recommend/index.js";
import type { OfferStateUpdate, OfferStateValue } from "../state.js";
import type { BrandRules } from "../validation/brand-rules.js";
import { withOfferTexts } from "./offer-texts.js";

/**
 * The offer itself: type and value (recommended from the benchmark table, never from the model),
 * what it is on, then a title and terms the marketer can change. The title and terms follow the
 * values until the marketer writes their own, so a complete message reaches the preview in one turn.
 */
export function offerNode(benchmarks: BenchmarkTable, brandRules: BrandRules) {
  return async (state: OfferStateValue): Promise<OfferStateUpdate> => {
    const notes = [...state.notes];
    const { draft, generated: texts } = withOfferDefaults(state, brandRules, notes);
    const hint = valueHint(draft, benchmarks);
    if (hint && state.draft.offerValue !== undefined && hint !== state.generated.valueHint) notes.push(hint);
    const generated = { ...texts, ...(hint && { valueHint: hint }) };
    const recommendation = recommendOffer(draft, benchmarks);
    const asked = await askFirstMissing({ ...state, draft, notes }, offerNeeds(recommendation));
    return { draft, generated, notes, ...asked };
  };
}

function withOfferDefaults(state: OfferStateValue, brandRules: BrandRules, notes: string[]) {
  const texts = withOfferTexts(state.draft, state.generated, brandRules, notes);
  const draft: OfferDraft = texts.draft;
  if (draft.offerType === "clickthrough" && draft.redemptionMethod === undefined) {
    draft.redemptionMethod = "online_link";
    notes.push("A click-through offer is redeemed on the merchant's site, so redemption is by online link.");
  }
  return { draft, generated: texts.generated };
}

const needsValue = (draft: OfferDraft) => {
  const kind = valueKindOf(draft);
  return kind !== undefined && !VALUELESS_KINDS.has(kind) && draft.offerValue === undefined;
};

/** The question for each kind's value, in plain words. */
const VALUE_QUESTIONS: Partial<Record<OfferType, string>> = {
  percentage_savings: "How much off, in percent?",
  dollars_off: "How many dollars off?",
  bogo: "Is the second item free, or how much off is it?",
  spend_and_get: "What does the customer get, in dollars, for spending enough?",
  cashback: "How much cash back: a percent of the purchase (e.g. 10%) or an amount (e.g. $5)?",
  loyalty_points: "How many bonus points, or which multiplier (e.g. double points)?",
  price_point: "What price does the customer pay?",
};

/** The unit a suggested value is in, for the types whose number can mean two things. */
const KIND_UNITS: Partial<Record<ValueKind, ValueUnit>> = {
  cashback: "$",
  cashback_percent: "%",
  loyalty_points: "points",
  points_multiplier: "x",
};

function valueSuggestions(draft: OfferDraft, type: OfferType, recommendation: Recommendation | undefined) {
  if (!recommendation?.range || recommendation.offerValue === undefined) return [];
  const valueUnit = KIND_UNITS[recommendation.kind];
  const values = [
    ...new Set([recommendation.offerValue, recommendation.range.min, recommendation.range.max]),
  ];
  return values.map((offerValue) => {
    const patch = { offerValue, ...(valueUnit && { valueUnit }) };
    return suggestion(
      describeOfferValue({ ...draft, offerType: type, ...patch }) ?? String(offerValue),
      patch,
    );
  });
}

function offerNeeds(recommendation: Recommendation | undefined): Need[] {
  return [
    {
      field: "offerType",
      missing: (state) => state.draft.offerType === undefined,
      ask: () => {
        const first: OfferType[] = recommendation ? [recommendation.offerType] : [];
        const order = [...new Set([...first, ...OFFER_TYPES])];
        return question(
          "offerType",
          "What kind of offer is it?",
          order.map((type) =>
            type === recommendation?.offerType
              ? suggestion(`${OFFER_TYPE_LABELS[type]} (recommended)`, {
                  offerType: type,
                  ...(recommendation.offerValue !== undefined && { offerValue: recommendation.offerValue }),
                })
              : suggestion(OFFER_TYPE_LABELS[type], { offerType: type }),
          ),
          recommendation?.rationale,
        );
      },
    },
    {
      field: "offerValue",
      missing: (state) => needsValue(state.draft),
      ask: (state) => {
        const type = state.draft.offerType ?? "percentage_savings";
        return question(
          "offerValue",
          VALUE_QUESTIONS[type] ?? "How much is it worth?",
          valueSuggestions(state.draft, type, recommendation),
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
          `How much must a customer spend to get ${formatMoney(offerValueOf(state.draft) ?? 0)}?`,
          [50, 100, 250].map((minimumSpend) => suggestion(formatMoney(minimumSpend), { minimumSpend })),
        ),
    },
    {
      field: "itemName",
      missing: (state) =>
        (state.draft.offerType === "free_with_purchase" || state.draft.offerType === "price_point") &&
        state.draft.itemName === undefined,
      ask: (state) =>
        question(
          "itemName",
          state.draft.offerType === "price_point"
            ? `Which item is offered at ${formatMoney(state.draft.offerValue ?? 0)}?`
            : "What is the free item?",
        ),
    },
    {
      field: "qualifyingItem",
      missing: (state) =>
        state.draft.offerType === "free_with_purchase" && state.draft.qualifyingItem === undefined,
      ask: (state) =>
        question(
          "qualifyingItem",
          `What must the customer buy to get the free ${state.draft.itemName ?? "item"}?`,
          [suggestion("Any purchase", { qualifyingItem: "purchase" })],
        ),
    },
  ];
}
