import type { KigoClient } from "../../kigo/client.js";
import { todayIn } from "../dates.js";
import type { OfferDraft } from "../draft.js";
import { type ValidationContext, validateDraft } from "./index.js";
import type { ValidationIssue } from "./types.js";

export type DraftChecker = (
  draft: OfferDraft,
  /** `offline`: no Kigo API call (a form check that must answer within Slack's 3 s). */
  when: { now: Date; timeZone: string; ownOfferId?: number; offline?: boolean },
) => Promise<ValidationIssue[]>;

/** The same checks for the chat (validation node) and for edit forms (inline errors). */
export function createDraftChecker(
  client: KigoClient,
  rules: Omit<ValidationContext, "today" | "isPromoCodeTaken">,
): DraftChecker {
  return (draft, when) =>
    validateDraft(draft, {
      ...rules,
      today: todayIn(draft.timeZone ?? when.timeZone, when.now),
      ...(when.offline
        ? {}
        : {
            // A code this draft already created in a half-finished publish is ours, not taken.
            isPromoCodeTaken: async (code: string) => {
              const existing = await client.findPromoCode(code);
              return existing !== undefined && existing.offer_id !== when.ownOfferId;
            },
          }),
    });
}
