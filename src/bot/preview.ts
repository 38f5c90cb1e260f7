import { describeValue, FIELD_LABELS, formatCount, formatDate, formatMoney } from "../graph/describe.js";
import type { DraftField, OfferDraft } from "../graph/draft.js";
import type { BenchmarkTable } from "../graph/recommend/benchmarks.js";
import { valueHint } from "../graph/recommend/index.js";
import type { OfferStateValue } from "../graph/state.js";
import { estimateLiability } from "../graph/validation/index.js";
import type { PreviewField, PreviewModel } from "./view-models.js";

const SECTIONS: { title: string; fields: DraftField[] }[] = [
  {
    title: "Objective",
    fields: [
      "businessObjective",
      "programType",
      "merchantName",
      "targetAudience",
      "locationScope",
      "totalBudget",
    ],
  },
  {
    title: "Offer",
    fields: [
      "offerType",
      "offerValue",
      "lightning",
      "offerDescription",
      "termsConditions",
      "exclusions",
      "maxDiscount",
    ],
  },
  {
    title: "Redemption",
    fields: [
      "redemptionMethod",
      "promoCode",
      "uniqueCodeCount",
      "codePattern",
      "clickthruUrl",
      "usageLimitPerCustomer",
      "totalUsageLimit",
    ],
  },
  { title: "Distribution", fields: ["channels", "campaign", "customerList", "timeZone"] },
];

/** The preview card's model: every field the draft has, its problems, and what it may cost. */
export function buildPreview(state: OfferStateValue, benchmarks: BenchmarkTable): PreviewModel {
  const { draft } = state;
  const sections = SECTIONS.map(({ title, fields }) => ({ title, fields: fieldsOf(draft, fields) })).filter(
    (section) => section.fields.length > 0,
  );
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

function fieldsOf(draft: OfferDraft, fields: DraftField[]): PreviewField[] {
  return fields.flatMap((field) => {
    const value = field === "locationScope" ? locationText(draft) : describeValue(field, draft);
    return value === undefined ? [] : [{ label: FIELD_LABELS[field], value }];
  });
}

function locationText(draft: OfferDraft): string | undefined {
  if (draft.locationScope === undefined) return undefined;
  if (draft.locationScope === "all") return "All locations";
  return draft.locationIds?.length ? `Locations ${draft.locationIds.join(", ")}` : "Selected locations";
}

function scheduleOf(draft: OfferDraft): string {
  const value = describeValue("offerValue", draft);
  const dates =
    draft.startDate && draft.endDate
      ? `${formatDate(draft.startDate)} – ${formatDate(draft.endDate)}`
      : "dates not set";
  return [value, dates].filter(Boolean).join(" · ");
}
