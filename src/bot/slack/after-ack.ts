import { justRun, type Perform, type WorkQueue } from "../durable-work.js";
import type { Button } from "./actions/button.js";
import type { OffersCommand } from "./commands/offers.js";
import type { HomeOpened } from "./events/app-home-opened.js";
import type { SlackPlace } from "./place.js";
import type { SubmittedForm } from "./views/form-submission.js";

export type { Once } from "../durable-work.js";

/** What a listener leaves to run after Slack's 3-second acknowledgement: plain data, so it can be queued. */
export type SlackWork =
  | { kind: "message"; place: SlackPlace; user: string; text: string }
  | { kind: "decision"; button: Button }
  | { kind: "offer"; button: Button }
  | { kind: "command"; command: OffersCommand }
  | { kind: "form"; form: SubmittedForm }
  | { kind: "home"; home: HomeOpened };

export type PerformWork = Perform<SlackWork>;

/** Slack's work after the ack: `durableWork` named "slack-work" with Redis, else `inProcessAfterAck`. */
export type AfterAck = WorkQueue<SlackWork>;

/** Without Redis: acknowledge, then do the work in this process (lost if it dies meanwhile). */
export function inProcessAfterAck(perform: () => PerformWork): AfterAck {
  return {
    durable: false,
    async run(work, _key, ack) {
      await ack?.();
      await perform()(work, justRun);
    },
    close: async () => {},
  };
}

/** A Slack event's key: its event id (the same on Slack's redeliveries), else the message's ts. */
export function workKey(body: unknown, ts: string): string {
  const eventId = (body as { event_id?: unknown }).event_id;
  // BullMQ job ids cannot hold a colon.
  return typeof eventId === "string" ? `event-${eventId}` : `message-${ts}`;
}
