import type { KigoClient } from "../../kigo/client.js";
import { todayIn } from "../dates.js";
import type { OfferStateUpdate, OfferStateValue } from "../state.js";
import { type ValidationContext, validateDraft } from "../validation/index.js";

/**
 * Checks the whole draft before the preview: errors block publishing, warnings are shown. A draft
 * waiting for approval stays so only while it is unchanged since it was submitted.
 */
export function validationNode(
  client: KigoClient,
  rules: Omit<ValidationContext, "today" | "isPromoCodeTaken">,
) {
  return async (state: OfferStateValue): Promise<OfferStateUpdate> => {
    const issues = await validateDraft(state.draft, {
      ...rules,
      today: todayIn(state.draft.timeZone ?? state.context.timeZone, new Date(state.context.now)),
      // A code this draft already created in a half-finished publish is ours, not taken.
      isPromoCodeTaken: async (code) => {
        const existing = await client.findPromoCode(code);
        return existing !== undefined && existing.offer_id !== state.publishProgress?.offerId;
      },
    });
    const keepsApproval = state.status === "pending_approval" && state.approval?.version === state.version;
    return { issues, status: keepsApproval ? "pending_approval" : "review" };
  };
}
