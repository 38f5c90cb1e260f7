import type { z } from "zod";
import { FIELD_LABELS } from "../graph/describe.js";
import { type DraftField, type DraftPatch, draftPatch } from "../graph/draft.js";

export type DraftFormResult = { ok: true; patch: DraftPatch } | { ok: false; errors: Record<string, string> };

const NUMBER_FIELDS = new Set<DraftField>([
  "maxDiscount",
  "totalBudget",
  "offerValue",
  "minimumSpend",
  "itemPrice",
  "usageLimitPerCustomer",
  "totalUsageLimit",
  "uniqueCodeCount",
  "merchantId",
]);
const LIST_FIELDS = new Set<DraftField>(["targetAudience", "channels", "locationIds"]);

/**
 * Reads an edit form (values arrive as strings or string lists) into a draft patch with the same
 * schema the chat uses. Every bad field gets its own message, so the form can show it inline.
 */
export function parseDraftForm(values: Record<string, unknown>): DraftFormResult {
  const patch: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const [field, raw] of Object.entries(values)) {
    const schema = draftPatch.shape[field as DraftField];
    if (!schema) {
      errors[field] =
        `"${field}" is not something an offer has. You can set: ${Object.keys(draftPatch.shape).join(", ")}.`;
      continue;
    }
    const value = normalise(field as DraftField, raw);
    if (value === undefined) continue;
    const parsed = schema.safeParse(value);
    if (parsed.success) patch[field] = parsed.data;
    else errors[field] = `${FIELD_LABELS[field as DraftField]} ${plainWords(parsed.error.issues[0])}`;
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, patch: patch as DraftPatch };
}

/** zod's issue in a marketer's words: "must be more than 0", never "Too small: expected number to be >0". */
function plainWords(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return "is not valid.";
  switch (issue.code) {
    case "too_small":
      if (issue.origin === "number" && issue.inclusive && Number(issue.minimum) === 0)
        return "can't be negative.";
      return issue.origin === "string"
        ? "can't be empty."
        : issue.origin === "array"
          ? "needs at least one item."
          : `must be ${issue.inclusive ? "at least" : "more than"} ${String(issue.minimum)}.`;
    case "too_big":
      return issue.origin === "string"
        ? `is too long: at most ${String(issue.maximum)} characters.`
        : `can be at most ${String(issue.maximum)}.`;
    case "invalid_type":
      return issue.expected === "number"
        ? "must be a number, e.g. 25."
        : `must be ${issue.expected === "int" ? "a whole number" : `a ${issue.expected}`}.`;
    case "invalid_value":
      return `must be one of: ${issue.values.map(String).join(", ")}.`;
    default:
      return issue.message.endsWith(".") ? issue.message : `${issue.message}.`;
  }
}

function normalise(field: DraftField, raw: unknown): unknown {
  if (raw === null || raw === undefined) return undefined;
  if (typeof raw === "string" && raw.trim() === "") return undefined;
  if (NUMBER_FIELDS.has(field) && typeof raw === "string") {
    const cleaned = raw.replace(/[$,%\s]/g, "");
    const multiplier = /k$/i.test(cleaned) ? 1000 : 1;
    const number = Number(cleaned.replace(/k$/i, ""));
    return Number.isFinite(number) ? number * multiplier : raw;
  }
  if (LIST_FIELDS.has(field)) {
    const items = Array.isArray(raw) ? raw : String(raw).split(",");
    const trimmed = items.map((item) => String(item).trim()).filter(Boolean);
    return field === "locationIds" ? trimmed.map(Number) : trimmed;
  }
  if (field === "lightning" && typeof raw === "string") return /^(true|yes|on|1)$/i.test(raw.trim());
  return raw;
}
