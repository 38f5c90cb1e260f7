import type { App } from "@slack/bolt";
import { readOffersCommand } from "../../../core/offer-commands.js";
import { replyRoute } from "../../../core/reply-route.js";
import { newOfferModal, replyBlocks } from "../../../views/slack/index.js";
import { deliver, type SlackDeps, speakerOf } from "../context.js";
import { provisionalThreadKey } from "../place.js";
import { plainTextOf } from "../text.js";

/**
 * `/offers …`: acknowledged at once; `new` opens the form while the trigger id is fresh; anything
 * else answers through the command's response_url, to the user alone (or the channel with a
 * trailing "share"). Drafts a command starts (duplicate) continue in the user's DM with the bot.
 */
export function registerOffersCommand(app: App, deps: SlackDeps): void {
  app.command("/offers", async ({ command, ack, client, respond }) => {
    await ack();
    const line = readOffersCommand(plainTextOf(command.text));
    // Posting to a user id lands in their DM with the bot; no lookup before the trigger expires.
    const newThreadKey = () => provisionalThreadKey(command.team_id, command.user_id);
    if ("verb" in line.command && line.command.verb === "new") {
      await client.views.open({
        trigger_id: command.trigger_id,
        view: newOfferModal({ threadKey: newThreadKey() }),
      });
      return;
    }
    const speaker = await speakerOf(deps, client, {
      userId: command.user_id,
      team: command.team_id,
      channel: command.channel_id,
    });
    const turn = await deps.bot.command(speaker, newThreadKey(), line, newThreadKey);
    const route = replyRoute({ replies: turn.replies, share: line.share });
    if (route === "thread") {
      await deliver(deps, client, turn.threadKey, turn.replies);
      return;
    }
    // The command's response_url reaches any conversation it was typed in, also a channel the bot
    // is not in and a DM between two people, where chat.postEphemeral answers channel_not_found.
    for (const reply of turn.replies) {
      const { text, blocks } = replyBlocks(reply, { threadKey: turn.threadKey });
      await respond({ response_type: route === "channel" ? "in_channel" : "ephemeral", text, blocks });
    }
  });
}
