import { FORM, type FormInput } from "../../core/form.js";
import { type DraftField, FIELD_LABELS, type OfferDraft } from "../../core/format.js";
import { fieldMaxLength, formText } from "../text/form-values.js";
import { dialogAction, NEW_OFFER } from "./actions.js";
import { card, heading, smallPrint, text } from "./card.js";
import type { AdaptiveCard, CardElement, CardInput } from "./elements.js";
import { escapeAndTruncate, prefixed, truncatePlain } from "./escape.js";
import { type FormKind, formData } from "./form-state.js";
import { LIMITS } from "./limits.js";

/** The dialog's title, by form. */
export const FORM_TITLES: Record<FormKind, string> = { edit: "Edit offer", new_offer: "New offer" };

const INTROS: Record<FormKind, string> = {
  // parseDraftForm skips empty inputs, so clearing one changes nothing; say so up front.
  edit: "Change what you need and save. Clearing a field keeps its current value.",
  new_offer: "Fill in what you know; I will ask for anything missing in our chat.",
};

const SUBMIT_TITLES: Record<FormKind, string> = { edit: "Save changes", new_offer: "Continue" };

const FORM_FIELDS = new Set<string>(FORM.flatMap((part) => part.inputs.map((input) => input.field)));

export interface FormCardInput {
  form: FormKind;
  threadKey: string;
  /** The draft version an Edit form was opened on: a submission made on an older one is refused. */
  version?: number;
  draft: OfferDraft;
  /** What was submitted, shown again with its errors so nothing typed is lost. */
  submitted?: Record<string, string | string[]>;
  /** A message per field, shown under its input; one for no input on the form goes on top. */
  errors?: Record<string, string>;
}

/**
 * The offer form for a Teams dialog, from the same field list as Slack's modal, pre-filled. Its
 * Submit carries the form, thread and version back with the inputs.
 */
export function formCard(input: FormCardInput): AdaptiveCard {
  const errors = input.errors ?? {};
  const unplaced = Object.entries(errors)
    .filter(([field]) => !FORM_FIELDS.has(field))
    .map(([, message]) => errorText(message));
  const shown = (field: DraftField): unknown => input.submitted?.[field] ?? input.draft[field];
  return card(
    FORM_TITLES[input.form],
    [
      ...smallPrint([INTROS[input.form]]),
      ...unplaced,
      ...FORM.flatMap((part) => [
        heading(part.title),
        ...part.inputs.flatMap((field) => {
          const error = errors[field.field];
          return [
            inputOf(field, shown(field.field)),
            ...("hint" in field && field.hint
              ? smallPrint([escapeAndTruncate(field.hint, LIMITS.line)])
              : []),
            ...(error ? [errorText(error)] : []),
          ];
        }),
      ]),
    ],
    [
      {
        type: "Action.Submit",
        title: SUBMIT_TITLES[input.form],
        style: "positive",
        data: formData({
          form: input.form,
          threadKey: input.threadKey,
          ...(input.version !== undefined ? { version: input.version } : {}),
        }),
      },
    ],
  );
}

/** A typed command cannot open a dialog in Teams, so `/offers new` answers with the button that does. */
export function newOfferPromptCard(threadKey: string): AdaptiveCard {
  return card(
    "Start a new offer",
    [text("Open the form to fill in the whole offer, or just tell me about it here.")],
    [dialogAction(NEW_OFFER, "New offer", threadKey)],
  );
}

function inputOf(input: FormInput, value: unknown): CardInput {
  const base = { id: input.field, label: truncatePlain(FIELD_LABELS[input.field], LIMITS.inputLabel) };
  switch (input.kind) {
    case "text":
    case "long_text": {
      const maxLength = fieldMaxLength(input.field);
      return {
        type: "Input.Text",
        ...base,
        ...(input.kind === "long_text" ? { isMultiline: true as const } : {}),
        ...(maxLength !== undefined ? { maxLength } : {}),
        ...(input.placeholder ? { placeholder: input.placeholder } : {}),
        ...(value !== undefined ? { value: formText(value) } : {}),
      };
    }
    case "number": {
      const number = typeof value === "string" ? Number(value) : value;
      return {
        type: "Input.Number",
        ...base,
        min: 0,
        ...(typeof number === "number" && Number.isFinite(number) ? { value: number } : {}),
      };
    }
    case "select":
    case "multi_select": {
      const chosen = (Array.isArray(value) ? value : value === undefined ? [] : [value]).map(String);
      const known = chosen.filter((choice) => Object.hasOwn(input.options, choice));
      return {
        type: "Input.ChoiceSet",
        ...base,
        style: "compact",
        ...(input.kind === "multi_select" ? { isMultiSelect: true as const } : {}),
        choices: Object.entries(input.options).map(([choice, title]) => ({ title, value: choice })),
        ...(known.length > 0 ? { value: known.join(",") } : {}),
      };
    }
    case "date":
      return { type: "Input.Date", ...base, ...(typeof value === "string" ? { value } : {}) };
  }
}

function errorText(message: string): CardElement {
  return text(prefixed("❌ ", message, LIMITS.line), { color: "attention", spacing: "small" });
}
