import { Command, END, interrupt } from "@langchain/langgraph";
import { blockingIssues, cancelNote, isOverBudget } from "../lifecycle.js";
import type { OfferStateValue } from "../state.js";
import type { ReviewDecision } from "../turn.js";

/** What the review interrupt exposes to the conversation service: enough to render the preview. */
export interface ReviewPrompt {
  version: number;
}

/**
 * Waits for the marketer's decision on the preview. Everything before `interrupt()` re-runs on
 * resume, so this node only reads state; each decision routes on with a Command.
 */
export function reviewNode() {
  return (state: OfferStateValue) => {
    const decision = interrupt<ReviewPrompt, ReviewDecision>({ version: state.version });
    if (decision.kind === "input") {
      return new Command({ goto: "understand", update: { input: decision.input } });
    }
    if (decision.version !== state.version) {
      return again("That preview is out of date: the draft changed since. Here is the current one.");
    }
    const hasErrors = blockingIssues(state.issues).length > 0;
    const pending = state.status === "pending_approval" && state.approval?.version === state.version;
    switch (decision.kind) {
      case "cancel":
        return new Command({ goto: END, update: { status: "cancelled", notes: [cancelNote(state)] } });
      case "publish":
        if (blockingIssues(state.issues, decision.anyway).length > 0) {
          return again(
            blockingIssues(state.issues).every((issue) => isOverBudget([issue]))
              ? 'It would go over the budget. Follow one of the suggested fixes, or say "publish anyway" to publish it over the budget (this is recorded).'
              : "Please fix the problems marked on the preview before publishing.",
          );
        }
        return new Command({ goto: "publish", update: { notes: [] } });
      case "approve":
        // Only the submitted, unchanged version can be approved: a rejected or edited draft needs a new submission.
        if (!pending)
          return again("This draft is not waiting for approval (it was rejected, changed or not submitted).");
        if (hasErrors) return again("Please fix the problems marked on the preview before publishing.");
        return new Command({ goto: "publish", update: { notes: [] } });
      case "submit":
        if (pending) return again("This draft is already waiting for approval.");
        if (hasErrors) return again("Please fix the problems marked on the preview before submitting it.");
        return new Command({
          goto: "review",
          update: {
            status: "pending_approval",
            approval: { submittedBy: state.context.userId, version: state.version },
            notes: ["Submitted for approval. An approver can publish or reject it."],
          },
        });
      case "reject":
        if (!pending) return again("This draft is not waiting for approval, so there is nothing to reject.");
        return new Command({
          goto: "review",
          // The reopened draft is a new version: buttons on the rejected one no longer act.
          update: {
            status: "review",
            version: state.version + 1,
            approval: {
              submittedBy: state.approval?.submittedBy ?? state.authorId,
              version: state.version + 1,
              rejectedReason: decision.reason,
            },
            notes: [`Rejected: ${decision.reason}. The draft is open again for changes.`],
          },
        });
    }
  };
}

function again(note: string) {
  return new Command({ goto: "review", update: { notes: [note] } });
}
