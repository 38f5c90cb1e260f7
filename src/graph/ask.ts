import type { DraftField, DraftPatch } from "./draft.js";
import { keepValid } from "./extractor/validate.js";
import type { OfferStateUpdate, OfferStateValue } from "./state.js";
import type { Question, Suggestion } from "./turn.js";

/** A suggested answer whose click applies `patch` directly: no extractor, no model call. */
export function suggestion(label: string, patch: DraftPatch): Suggestion {
  return { label, value: JSON.stringify(patch) };
}

/** A suggestion's patch as sent back by a client: validated like any other proposed patch. */
export function patchOfSuggestion(value: string): DraftPatch | undefined {
  try {
    const { patch } = keepValid(JSON.parse(value) as unknown);
    return Object.keys(patch).length > 0 ? patch : undefined;
  } catch {
    return undefined;
  }
}

/** One thing a node may need: asked when `missing` holds, in the order the node lists them. */
export interface Need {
  field: DraftField;
  missing: (state: OfferStateValue) => boolean;
  ask: (state: OfferStateValue) => Question | Promise<Question>;
}

/**
 * The node's turn: the first unmet need becomes this turn's only question; with none left the
 * graph moves on. One question at a time keeps chat short and lets any message answer many.
 */
export async function askFirstMissing(state: OfferStateValue, needs: Need[]): Promise<OfferStateUpdate> {
  for (const need of needs) {
    if (need.missing(state)) {
      const question = await need.ask(state);
      return { question, asked: question.field };
    }
  }
  return {};
}

export const isMissing = (field: DraftField) => (state: OfferStateValue) => state.draft[field] === undefined;

export function question(
  field: DraftField,
  text: string,
  suggestions: Suggestion[] = [],
  hint?: string,
): Question {
  return hint ? { field, text, suggestions, hint } : { field, text, suggestions };
}
