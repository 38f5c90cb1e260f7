import { randomUUID } from "node:crypto";
import { patchOfSuggestion } from "../ask.js";
import { describeValue, FIELD_LABELS } from "../describe.js";
import type { DraftField, DraftPatch, OfferDraft } from "../draft.js";
import type { Extractor } from "../extractor/types.js";
import { keepValid } from "../extractor/validate.js";
import type { OfferStateUpdate, OfferStateValue } from "../state.js";

/**
 * Turns this turn's input into a draft change. Free text goes through the extractor (one call);
 * a suggestion typed back verbatim and form submissions apply their patch directly, so clicks never
 * cost a model call.
 */
export function understandNode(extractor: Extractor) {
  return async (state: OfferStateValue): Promise<OfferStateUpdate> => {
    const fresh = startsNewDraft(state);
    const base: OfferStateValue = fresh
      ? { ...state, draft: {}, asked: undefined, question: undefined }
      : state;
    const { patch, usage } = await patchFromInput(base, extractor);
    const draft = applyPatch(base.draft, patch);
    const changed = changedFields(base.draft, draft);
    const notes = fresh ? ["Starting a new offer."] : [];
    if (changed.length > 0) notes.push(summariseChanges(changed, base.draft, draft));
    else if (base.input?.kind === "message" && !fresh && hasStarted(base)) {
      notes.push("I didn't catch any offer details in that.");
    }
    return {
      draftId: fresh || !state.draftId ? randomUUID() : state.draftId,
      authorId: fresh || !state.authorId ? state.context.userId : state.authorId,
      ...(fresh
        ? { status: "collecting", publishProgress: undefined, published: undefined, approval: undefined }
        : {}),
      draft,
      ...(changed.length > 0 && state.publishProgress && !fresh
        ? // Edited after a failed publish: every step runs again with the new values (each is idempotent).
          { publishProgress: { ...state.publishProgress, completed: [] } }
        : {}),
      version: changed.length > 0 || fresh ? base.version + 1 : base.version,
      question: undefined,
      notes,
      publishError: undefined,
      usage: usage
        ? {
            inputTokens: state.usage.inputTokens + usage.inputTokens,
            outputTokens: state.usage.outputTokens + usage.outputTokens,
            calls: state.usage.calls + 1,
          }
        : state.usage,
    };
  };
}

/** A published or cancelled thread starts over on the next message. */
function startsNewDraft(state: OfferStateValue): boolean {
  return state.status === "published" || state.status === "cancelled";
}

function hasStarted(state: OfferStateValue): boolean {
  return state.asked !== undefined || Object.keys(state.draft).length > 0;
}

async function patchFromInput(state: OfferStateValue, extractor: Extractor) {
  const input = state.input;
  if (!input) return { patch: {} };
  if (input.kind === "form") return { patch: input.patch };
  const chosen = state.question?.suggestions.find(
    (candidate) => candidate.label.toLowerCase() === input.text.trim().toLowerCase(),
  );
  const suggested = chosen && patchOfSuggestion(chosen.value);
  if (suggested) return { patch: suggested };
  const extraction = await extractor.extract(input.text, {
    now: new Date(state.context.now),
    timeZone: state.draft.timeZone ?? state.context.timeZone,
    draft: state.draft,
    expecting: state.asked,
  });
  // The extractor's output is only a proposal: keep the fields that pass the draft schema.
  return { patch: keepValid(extraction.patch).patch, usage: extraction.usage };
}

export function applyPatch(draft: OfferDraft, patch: DraftPatch): OfferDraft {
  const next: OfferDraft = { ...draft, ...patch };
  // A new merchant name means a new search; the old id no longer applies.
  if (
    patch.merchantName !== undefined &&
    patch.merchantId === undefined &&
    patch.merchantName !== draft.merchantName
  ) {
    delete next.merchantId;
  }
  if (patch.promoCode !== undefined && patch.codeMode === undefined) next.codeMode = "universal";
  return next;
}

function changedFields(before: OfferDraft, after: OfferDraft): DraftField[] {
  const fields = new Set([...Object.keys(before), ...Object.keys(after)] as DraftField[]);
  return [...fields].filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]));
}

function summariseChanges(fields: DraftField[], before: OfferDraft, after: OfferDraft): string {
  const shown = fields.filter(
    (field) => !["merchantId", "merchantName", "codeMode", "maxDiscountUnit"].includes(field),
  );
  const parts = shown.map((field) => {
    const now = describeValue(field, after);
    const was = describeValue(field, before);
    if (now === undefined) return `removed ${FIELD_LABELS[field].toLowerCase()}`;
    return was === undefined
      ? `${FIELD_LABELS[field]}: ${now}`
      : `${FIELD_LABELS[field]}: ${now} (was ${was})`;
  });
  return parts.length > 0 ? `Got it. ${parts.join("; ")}.` : "Got it.";
}
