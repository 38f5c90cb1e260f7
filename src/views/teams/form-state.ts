import { z } from "zod";
import { FORM } from "../../core/form.js";
import { NEW_OFFER } from "./actions.js";

/** Where a form's own data sits in its submission, apart from the inputs (named by draft field). */
const FORM_DATA_KEY = "kigoForm";

const formMeta = z.object({
  form: z.enum(["edit", NEW_OFFER]),
  threadKey: z.string().max(2000),
  version: z.number().int().nonnegative().optional(),
});

/** Which form, for which conversation, opened on which draft version (a stale form is refused). */
export type FormMeta = z.infer<typeof formMeta>;
export type FormKind = FormMeta["form"];

const MULTI_SELECT = new Set<string>(
  FORM.flatMap((part) =>
    part.inputs.filter((input) => input.kind === "multi_select").map((input) => input.field),
  ),
);
const FORM_FIELDS = new Set<string>(FORM.flatMap((part) => part.inputs.map((input) => input.field)));

/** The Submit button's data: Teams sends it back merged with the inputs' values. */
export function formData(meta: FormMeta): Record<string, unknown> {
  return { [FORM_DATA_KEY]: meta };
}

export function decodeFormMeta(data: unknown): FormMeta | undefined {
  const parsed = z.object({ [FORM_DATA_KEY]: formMeta }).safeParse(data);
  return parsed.success ? parsed.data[FORM_DATA_KEY] : undefined;
}

/**
 * A submitted form's `data` as the flat field map `parseDraftForm` takes. Only the form's inputs
 * are read; an empty one is left out, so it leaves its field as it is. Teams sends a multi-select
 * as one comma-separated string: it becomes a list.
 */
export function readFormValues(data: unknown): Record<string, string | string[]> {
  if (typeof data !== "object" || data === null) return {};
  const read: Record<string, string | string[]> = {};
  for (const [field, raw] of Object.entries(data)) {
    if (!FORM_FIELDS.has(field) || (typeof raw !== "string" && typeof raw !== "number")) continue;
    const value = String(raw).trim();
    if (value === "") continue;
    read[field] = MULTI_SELECT.has(field)
      ? value
          .split(",")
          .map((item) => item.trim())
          .filter(Boolean)
      : value;
  }
  return read;
}
