import type { App } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { replyRoute } from "../../../core/reply-route.js";
import type { ActionId } from "../../../core/view-models.js";
import type { Once } from "../after-ack.js";
import { type SlackDeps, send, speakerOf } from "../context.js";
import { provisionalThreadKey } from "../place.js";
import { actionIdPattern, type Button, buttonOf, runClick } from "./button.js";

/** What an offer's buttons (and its "…" menu in a digest) can do. */
export const OFFER_ACTIONS: readonly ActionId[] = [
  "offers_page",
  "offer_show",
  "offer_pause",
  "offer_resume",
  "offer_end",
  "offer_end_confirmed",
  "offer_duplicate",
  "offer_analytics",
  "offer_extend",
  "draft_resume",
];

/**
 * Buttons on offer lists, offer details, drafts, digests, alerts and App Home. Results go to the
 * clicking user only (ephemeral where clicked, or their DM from App Home); a duplicate or a resumed
 * draft continues as a conversation, posted anew so it appears where the user will look.
 */
export function registerOfferButtons(app: App, deps: SlackDeps): void {
  app.action(actionIdPattern(OFFER_ACTIONS), async (args) => {
    const button = buttonOf(args as never);
    if (!button) return args.ack();
    await runClick(deps, { kind: "offer", button }, args.action, () => args.ack());
  });
}

/** One click on an offer's action, answered to the clicker. */
export async function actOnOffer(
  deps: SlackDeps,
  client: WebClient,
  button: Button,
  once: Once,
): Promise<void> {
  const speaker = await speakerOf(deps, client, { userId: button.userId, team: button.team });
  const newThreadKey = () => provisionalThreadKey(button.team, button.userId);
  const turn = await once(() =>
    deps.bot.action(speaker, button.threadKey, button.id, button.value, { newThreadKey }),
  );
  const route = replyRoute({ replies: turn.replies, actionId: button.id });
  const where = { userId: button.userId, ...(button.channel ? { channel: button.channel } : {}) };
  await send(deps, client, route, turn, where, { fresh: true });
}
