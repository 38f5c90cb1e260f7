import type { ActionId, Reply } from "./view-models.js";

/** Where a turn's answer goes: the conversation's thread, the asking user alone, or the channel. */
export type ReplyRoute = "thread" | "user" | "channel";

/** Buttons on a draft's card: their answer is the draft's news, unless it is only a refusal. */
const DRAFT_DECISIONS = new Set<ActionId>([
  "answer",
  "publish",
  "submit",
  "approve",
  "reject",
  "cancel",
  "retry",
]);
/** Buttons that continue a draft somewhere else: a duplicate, a resumed draft. */
const CONVERSATION_STARTERS = new Set<ActionId>(["offer_duplicate", "draft_resume"]);

export interface RouteInput {
  replies: Reply[];
  /** The button pressed; none for a typed command. */
  actionId?: ActionId;
  /** A click on a draft's card: whether it was the conversation's live card (older copies are not). */
  fromLiveCard?: boolean;
  /** Whether the user can be answered privately where they are (a channel, not a form or App Home). */
  canTellPrivately?: boolean;
  /** The user asked to show the answer to the channel (`/offers list share`). */
  share?: boolean;
}

/**
 * The one rule every channel follows. A draft continues in its thread; a refusal, "already
 * published", or any answer to a click on an old card is the clicker's business alone; what
 * `/offers` and offer buttons show is for the asking user, unless they asked to share it.
 */
export function replyRoute(input: RouteInput): ReplyRoute {
  const { replies, actionId } = input;
  if (actionId && CONVERSATION_STARTERS.has(actionId)) return "thread";
  if (actionId && DRAFT_DECISIONS.has(actionId)) {
    const onlyNotices = replies.length > 0 && replies.every((reply) => reply.kind === "notice");
    if (!onlyNotices || !input.canTellPrivately) return "thread";
    return isThreadNews(actionId, replies) && input.fromLiveCard ? "thread" : "user";
  }
  if (replies.some((reply) => reply.kind === "preview" || reply.kind === "question")) return "thread";
  return input.share ? "channel" : "user";
}

/** A notice belongs in the thread only when it is what a click on the live card did (a draft cancelled). */
function isThreadNews(actionId: ActionId, replies: Reply[]): boolean {
  const problem = replies.some((reply) => reply.kind === "notice" && reply.tone !== "info");
  return (actionId === "cancel" || actionId === "answer") && !problem;
}
