import {
  CHANNEL_LABELS,
  OFFER_TYPE_LABELS,
  PROGRAM_LABELS,
  REDEMPTION_LABELS,
  VALUE_UNIT_LABELS,
} from "../graph/describe.js";
import type { CODE_MODES, DraftField, LOCATION_SCOPES, OfferDraft } from "../graph/draft.js";

/**
 * The offer form every channel shows (Slack's Edit and New offer modals, a Teams card form): its
 * groups, and each input's kind, options and hint. Inputs are named by their draft field, so a
 * submission maps straight onto `parseDraftForm`, which validates it. The merchant comes from the
 * user's access and the customer list from a file upload, so neither is an input here.
 */

export type FormInput =
  | { field: DraftField; kind: "text" | "long_text"; hint?: string; placeholder?: string }
  | { field: DraftField; kind: "number"; hint?: string }
  | { field: DraftField; kind: "select" | "multi_select"; options: Record<string, string> }
  | { field: DraftField; kind: "date" };

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

export const FORM: { title: string; inputs: FormInput[] }[] = [
  {
    title: "Objective",
    inputs: [
      { field: "businessObjective", kind: "long_text" },
      { field: "programType", kind: "select", options: PROGRAM_LABELS },
      { field: "targetAudience", kind: "text", hint: "Separate several audiences with commas." },
      { field: "totalBudget", kind: "number", hint: "In dollars." },
      { field: "maxDiscount", kind: "number" },
      { field: "maxDiscountUnit", kind: "select", options: DISCOUNT_UNIT_LABELS },
    ],
  },
  {
    title: "Offer",
    inputs: [
      { field: "offerType", kind: "select", options: OFFER_TYPE_LABELS },
      {
        field: "offerValue",
        kind: "number",
        hint: "Percent for percentage off and BOGO (100 = free), dollars for dollars off and spend-and-get, the price for a price point; cash back and points in the unit below. None for a free item or a link.",
      },
      {
        field: "valueUnit",
        kind: "select",
        options: VALUE_UNIT_LABELS,
      },
      {
        field: "minimumSpend",
        kind: "number",
        hint: "Spend and get, or a minimum on dollars or percentage off: what the customer must spend, in dollars.",
      },
      {
        field: "itemName",
        kind: "text",
        hint: "What the offer is on, e.g. lattes or all equipment; the free item, or the item at the price.",
      },
      {
        field: "qualifyingItem",
        kind: "text",
        hint: "Free item with purchase: what the customer buys to get it.",
      },
      { field: "itemPrice", kind: "number", hint: "The item's regular price in dollars." },
      { field: "lightning", kind: "select", options: YES_NO },
      { field: "offerTitle", kind: "text" },
      { field: "offerDescription", kind: "long_text" },
      { field: "termsConditions", kind: "long_text" },
      { field: "exclusions", kind: "long_text" },
    ],
  },
  {
    title: "Redemption",
    inputs: [
      { field: "redemptionMethod", kind: "select", options: REDEMPTION_LABELS },
      { field: "promoCode", kind: "text" },
      { field: "codeMode", kind: "select", options: CODE_MODE_LABELS },
      { field: "uniqueCodeCount", kind: "number" },
      {
        field: "codePattern",
        kind: "text",
        hint: "Letters and digits stay as they are; # is a random digit, ? a random letter, * either.",
      },
      { field: "usageLimitPerCustomer", kind: "number" },
      { field: "totalUsageLimit", kind: "number" },
      { field: "locationScope", kind: "select", options: LOCATION_SCOPE_LABELS },
      { field: "locationIds", kind: "text", hint: "Location ids, separated by commas." },
      { field: "clickthruUrl", kind: "text", placeholder: "https://…" },
    ],
  },
  {
    title: "Schedule and distribution",
    inputs: [
      { field: "startDate", kind: "date" },
      { field: "endDate", kind: "date" },
      { field: "timeZone", kind: "text", placeholder: "America/Chicago" },
      { field: "channels", kind: "multi_select", options: CHANNEL_LABELS },
      { field: "campaign", kind: "text" },
    ],
  },
];
