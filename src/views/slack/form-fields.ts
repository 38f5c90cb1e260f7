import type { types } from "@slack/bolt";
import { z } from "zod";
import {
  CHANNEL_LABELS,
  FIELD_LABELS,
  formatCount,
  OFFER_TYPE_LABELS,
  PROGRAM_LABELS,
  REDEMPTION_LABELS,
  VALUE_UNIT_LABELS,
} from "../../graph/describe.js";
import {
  type CODE_MODES,
  type DraftField,
  type LOCATION_SCOPES,
  type OfferDraft,
  offerDraft,
} from "../../graph/draft.js";
import { context, fitLines, header, LINE_MAX, plain, prefixed, section } from "./blocks.js";
import { LIMITS } from "./limits.js";

/**
 * The offer form shared by the Edit and New offer modals. Each input's block_id and action_id is
 * its draft field, so a submission maps straight onto `parseDraftForm`. The merchant comes from
 * the user's access and the customer list from a file upload, so neither is an input here.
 */

type Input =
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

const FORM: { title: string; inputs: Input[] }[] = [
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

const FORM_FIELDS = new Set<string>(FORM.flatMap((part) => part.inputs.map((input) => input.field)));

/** The form's blocks, pre-filled from the draft; each error sits under its input. */
export function formBlocks(draft: OfferDraft, errors: Record<string, string>): types.KnownBlock[] {
  const unplaced = Object.entries(errors)
    .filter(([field]) => !FORM_FIELDS.has(field))
    .map(([, message]) => errorLine(message));
  return [
    ...(unplaced.length > 0 ? [section(fitLines(unplaced, LIMITS.text, "problems"))] : []),
    ...FORM.flatMap((part) => [
      header(part.title),
      ...part.inputs.flatMap((input) => {
        const error = errors[input.field];
        return [...inputBlocks(input, draft), ...(error ? [context([errorLine(error)])] : [])];
      }),
    ]),
  ];
}

function inputBlocks(input: Input, draft: OfferDraft): types.KnownBlock[] {
  const value = draft[input.field];
  const label = FIELD_LABELS[input.field];
  if (
    (input.kind === "text" || input.kind === "long_text") &&
    textOf(value).length > maxLengthOf(input.field)
  ) {
    // Cutting the text to fit would save the cut copy; the field stays out of the form instead.
    return [
      context([
        `*${label}* is longer than a Slack form holds (${formatCount(LIMITS.plainTextInput)} characters); change it by typing in the thread.`,
      ]),
    ];
  }
  return [
    {
      type: "input",
      block_id: input.field,
      optional: true,
      label: plain(label, LIMITS.inputLabel),
      ...("hint" in input && input.hint ? { hint: plain(input.hint, LIMITS.inputLabel) } : {}),
      element: elementOf(input, value),
    },
  ];
}

function elementOf(input: Input, value: unknown): types.InputBlockElement {
  const action_id = input.field;
  switch (input.kind) {
    case "text":
    case "long_text":
      return {
        type: "plain_text_input",
        action_id,
        multiline: input.kind === "long_text",
        max_length: maxLengthOf(input.field),
        ...(value !== undefined ? { initial_value: textOf(value) } : {}),
        ...(input.placeholder ? { placeholder: plain(input.placeholder, LIMITS.placeholder) } : {}),
      };
    case "number":
      return {
        type: "number_input",
        action_id,
        is_decimal_allowed: !isInteger(input.field),
        min_value: "0",
        ...(typeof value === "number" ? { initial_value: String(value) } : {}),
      };
    case "select": {
      const options = optionsOf(input.options);
      const initial = options.find((option) => value !== undefined && option.value === String(value));
      return { type: "static_select", action_id, options, ...(initial ? { initial_option: initial } : {}) };
    }
    case "multi_select": {
      const options = optionsOf(input.options);
      const chosen = Array.isArray(value) ? value.map(String) : [];
      const initial = options.filter((option) => chosen.includes(option.value ?? ""));
      return {
        type: "multi_static_select",
        action_id,
        options,
        ...(initial.length > 0 ? { initial_options: initial } : {}),
      };
    }
    case "date":
      return { type: "datepicker", action_id, ...(typeof value === "string" ? { initial_date: value } : {}) };
  }
}

function optionsOf(labels: Record<string, string>): types.PlainTextOption[] {
  return Object.entries(labels).map(([value, text]) => ({ text: plain(text, LIMITS.optionText), value }));
}

/** Lists are edited as comma-separated text, the way parseDraftForm reads them back. */
function textOf(value: unknown): string {
  if (value === undefined) return "";
  return Array.isArray(value) ? value.join(", ") : String(value);
}

function maxLengthOf(field: DraftField): number {
  const schema = offerDraft.shape[field];
  const max = schema instanceof z.ZodString ? schema.maxLength : null;
  return Math.min(max ?? LIMITS.plainTextInput, LIMITS.plainTextInput);
}

function isInteger(field: DraftField): boolean {
  const schema = offerDraft.shape[field];
  return schema instanceof z.ZodNumber && schema.isInt;
}

function errorLine(message: string): string {
  return prefixed("❌ ", message, LINE_MAX);
}
