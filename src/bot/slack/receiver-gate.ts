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
export function gateReceiver(receiver: HTTPReceiver, app: App): void {
  const gated = Object.create(app) as App;
  gated.processEvent = async (event: ReceiverEvent) => {
    if (getTypeAndConversation(event.body).type !== undefined) return app.processEvent(event);
    if ((event.body as { type?: unknown }).type === "event_callback") return event.ack();
    throw new UnknownPayload();
  };
  receiver.init(gated);
}

/** Answers 400 for an unknown payload; every other failure as Bolt would. */
export function unknownPayloadAs400(fallback: ProcessEventErrorHandler): ProcessEventErrorHandler {
  return async (args) => {
    if (!(args.error instanceof UnknownPayload)) return fallback(args);
    args.response.writeHead(400).end();
    return false;
  };
}
