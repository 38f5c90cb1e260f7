import type { WebClient } from "@slack/web-api";
import type { Once } from "./after-ack.js";
import { deliver, portsOf, type SlackDeps, speakerOf } from "./context.js";
import { placeKeyOf, provisionalThreadKey, type SlackPlace } from "./place.js";
import { plainTextOf } from "./text.js";

/**
 * A typed message in a conversation thread: resolve the conversation, show that the bot is
 * working, run the turn, post the answer. Shared by DMs, mentions and thread replies.
 */
export async function messageTurn(
  deps: SlackDeps,
  client: WebClient,
  place: SlackPlace,
  user: string,
  text: string,
  once: Once,
): Promise<void> {
  const threadKey = await deps.threads.resolve(placeKeyOf(place));
  const speaker = await speakerOf(deps, client, { userId: user, team: place.team, channel: place.channel });
  const status = place.threadTs
    ? client.assistant.threads
        .setStatus({
          channel_id: place.channel,
          thread_ts: place.threadTs,
          status: "is working on your offer…",
        })
        .catch(() => undefined) // only agent threads have a status; elsewhere this is a no-op
    : Promise.resolve();
  // "same as #7 but 25%" starts a new conversation, like /offers duplicate.
  const newThreadKey = () => provisionalThreadKey(place.team, place.channel);
  const [turn] = await Promise.all([
    once(() => deps.bot.message(speaker, threadKey, plainTextOf(text), newThreadKey)),
    status,
  ]);
  await deliver(deps, client, turn.threadKey, turn.replies);
  if (turn.decided)
    await portsOf(deps, client).approvals.afterDecision({
      actionId: turn.decided,
      threadKey: turn.threadKey,
      replies: turn.replies,
      userId: user,
    });
}
