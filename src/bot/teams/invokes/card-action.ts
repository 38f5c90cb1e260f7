import type { Activity } from "@microsoft/agents-activity";
import { replyRoute } from "../../../core/reply-route.js";
import type { ActionId, Reply } from "../../../core/view-models.js";
import { decodeCardClick, NEW_OFFER, NO_THREAD_KEY } from "../../../views/teams/index.js";
import { send, speakerOf, type TeamsDeps } from "../context.js";
import { newThreadKeyIn } from "../place.js";

/** Teams shows an error after about 10 s; an answer within this leaves room for a slow network. */
const ANSWER_WITHIN_MS = 2_500;

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
 * A button (`Action.Execute`): the click runs as in Slack. What only the clicker should see (a
 * refusal, a stale card, "already published") is the invoke's answer, which Teams shows to them
 * alone; the conversation's news is posted and its card updated in place for everyone. A click
 * whose work outlasts the invoke is answered "on it" and finishes in the background.
 */
export async function onCardAction(deps: TeamsDeps, activity: Activity): Promise<CardActionAnswer> {
  const click = decodeCardClick(activity.value);
  const conversationId = activity.conversation?.id;
  if (!click || click.actionId === NEW_OFFER || !conversationId)
    return message("That button isn't one of mine any more. Use the latest card in the conversation.");
  const actionId = click.actionId as ActionId;
  const speaker = speakerOf(activity);
  const threadKey = click.threadKey === NO_THREAD_KEY ? newThreadKeyIn(conversationId) : click.threadKey;
  const fromLiveCard = await deps.threads.fromLiveCard({
    threadKey,
    ...(activity.replyToId ? { messageId: activity.replyToId } : {}),
  });
  const where = { userId: speaker.userId, channel: conversationId };
  const work = (async () => {
    const turn = await deps.bot.action(speaker, threadKey, actionId, click.value, {
      ...(click.reason ? { reason: click.reason } : {}),
      newThreadKey: () => newThreadKeyIn(conversationId),
    });
    const route = replyRoute({ replies: turn.replies, actionId, fromLiveCard, canTellPrivately: true });
    return { turn, route };
  })();
  const quick = await Promise.race([
    work,
    new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), ANSWER_WITHIN_MS).unref()),
  ]);
  if (quick?.route === "user" && noticesOnly(quick.turn.replies)) return message(textOf(quick.turn.replies));
  deps.background.run("click", async () => {
    const { turn, route } = await work;
    await send(deps, route, turn, where);
    await deps.approvals.afterDecision({
      actionId,
      threadKey: turn.threadKey,
      replies: turn.replies,
      userId: speaker.userId,
    });
  });
  return message(quick ? "Done." : "On it: the card will update in a moment.");
}
