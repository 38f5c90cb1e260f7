import type { App } from "@slack/bolt";
import { workKey } from "../after-ack.js";
import type { SlackDeps } from "../context.js";

/** A message in the bot's DM or agent view: the conversation continues in the DM (or its thread). */
export function registerDirectMessage(app: App, deps: SlackDeps): void {
  app.message(async ({ message, body, context }) => {
    if (
      message.channel_type !== "im" ||
      message.subtype !== undefined ||
      !("user" in message) ||
      !message.user
    )
      return;
    if (!message.text) return;
    const place = {
      team: context.teamId ?? "T",
      channel: message.channel,
      ...(message.thread_ts ? { threadTs: message.thread_ts } : {}),
    };
    await deps.afterAck.run(
      { kind: "message", place, user: message.user, text: message.text },
      workKey(body, message.ts),
    );
  });
}
