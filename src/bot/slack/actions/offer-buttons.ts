import type { App } from "@slack/bolt";
import { replyRoute } from "../../../core/reply-route.js";
import { type SlackDeps, send, speakerOf } from "../context.js";
import { provisionalThreadKey } from "../place.js";
import { actionIdPattern, buttonOf } from "./button.js";

/**
 * Buttons on offer lists, offer details, drafts and App Home. Results go to the clicking user only
 * (ephemeral where clicked, or their DM from App Home); a duplicate or a resumed draft continues
 * as a conversation, posted anew so it appears where the user will look.
 */
export function registerOfferButtons(app: App, deps: SlackDeps): void {
  app.action(
    actionIdPattern([
      "offers_page",
      "offer_show",
      "offer_pause",
      "offer_resume",
      "offer_end",
      "offer_end_confirmed",
      "offer_duplicate",
      "offer_analytics",
      "draft_resume",
    ]),
    async (args) => {
      await args.ack();
      const button = buttonOf(args as never);
      if (!button) return;
      const speaker = await speakerOf(deps, args.client, { userId: button.userId, team: button.team });
      const newThreadKey = () => provisionalThreadKey(button.team, button.userId);
      const turn = await deps.bot.action(speaker, button.threadKey, button.id, button.value, {
        newThreadKey,
      });
      const route = replyRoute({ replies: turn.replies, actionId: button.id });
      const where = { userId: button.userId, ...(button.channel ? { channel: button.channel } : {}) };
      await send(deps, args.client, route, turn, where, { fresh: true });
    },
  );
}
