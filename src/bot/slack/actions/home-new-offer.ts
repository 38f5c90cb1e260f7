import type { App } from "@slack/bolt";
import { HOME_NEW_OFFER_ACTION, newOfferModal } from "../../../views/slack/index.js";
import type { SlackDeps } from "../context.js";
import { provisionalThreadKey } from "../place.js";

/** "New offer" on App Home opens the full form. */
export function registerHomeNewOffer(app: App, _deps: SlackDeps): void {
  app.action(HOME_NEW_OFFER_ACTION, async ({ ack, body, client }) => {
    await ack();
    if (body.type !== "block_actions") return;
    const team = body.team?.id ?? body.user.team_id ?? "T";
    await client.views.open({
      trigger_id: body.trigger_id,
      view: newOfferModal({ threadKey: provisionalThreadKey(team, body.user.id) }),
    });
  });
}
