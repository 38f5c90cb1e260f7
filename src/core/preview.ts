import {
  describeOfferValue,
  describeValue,
  FIELD_LABELS,
  formatCount,
  formatDate,
  formatMoney,
  sentenceCase,
} from "../graph/describe.js";
import type { DraftField, OfferDraft } from "../graph/draft.js";
import type { BenchmarkTable } from "../graph/recommend/benchmarks.js";
import { valueHint } from "../graph/recommend/index.js";
import type { OfferStateValue } from "../graph/state.js";
import { estimateLiability } from "../graph/validation/index.js";
import { itemPriceOf } from "../graph/validation/redemption-cost.js";
import { PREVIEW_SECTIONS } from "./form.js";
import type { PreviewField, PreviewModel } from "./view-models.js";

/** The preview card's model: every field the draft has, its problems, and what it may cost. */
export function buildPreview(state: OfferStateValue, benchmarks: BenchmarkTable): PreviewModel {
  const { draft } = state;
  const sections = PREVIEW_SECTIONS.map(({ title, fields }) => ({
    title,
    fields: fieldsOf(draft, fields, benchmarks),
  })).filter((section) => section.fields.length > 0);
  const preview: PreviewModel = {
    draftId: state.draftId,
    version: state.version,
    status: state.status,
    title: draft.offerTitle ?? "Untitled offer",
    summary: scheduleOf(draft),
    sections,
    issues: state.issues,
  };
  const liability = estimateLiability(draft, benchmarks);
  if (liability) {
    preview.budgetImpact = {
      text:
        `Up to ${formatMoney(liability.amount)} if ${formatCount(liability.redemptions)} redemptions are used ` +
        `(${formatMoney(liability.valuePerRedemption)} each)` +
        (draft.totalBudget !== undefined ? ` against a ${formatMoney(draft.totalBudget)} budget.` : "."),
      assumption: liability.assumption,
      overBudget: draft.totalBudget !== undefined && liability.amount > draft.totalBudget,
    };
  }
  const hint = valueHint(draft, benchmarks);
  if (hint) preview.recommendation = hint;
  if (state.publishError) preview.publishError = state.publishError.message;
  if (state.approval) preview.approval = state.approval;
  return preview;
}

function fieldsOf(draft: OfferDraft, fields: DraftField[], benchmarks: BenchmarkTable): PreviewField[] {
  return fields.flatMap((field) => {
    const value = valueText(field, draft, benchmarks);
    return value === undefined ? [] : [{ label: FIELD_LABELS[field], value }];
  });
}

/** Items a cost is priced on: a free item, a BOGO or a price point, with an estimate marked as one. */
const PRICED_ON_ITEM = new Set(["free_with_purchase", "bogo", "price_point"]);

function valueText(field: DraftField, draft: OfferDraft, benchmarks: BenchmarkTable): string | undefined {
  switch (field) {
    case "locationScope":
      return locationText(draft);
    case "offerValue": {
      // A free item or a link has no number, but still an offer to state.
      const offer = describeOfferValue(draft);
      return offer && sentenceCase(offer);
    }
    case "itemPrice":
      if (!PRICED_ON_ITEM.has(draft.offerType ?? "")) return describeValue(field, draft);
      return itemPriceOf(draft, benchmarks)?.text.replace(/^./, (first) => first.toUpperCase());
    default:
      return describeValue(field, draft);
  }
}

function locationText(draft: OfferDraft): string | undefined {
  if (draft.locationScope === undefined) return undefined;
  if (draft.locationScope === "all") return "All locations";
  return draft.locationIds?.length ? `Locations ${draft.locationIds.join(", ")}` : "Selected locations";
}

function scheduleOf(draft: OfferDraft): string {
  const offer = describeOfferValue(draft);
  const value = offer && sentenceCase(offer);
  const dates =
    draft.startDate && draft.endDate
      ? `${formatDate(draft.startDate)} – ${formatDate(draft.endDate)}`
      : "dates not set";
  return [value, dates].filter(Boolean).join(" · ");
}
