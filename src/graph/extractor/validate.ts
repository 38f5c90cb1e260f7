import { DRAFT_FIELDS, type DraftPatch, draftPatch, offerDraft } from "../draft.js";

export interface Checked {
  patch: DraftPatch;
  /** Names that were proposed but are not draft fields or failed their field's schema. */
  dropped: string[];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Checks a proposed patch field by field, so one bad value costs only that field. `null` counts
 * as not proposed: models often send it for "not mentioned".
 */
export function keepValid(proposed: unknown): Checked {
  if (!isRecord(proposed)) return { patch: {}, dropped: [] };
  const fields: Record<string, unknown> = {};
  const known = new Set<string>(DRAFT_FIELDS);
  const dropped = Object.keys(proposed).filter((name) => !known.has(name));
  for (const field of DRAFT_FIELDS) {
    const value = proposed[field];
    if (value === undefined || value === null) continue;
    const parsed = offerDraft.shape[field].safeParse(value);
    if (parsed.success) fields[field] = parsed.data;
    else dropped.push(field);
  }
  return { patch: draftPatch.parse(fields), dropped };
}
