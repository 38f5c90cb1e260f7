import { describeOfferValue } from "./describe.js";
import type { OfferDraft } from "./draft.js";
import { partialPublishSummary } from "./publish/progress.js";
import type { OfferStateValue } from "./state.js";
import type { ValidationIssue } from "./validation/types.js";

const BUDGET_RULE = "budget_liability";

/** A draft is being worked on: started, and neither published nor cancelled. */
export function isInProgress(state: OfferStateValue): boolean {
  return state.draftId !== "" && state.status !== "published" && state.status !== "cancelled";
}

/** Honest about a publish that stopped half-way: what exists in Kigo stays as it is. */
export function cancelNote(state: OfferStateValue): string {
  const partial = partialPublishSummary(state.publishProgress);
  return partial ? `Cancelled. ${partial}` : "Cancelled. Nothing was published.";
}

/** The problems that stop publishing: "publish anyway" lets a publisher past the budget check only. */
export function blockingIssues(
  issues: readonly ValidationIssue[],
  overBudgetAllowed = false,
): ValidationIssue[] {
  return issues.filter(
    (issue) => issue.severity === "error" && !(overBudgetAllowed && issue.rule === BUDGET_RULE),
  );
}

export const isOverBudget = (issues: readonly ValidationIssue[]) =>
  issues.some((issue) => issue.severity === "error" && issue.rule === BUDGET_RULE);

/** How the bot names a draft in a sentence: '"25% off lattes" for Sunrise Coffee Co.'. */
export function draftName(draft: OfferDraft): string {
  const value = draft.offerTitle ?? describeOfferValue(draft);
  const merchant = draft.merchantName ? ` for ${draft.merchantName}` : "";
  return value ? `"${value}"${merchant}` : `an offer${merchant}`;
}
