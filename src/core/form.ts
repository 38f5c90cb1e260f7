import {
  CHANNEL_LABELS,
  OFFER_TYPE_LABELS,
  PROGRAM_LABELS,
  REDEMPTION_LABELS,
  VALUE_UNIT_LABELS,
} from "../graph/describe.js";
import type { CODE_MODES, DraftField, LOCATION_SCOPES, OfferDraft } from "../graph/draft.js";

/**
 * The draft's fields as people see them, in one list: the preview card's sections and the offer
 * form every channel shows (Slack's Edit and New offer modals, a Teams card form), in the same
 * groups and order. Inputs are named by their draft field, so a submission maps straight onto
 * `parseDraftForm`, which validates it. The merchant comes from the user's access and the customer
 * list from a file upload, so neither is an input.
 */

export type InputSpec =
  | { kind: "text" | "long_text"; hint?: string; placeholder?: string }
  | { kind: "number"; hint?: string }
  | { kind: "select" | "multi_select"; options: Record<string, string> }
  | { kind: "date" };

export type FormInput = InputSpec & { field: DraftField };

interface ShownField {
  field: DraftField;
  /** Absent: shown on the preview only. */
  input?: InputSpec;
  /** On the form only: the preview says it another way (dates in its summary, a unit with its value). */
  formOnly?: true;
}

const CODE_MODE_LABELS: Record<(typeof CODE_MODES)[number], string> = {
  universal: "One code for everyone",
  unique: "A unique code per customer",
};
const LOCATION_SCOPE_LABELS: Record<(typeof LOCATION_SCOPES)[number], string> = {
  all: "All locations",
  selected: "Selected locations",
};
const DISCOUNT_UNIT_LABELS: Record<NonNullable<OfferDraft["maxDiscountUnit"]>, string> = {
  "%": "Percent",
  $: "Dollars",
};
// parseDraftForm reads "true" as yes and anything else as no.
const YES_NO = { true: "Yes", false: "No" };

const SECTIONS: { title: string; formTitle?: string; fields: ShownField[] }[] = [
  {
    title: "Objective",
    fields: [
      { field: "businessObjective", input: { kind: "long_text" } },
      { field: "programType", input: { kind: "select", options: PROGRAM_LABELS } },
      { field: "merchantName" },
      { field: "targetAudience", input: { kind: "text", hint: "Separate several audiences with commas." } },
      { field: "locationScope", input: { kind: "select", options: LOCATION_SCOPE_LABELS } },
      {
        field: "locationIds",
        input: { kind: "text", hint: "Location ids, separated by commas." },
        formOnly: true,
      },
      { field: "totalBudget", input: { kind: "number", hint: "In dollars." } },
    ],
  },
  {
    title: "Offer",
    fields: [
      { field: "offerType", input: { kind: "select", options: OFFER_TYPE_LABELS } },
      {
        field: "offerValue",
        input: {
          kind: "number",
          hint: "Percent for percentage off and BOGO (100 = free), dollars for dollars off and spend-and-get, the price for a price point; cash back and points in the unit below. None for a free item or a link.",
        },
      },
      { field: "valueUnit", input: { kind: "select", options: VALUE_UNIT_LABELS }, formOnly: true },
      {
        field: "minimumSpend",
        input: {
          kind: "number",
          hint: "Spend and get, or a minimum on dollars or percentage off: what the customer must spend, in dollars.",
        },
        formOnly: true,
      },
      {
        field: "itemName",
        input: {
          kind: "text",
          hint: "What the offer is on, e.g. lattes or all equipment; the free item, or the item at the price.",
        },
        formOnly: true,
      },
      {
        field: "qualifyingItem",
        input: { kind: "text", hint: "Free item with purchase: what the customer buys to get it." },
        formOnly: true,
      },
      { field: "itemPrice", input: { kind: "number", hint: "The item's regular price in dollars." } },
      { field: "lightning", input: { kind: "select", options: YES_NO } },
      { field: "offerTitle", input: { kind: "text" }, formOnly: true },
      { field: "offerDescription", input: { kind: "long_text" } },
      { field: "termsConditions", input: { kind: "long_text" } },
      { field: "exclusions", input: { kind: "long_text" } },
      { field: "maxDiscount", input: { kind: "number" } },
      { field: "maxDiscountUnit", input: { kind: "select", options: DISCOUNT_UNIT_LABELS }, formOnly: true },
    ],
  },
  {
    title: "Redemption",
    fields: [
      { field: "redemptionMethod", input: { kind: "select", options: REDEMPTION_LABELS } },
      { field: "promoCode", input: { kind: "text" } },
      { field: "codeMode", input: { kind: "select", options: CODE_MODE_LABELS }, formOnly: true },
      { field: "uniqueCodeCount", input: { kind: "number" } },
      {
        field: "codePattern",
        input: {
          kind: "text",
          hint: "Letters and digits stay as they are; # is a random digit, ? a random letter, * either.",
        },
      },
      { field: "clickthruUrl", input: { kind: "text", placeholder: "https://…" } },
      { field: "usageLimitPerCustomer", input: { kind: "number" } },
      { field: "unlimitedPerCustomer" },
      { field: "totalUsageLimit", input: { kind: "number" } },
      { field: "unlimitedTotal" },
    ],
  },
  {
    title: "Distribution",
    formTitle: "Schedule and distribution",
    fields: [
      { field: "startDate", input: { kind: "date" }, formOnly: true },
      { field: "endDate", input: { kind: "date" }, formOnly: true },
      { field: "channels", input: { kind: "multi_select", options: CHANNEL_LABELS } },
      { field: "campaign", input: { kind: "text" } },
      { field: "customerList" },
      { field: "timeZone", input: { kind: "text", placeholder: "America/Chicago" } },
    ],
  },
];

/** The form's groups and inputs. */
export const FORM: { title: string; inputs: FormInput[] }[] = SECTIONS.map((section) => ({
  title: section.formTitle ?? section.title,
  inputs: section.fields.flatMap(({ field, input }) => (input ? [{ ...input, field }] : [])),
}));

/** The preview card's sections: the fields it shows, in the form's order. */
export const PREVIEW_SECTIONS: { title: string; fields: DraftField[] }[] = SECTIONS.map((section) => ({
  title: section.title,
  fields: section.fields.filter((shown) => !shown.formOnly).map((shown) => shown.field),
}));
