import type { App, HTTPModuleFunctions, HTTPReceiver, ReceiverEvent } from "@slack/bolt";
import { getTypeAndConversation } from "@slack/bolt/dist/helpers.js";

type ProcessEventErrorHandler = typeof HTTPModuleFunctions.defaultProcessEventErrorHandler;

/** A signed request whose outer type Bolt has no listeners for: answered 400 at once. */
class UnknownPayload extends Error {}

/**
 * Bolt leaves a body whose type it cannot tell (an `event_callback` with no event, an outer type
 * it does not know) unanswered until its 3-second unhandled-request timeout, and Slack then
 * retries it. Answer those at once instead: an empty event callback is acknowledged (200: there
 * is nothing to redo), anything else is refused (400).
 */
export function gateReceiver(
  receiver: HTTPReceiver,
  app: App,
  options: { holdEventAcks?: boolean } = {},
): void {
  const gated = Object.create(app) as App;
  gated.processEvent = async (event: ReceiverEvent) => {
    if (getTypeAndConversation(event.body).type !== undefined) {
      if (!options.holdEventAcks || (event.body as { type?: unknown }).type !== "event_callback")
        return app.processEvent(event);
      return withAckAfterListeners(app, event);
    }
    if ((event.body as { type?: unknown }).type === "event_callback") return event.ack();
    throw new UnknownPayload();
  };
  receiver.init(gated);
}

/**
 * Bolt acknowledges an event before its listeners run. Held back until they have returned, the
 * 200 tells Slack the work is safe (queued); a process that dies first is not acknowledged, and
 * Slack delivers the event again.
 */
async function withAckAfterListeners(app: App, event: ReceiverEvent): Promise<void> {
  let acked = false;
  await app.processEvent({
    ...event,
    ack: async () => {
      acked = true;
    },
  });
  if (acked) await event.ack();
}

/** Answers 400 for an unknown payload; every other failure as Bolt would. */
export function unknownPayloadAs400(fallback: ProcessEventErrorHandler): ProcessEventErrorHandler {
  return async (args) => {
    if (!(args.error instanceof UnknownPayload)) return fallback(args);
    args.response.writeHead(400).end();
    return false;
  };
}
