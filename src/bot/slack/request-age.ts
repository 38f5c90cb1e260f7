import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";

/** Slack's replay window: Bolt refuses requests older than this, and we refuse as far ahead. */
const MAX_SKEW_SECONDS = 5 * 60;

/**
 * Bolt checks only that a signed request is not too old, so a captured request stamped in the
 * future would stay replayable until then. This refuses it the same way (401, no body) before
 * Bolt reads it.
 */
export function refuseFutureRequests(
  listener: RequestListener,
  onRefused: (timestamp: number) => void,
  now: () => number = Date.now,
): RequestListener {
  return (request: IncomingMessage, response: ServerResponse) => {
    const header = request.headers["x-slack-request-timestamp"];
    const timestamp = Number(Array.isArray(header) ? header[0] : header);
    if (Number.isFinite(timestamp) && timestamp > Math.floor(now() / 1000) + MAX_SKEW_SECONDS) {
      onRefused(timestamp);
      response.writeHead(401).end();
      return;
    }
    listener(request, response);
  };
}
