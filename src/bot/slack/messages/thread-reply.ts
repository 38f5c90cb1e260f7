import type { App } from "@slack/bolt";
import { workKey } from "../after-ack.js";
import type { SlackDeps } from "../context.js";
import { placeKeyOf } from "../place.js";

/**
 * A plain reply in a channel thread the bot is already working in (started by an @mention):
 * no need to mention the bot again. Mentions are left to the app_mention listener.
 */
export function registerThreadReply(app: App, deps: SlackDeps): void {
  app.message(async ({ message, body, context }) => {
    if (
      message.channel_type === "im" ||
      message.subtype !== undefined ||
      !("user" in message) ||
      !message.user
    )
      return;
    if (
      !message.thread_ts ||
      !message.text ||
      (context.botUserId && message.text.includes(`<@${context.botUserId}>`))
    ) {
      return;
    }
    const place = { team: context.teamId ?? "T", channel: message.channel, threadTs: message.thread_ts };
    if (!(await deps.threads.isKnown(placeKeyOf(place)))) return;
    await deps.afterAck.run(
      { kind: "message", place, user: message.user, text: message.text },
      workKey(body, message.ts),
    );
  });
}
