import type { OfferStateUpdate, OfferStateValue } from "../state.js";
import type { DraftChecker } from "../validation/checker.js";

/**
 * Checks the whole draft before the preview: errors block publishing, warnings are shown. A draft
 * waiting for approval stays so only while it is unchanged since it was submitted.
 */
export function validationNode(check: DraftChecker) {
  return async (state: OfferStateValue): Promise<OfferStateUpdate> => {
    const issues = await check(state.draft, {
      now: new Date(state.context.now),
      timeZone: state.context.timeZone,
      ...(state.publishProgress?.offerId ? { ownOfferId: state.publishProgress.offerId } : {}),
    });
    const keepsApproval = state.status === "pending_approval" && state.approval?.version === state.version;
    // Nothing is being asked at the preview: a bare "1" or "Heartland" must not land in an old question's field.
    return { issues, status: keepsApproval ? "pending_approval" : "review", asked: undefined };
  };
}
