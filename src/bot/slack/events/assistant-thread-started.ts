import type { App } from "@slack/bolt";
import type { SlackDeps } from "../context.js";

const PROMPTS = [
  {
    title: "The seed example",
    message:
      "20% off all equipment for John Deere dealers in December, code DEALER20, 3 uses per customer, 1000 total, budget $50k",
  },
  { title: "Start from scratch", message: "I want to create a new offer" },
  { title: "Open loop", message: "15% off for Yardi residents next month, show and save, budget $10k" },
];

/** The agent view opens with prompts that show what the bot understands. */
export function registerAssistantThreadStarted(app: App, deps: SlackDeps): void {
  app.event("assistant_thread_started", async ({ event, client }) => {
    const { channel_id, thread_ts } = event.assistant_thread;
    await client.assistant.threads
      .setSuggestedPrompts({
        channel_id,
        thread_ts,
        title: "Create an offer by describing it",
        prompts: PROMPTS,
      })
      .catch((error: unknown) => deps.logger?.warn({ err: error }, "could not set suggested prompts"));
  });
}
