import type { App } from "@slack/bolt";
import { newOfferModal } from "../../../views/slack/index.js";
import type { SlackDeps } from "../context.js";
import { provisionalThreadKey } from "../place.js";

/** The global "New offer" shortcut opens the full form; the draft then lives in the user's DM. */
export function registerNewOfferShortcut(app: App, _deps: SlackDeps): void {
  app.shortcut("new_offer", async ({ ack, shortcut, client }) => {
    await ack();
    const team = shortcut.team?.id ?? shortcut.user.team_id ?? "T";
    await client.views.open({
      trigger_id: shortcut.trigger_id,
      view: newOfferModal({ threadKey: provisionalThreadKey(team, shortcut.user.id) }),
    });
  });
}
