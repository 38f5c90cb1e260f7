import type { App } from "@slack/bolt";
import { workKey } from "../after-ack.js";
import type { SlackDeps } from "../context.js";
import { placeKeyOf } from "../place.js";

/** "@Kigo 20% off …" in a channel: the conversation continues in that message's thread. */
export function registerAppMention(app: App, deps: SlackDeps): void {
  app.event("app_mention", async ({ event, body, context }) => {
    if (!event.user) return;
    const place = {
      team: context.teamId ?? "T",
      channel: event.channel,
      threadTs: event.thread_ts ?? event.ts,
    };
    // Plain replies in this thread are for the bot from now on.
    await deps.threads.register(placeKeyOf(place), placeKeyOf(place));
    const text = event.text.replace(/<@[A-Z0-9]+>/g, " ").trim();
    await deps.afterAck.run({ kind: "message", place, user: event.user, text }, workKey(body, event.ts));
  });
}
