import { FIELD_LABELS } from "../describe.js";
import { DRAFT_FIELDS, type DraftField, type DraftPatch, draftPatch, offerDraft } from "../draft.js";

export interface Checked {
  patch: DraftPatch;
  /** Names that were proposed but are not draft fields or failed their field's schema. */
  dropped: string[];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Checks a proposed patch field by field, so one bad value costs only that field. `null` counts
 * as not proposed: models often send it for "not mentioned". `allowed` narrows what this source
 * may set at all (the model may not set ids or uploads); anything else is dropped.
 */
export function keepValid(proposed: unknown, allowed: readonly DraftField[] = DRAFT_FIELDS): Checked {
  if (!isRecord(proposed)) return { patch: {}, dropped: [] };
  const fields: Record<string, unknown> = {};
  const known = new Set<string>(allowed);
  const dropped = Object.keys(proposed).filter(
    (name) => !known.has(name) && proposed[name] !== undefined && proposed[name] !== null,
  );
  for (const field of allowed) {
    const value = proposed[field];
    if (value === undefined || value === null) continue;
    const parsed = offerDraft.shape[field].safeParse(value);
    if (parsed.success) fields[field] = parsed.data;
    else dropped.push(field);
  }
  return { patch: draftPatch.parse(fields), dropped };
}

/** "I left out values that can't be used: Link." for fields a form or a copied offer had wrong. */
export function leftOutNote(dropped: readonly string[]): string | undefined {
  if (dropped.length === 0) return undefined;
  const labels = dropped.map((field) => FIELD_LABELS[field as DraftField] ?? field);
  return `I left out values that can't be used: ${labels.join(", ")}.`;
}
