import type { App } from "@slack/bolt";
import type { SlackDeps } from "../context.js";
import { messageTurn } from "../turn.js";

/** A message in the bot's DM or agent view: the conversation continues in the DM (or its thread). */
export function registerDirectMessage(app: App, deps: SlackDeps): void {
  app.message(async ({ message, client, context }) => {
    if (
      message.channel_type !== "im" ||
      message.subtype !== undefined ||
      !("user" in message) ||
      !message.user
    )
      return;
    if (!message.text) return;
    await messageTurn(
      deps,
      client,
      {
        team: context.teamId ?? "T",
        channel: message.channel,
        ...(message.thread_ts ? { threadTs: message.thread_ts } : {}),
      },
      message.user,
      message.text,
    );
  });
}
