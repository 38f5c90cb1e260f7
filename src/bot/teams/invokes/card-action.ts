import { Activity } from "@microsoft/agents-activity";
import { replyRoute } from "../../../core/reply-route.js";
import type { ActionId, Reply } from "../../../core/view-models.js";
import { decodeCardClick, NEW_OFFER, NO_THREAD_KEY } from "../../../views/teams/index.js";
import type { Once } from "../../durable-work.js";
import { send, speakerOf, type TeamsDeps, type TeamsWork, workKeyOf } from "../context.js";
import { newThreadKeyIn } from "../place.js";

/** Teams shows an error after about 10 s; an answer within this leaves room for a slow network. */
const ANSWER_WITHIN_MS = 2_500;
/** A job starting this long after its click (a backlog, no bot running turns) has no invoke left to answer through. */
const INVOKE_GONE_MS = 15_000;
const DONE = "Done.";

/** The body of an `adaptiveCard/action` answer: a text Teams shows to the clicker alone. */
export interface CardActionAnswer {
  statusCode: 200;
  type: "application/vnd.microsoft.activity.message";
  value: string;
}

const message = (text: string): CardActionAnswer => ({
  statusCode: 200,
  type: "application/vnd.microsoft.activity.message",
  value: text,
});

const noticesOnly = (replies: Reply[]) =>
  replies.length > 0 && replies.every((reply) => reply.kind === "notice");
const textOf = (replies: Reply[]) => replies.map((reply) => ("text" in reply ? reply.text : "")).join("\n");

/**
 * A button (`Action.Execute`): the click runs as in Slack, as queued work (a Redis job when
 * configured, so a replica dying after the invoke was answered loses nothing). The invoke waits a
 * moment for it: what only the clicker should see (a refusal, a stale card, "already published")
 * is the invoke's answer, which Teams shows to them alone; otherwise "Done.", or "On it" when the
 * work outlasts the wait. The conversation's news is posted and its card updated for everyone.
 */
export async function onCardAction(deps: TeamsDeps, activity: Activity): Promise<CardActionAnswer> {
  const click = decodeCardClick(activity.value);
  if (!click || click.actionId === NEW_OFFER || !activity.conversation?.id)
    return message("That button isn't one of mine any more. Use the latest card in the conversation.");
  const key = workKeyOf(activity);
  await deps.work.run(
    { kind: "click", key, activity: JSON.parse(JSON.stringify(activity)), at: Date.now() },
    key,
  );
  const answer = await deps.clickAnswers.wait(key, ANSWER_WITHIN_MS);
  return message(answer ?? "On it: the card will update in a moment.");
}

/** The click's work: its turn, the answer left for the invoke, and what everyone else sees. */
export async function performCardClick(
  deps: TeamsDeps,
  work: Extract<TeamsWork, { kind: "click" }>,
  once: Once,
): Promise<void> {
  const activity = Activity.fromObject(work.activity);
  const click = decodeCardClick(activity.value);
  const conversationId = activity.conversation?.id;
  if (!click || !conversationId) return;
  const actionId = click.actionId as ActionId;
  const speaker = speakerOf(activity);
  const threadKey = click.threadKey === NO_THREAD_KEY ? newThreadKeyIn(conversationId) : click.threadKey;
  // Whether the click came from the live card is read before the turn replaces it, and kept with it.
  const { turn, fromLiveCard } = await once(async () => {
    const fromLiveCard = await deps.threads.fromLiveCard({
      threadKey,
      ...(activity.replyToId ? { messageId: activity.replyToId } : {}),
    });
    const turn = await deps.bot.action(speaker, threadKey, actionId, click.value, {
      ...(click.reason ? { reason: click.reason } : {}),
      newThreadKey: () => newThreadKeyIn(conversationId),
    });
    return { turn, fromLiveCard };
  });
  const route = replyRoute({ replies: turn.replies, actionId, fromLiveCard, canTellPrivately: true });
  const waitedFor = Date.now() - work.at < INVOKE_GONE_MS;
  if (route === "user" && noticesOnly(turn.replies)) {
    if (waitedFor && (await deps.clickAnswers.leave(work.key, textOf(turn.replies)))) return;
  } else if (waitedFor) await deps.clickAnswers.leave(work.key, DONE);
  await send(deps, route, turn, { userId: speaker.userId, channel: conversationId });
  await deps.approvals.afterDecision({
    actionId,
    threadKey: turn.threadKey,
    replies: turn.replies,
    userId: speaker.userId,
  });
}
