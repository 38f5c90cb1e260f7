import type { types } from "@slack/bolt";
import { z } from "zod";
import { FORM, type FormInput } from "../../core/form.js";
import {
  type DraftField,
  FIELD_LABELS,
  formatCount,
  type OfferDraft,
  offerDraft,
} from "../../core/format.js";
import { fieldMaxLength, formText } from "../text/form-values.js";
import { context, fitLines, header, LINE_MAX, plain, prefixed, section } from "./blocks.js";
import { LIMITS } from "./limits.js";

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

function inputBlocks(input: FormInput, draft: OfferDraft): types.KnownBlock[] {
  const value = draft[input.field];
  const label = FIELD_LABELS[input.field];
  if (
    (input.kind === "text" || input.kind === "long_text") &&
    formText(value).length > maxLengthOf(input.field)
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

function elementOf(input: FormInput, value: unknown): types.InputBlockElement {
  const action_id = input.field;
  switch (input.kind) {
    case "text":
    case "long_text":
      return {
        type: "plain_text_input",
        action_id,
        multiline: input.kind === "long_text",
        max_length: maxLengthOf(input.field),
        ...(value !== undefined ? { initial_value: formText(value) } : {}),
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

function maxLengthOf(field: DraftField): number {
  return Math.min(fieldMaxLength(field) ?? LIMITS.plainTextInput, LIMITS.plainTextInput);
}

function isInteger(field: DraftField): boolean {
  const schema = offerDraft.shape[field];
  return schema instanceof z.ZodNumber && schema.isInt;
}

function errorLine(message: string): string {
  return prefixed("❌ ", message, LINE_MAX);
}
