import type { App } from "@slack/bolt";
import { appHomeView } from "../../../views/slack/index.js";
import { type SlackDeps, speakerOf } from "../context.js";

/** App Home: the user's recent offers and open drafts, with quick actions. */
export function registerAppHomeOpened(app: App, deps: SlackDeps): void {
  app.event("app_home_opened", async ({ event, client, context }) => {
    if (event.tab !== "home") return;
    const speaker = await speakerOf(deps, client, {
      userId: event.user,
      ...(context.teamId ? { team: context.teamId } : {}),
    });
    const home = await deps.bot.home(speaker);
    await client.views.publish({ user_id: event.user, view: appHomeView(home) });
  });
}
