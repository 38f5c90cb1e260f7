import type { App } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { readOffersCommand } from "../../../core/offer-commands.js";
import { replyRoute } from "../../../core/reply-route.js";
import { newOfferModal, replyBlocks } from "../../../views/slack/index.js";
import type { Once } from "../after-ack.js";
import { deliver, type SlackDeps, speakerOf } from "../context.js";
import { provisionalThreadKey } from "../place.js";
import { plainTextOf } from "../text.js";

/** What a `/offers` line's work needs after the ack: plain data, so it can be queued. */
export interface OffersCommand {
  text: string;
  userId: string;
  teamId: string;
  channelId: string;
  responseUrl: string;
}

/**
 * `/offers …`: `new` opens the form while the trigger id is fresh; anything else runs after the
 * ack (queued first when the bot keeps its work in Redis).
 */
export function registerOffersCommand(app: App, deps: SlackDeps): void {
  app.command("/offers", async ({ command, ack, client }) => {
    const line = readOffersCommand(plainTextOf(command.text));
    if ("verb" in line.command && line.command.verb === "new") {
      await ack();
      // Posting to a user id lands in their DM with the bot; no lookup before the trigger expires.
      const threadKey = provisionalThreadKey(command.team_id, command.user_id);
      await client.views.open({ trigger_id: command.trigger_id, view: newOfferModal({ threadKey }) });
      return;
    }
    const work = {
      text: command.text,
      userId: command.user_id,
      teamId: command.team_id,
      channelId: command.channel_id,
      responseUrl: command.response_url,
    };
    // BullMQ job ids cannot hold a colon; a trigger id is unique per command typed.
    await deps.afterAck.run({ kind: "command", command: work }, `command-${command.trigger_id}`, () => ack());
  });
}

/**
 * One `/offers` line's turn. Its answer goes through the command's response_url, to the user alone
 * (or the channel with a trailing "share"); drafts a command starts (duplicate) continue in the
 * user's DM with the bot.
 */
export async function offersCommandTurn(
  deps: SlackDeps,
  client: WebClient,
  command: OffersCommand,
  once: Once,
): Promise<void> {
  const line = readOffersCommand(plainTextOf(command.text));
  const newThreadKey = () => provisionalThreadKey(command.teamId, command.userId);
  const speaker = await speakerOf(deps, client, {
    userId: command.userId,
    team: command.teamId,
    channel: command.channelId,
  });
  const turn = await once(() => deps.bot.command(speaker, newThreadKey(), line, newThreadKey));
  const route = replyRoute({ replies: turn.replies, share: line.share });
  if (route === "thread") {
    await deliver(deps, client, turn.threadKey, turn.replies);
    return;
  }
  // The command's response_url reaches any conversation it was typed in, also a channel the bot
  // is not in and a DM between two people, where chat.postEphemeral answers channel_not_found.
  for (const reply of turn.replies) {
    const { text, blocks } = replyBlocks(reply, { threadKey: turn.threadKey });
    await respondAt(command.responseUrl, {
      response_type: route === "channel" ? "in_channel" : "ephemeral",
      text,
      blocks,
    });
  }
}

/**
 * What Bolt's `respond()` does, from data a queued job still has: Bolt's is bound to the request,
 * which a replica taking the job over never saw.
 */
async function respondAt(responseUrl: string, message: object): Promise<void> {
  const answer = await fetch(responseUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(message),
  });
  if (!answer.ok) throw new Error(`Slack refused the command's answer (${answer.status})`);
}
