import { Command, END, interrupt } from "@langchain/langgraph";
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
    const hasErrors = state.issues.some((issue) => issue.severity === "error");
    switch (decision.kind) {
      case "cancel":
        return new Command({
          goto: END,
          update: { status: "cancelled", notes: ["Cancelled. Nothing was published."] },
        });
      case "publish":
      case "approve":
        if (hasErrors) return again("Please fix the problems marked on the preview before publishing.");
        return new Command({ goto: "publish", update: { notes: [] } });
      case "submit":
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
        return new Command({
          goto: "review",
          update: {
            status: "review",
            approval: {
              submittedBy: state.approval?.submittedBy ?? state.authorId,
              version: state.version,
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
