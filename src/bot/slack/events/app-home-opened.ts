import type { App } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { appHomeView } from "../../../views/slack/index.js";
import { workKey } from "../after-ack.js";
import { type SlackDeps, speakerOf } from "../context.js";

/** Whose Home tab to draw: plain data, so the work can be queued. */
export interface HomeOpened {
  user: string;
  team?: string;
}

/**
 * App Home: the user's recent offers and open drafts, with quick actions. Drawn after the ack (its
 * reads of the Kigo API may take longer than Slack waits), through the same work queue as a turn.
 */
export function registerAppHomeOpened(app: App, deps: SlackDeps): void {
  app.event("app_home_opened", async ({ event, body, context }) => {
    if (event.tab !== "home") return;
    const home = { user: event.user, ...(context.teamId ? { team: context.teamId } : {}) };
    await deps.afterAck.run({ kind: "home", home }, workKey(body, event.event_ts));
  });
}

/** Publishes a fresh Home tab to the user who opened it. */
export async function publishHome(deps: SlackDeps, client: WebClient, opened: HomeOpened): Promise<void> {
  const speaker = await speakerOf(deps, client, {
    userId: opened.user,
    ...(opened.team ? { team: opened.team } : {}),
  });
  const home = await deps.bot.home(speaker);
  await client.views.publish({ user_id: opened.user, view: appHomeView(home) });
}
