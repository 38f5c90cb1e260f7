import { z } from "zod";
import { type DraftField, offerDraft } from "../../core/format.js";

/** How a draft's values sit in every channel's offer form. */

/** Lists are edited as comma-separated text, the way parseDraftForm reads them back. */
export function formText(value: unknown): string {
  if (value === undefined) return "";
  return Array.isArray(value) ? value.join(", ") : String(value);
}

/** The longest text the draft takes in a field; undefined where it sets no limit. */
export function fieldMaxLength(field: DraftField): number | undefined {
  const schema = offerDraft.shape[field];
  return (schema instanceof z.ZodString ? schema.maxLength : null) ?? undefined;
}
