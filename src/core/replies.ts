import type { StateSnapshot } from "@langchain/langgraph";
import type { BenchmarkTable } from "../graph/recommend/benchmarks.js";
import type { OfferStateValue } from "../graph/state.js";
import { buildPreview } from "./preview.js";
import { type Action, type Reply, versionValue } from "./view-models.js";

export function isWaitingForReview(snapshot: StateSnapshot): boolean {
  return snapshot.tasks.some((task) => task.interrupts.length > 0);
}

/**
 * A run stopped between its steps with nothing to wait for: the process running it died (a replica
 * killed mid-publish). Whoever holds the thread's lock now may finish it.
 */
export function wasCutShort(snapshot: StateSnapshot): boolean {
  return snapshot.next.length > 0 && !isWaitingForReview(snapshot);
}

/** What the user sees after a turn, derived from the thread state alone. */
export function repliesFor(snapshot: StateSnapshot, benchmarks: BenchmarkTable): Reply[] {
  const state = snapshot.values as OfferStateValue;
  if (state.answerOnly) {
    return state.notes.length > 0 ? [{ kind: "notice", tone: "info", text: state.notes.join("\n") }] : [];
  }
  if (state.status === "published" && state.published) {
    return [
      {
        kind: "published",
        offerId: state.published.offerId,
        title: state.draft.offerTitle ?? `Offer ${state.published.offerId}`,
        created: state.published.created,
        workarounds: state.published.workarounds,
      },
    ];
  }
  if (state.status === "cancelled") {
    return [{ kind: "notice", tone: "info", text: state.notes.join(" ") || "Cancelled." }];
  }
  if (isWaitingForReview(snapshot)) {
    return [
      {
        kind: "preview",
        notes: state.notes,
        preview: buildPreview(state, benchmarks),
        actions: previewActions(state),
      },
    ];
  }
  if (state.question) {
    return [
      {
        kind: "question",
        notes: state.notes,
        field: state.question.field,
        text: state.question.text,
        ...(state.question.hint ? { hint: state.question.hint } : {}),
        actions: state.question.suggestions.map((suggestion) => ({
          id: "answer" as const,
          label: suggestion.label,
          value: suggestion.value,
        })),
      },
    ];
  }
  return [
    {
      kind: "notice",
      tone: "info",
      text: state.notes.join(" ") || "Tell me about the offer you want to create.",
    },
  ];
}

/**
 * The same four places in every state, so "1" always means publish and "2" always edit: a blocked
 * Publish stays and, pressed, says what to fix instead of disappearing and shifting the rest.
 */
function previewActions(state: OfferStateValue): Action[] {
  const value = versionValue(state.version);
  const edit: Action = { id: "edit", label: "Edit", value };
  const cancel: Action = { id: "cancel", label: "Cancel", value, style: "danger" };
  if (state.status === "failed") {
    return [{ id: "retry", label: "Retry publishing", value, style: "primary" }, edit, cancel];
  }
  if (state.status === "pending_approval") {
    return [
      { id: "approve", label: "Approve & publish", value, style: "primary" },
      edit,
      { id: "reject", label: "Reject", value },
      cancel,
    ];
  }
  return [
    { id: "publish", label: "Publish", value, style: "primary" },
    edit,
    { id: "submit", label: "Submit for approval", value },
    cancel,
  ];
}
