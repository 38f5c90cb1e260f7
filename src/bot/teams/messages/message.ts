import type { Activity } from "@microsoft/agents-activity";
import { replyRoute } from "../../../core/reply-route.js";
import type { Once } from "../../durable-work.js";
import { send, speakerOf, type TeamsDeps } from "../context.js";
import { newThreadKeyIn, placeKeyOf } from "../place.js";
import { commandOf, plainTextOf } from "../text.js";

/**
 * A typed message, in a personal chat or an @mention in a channel or group chat: the same
 * conversation as in Slack, or a command from Teams' command menu ("list", "show 7").
 */
export async function onTeamsMessage(deps: TeamsDeps, activity: Activity, once: Once): Promise<void> {
  const conversationId = activity.conversation?.id;
  const text = plainTextOf(activity);
  if (!conversationId || !text) return;
  const placeKey = placeKeyOf(conversationId);
  const threadKey = await deps.threads.resolve(placeKey);
  const speaker = speakerOf(activity);
  const newThreadKey = () => newThreadKeyIn(conversationId);
  const command = commandOf(text);
  // The dots say a reply is coming; a conversation that cannot show them still gets the reply.
  await deps
    .typing(conversationId)
    .catch((error: unknown) => deps.logger?.debug({ err: error }, "typing failed"));
  const turn = await once(() =>
    command
      ? deps.bot.command(speaker, threadKey, command, newThreadKey)
      : deps.bot.message(speaker, threadKey, text, newThreadKey),
  );
  // A chat has no threads: a draft started from it (a duplicate, "new") is what it continues.
  if (turn.threadKey !== threadKey) await deps.threads.register(placeKey, turn.threadKey);
  const route = command ? replyRoute({ replies: turn.replies, share: command.share }) : "thread";
  await send(deps, route, turn, { userId: speaker.userId, channel: conversationId });
  // Teams has no message only one person sees in a channel: the answer went to their own chat.
  const privateChat = route === "user" ? await deps.references.personalChatOf(speaker.userId) : undefined;
  if (privateChat && privateChat !== conversationId)
    await deps.outbound.post(
      { conversation: threadKey },
      { kind: "line", text: "I've sent you the answer in our personal chat." },
    );
  if (turn.decided)
    await deps.approvals.afterDecision({
      actionId: turn.decided,
      threadKey: turn.threadKey,
      replies: turn.replies,
      userId: speaker.userId,
    });
}
