import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { type BufferedIncomingMessage, HTTPModuleFunctions, isValidSlackRequest } from "@slack/bolt";

const FORM = "application/x-www-form-urlencoded";
/** Bolt's own limit for a request body. */
const MAX_BODY_BYTES = HTTPModuleFunctions.defaultBodyLimit;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Interactivity types whose payload Bolt reads a user (and the named field) from before any listener. */
const INTERACTIVE: Record<string, (body: Json) => boolean> = {
  block_actions: (body) =>
    Array.isArray(body.actions) && body.actions.length > 0 && body.actions.every(isObject),
  view_submission: (body) => isObject(body.view),
  view_closed: (body) => isObject(body.view),
  shortcut: () => true,
  message_action: () => true,
};

/** Why a parsed body is not one Slack sends, or undefined when it may be. */
function problemOf(body: unknown): string | undefined {
  if (!isObject(body)) return "the body is not a JSON object";
  if ("event" in body && !isObject(body.event)) return "event is not an object";
  const interactive = typeof body.type === "string" ? INTERACTIVE[body.type] : undefined;
  if (interactive && !(isObject(body.user) && typeof body.user.id === "string" && interactive(body)))
    return `not a ${body.type} payload`;
  if ("command" in body && Object.values(body).some((value) => typeof value !== "string"))
    return "a slash command's fields are not single strings";
  return undefined;
}

/**
 * Bolt assumes a correctly signed body has the shape Slack sends: a signed body of `null` throws
 * after the response was due (an unhandled rejection, which ends the process), and `event: "x"`
 * or an action without a user throw inside Bolt and answer 500, which Slack retries. Such bodies,
 * and content types Slack does not send, are refused here (415, 400). The body is read once, here
 * (413 past Bolt's limit); an unsigned or badly signed request goes on to Bolt untouched by these
 * checks, so it is refused 401 as before and its sender learns nothing of them.
 */
export function refuseMalformedBodies(
  listener: RequestListener,
  signingSecret: string,
  path = "/slack/events",
): RequestListener {
  return (request: IncomingMessage, response: ServerResponse) => {
    if (request.method !== "POST" || new URL(request.url ?? "/", "http://bot").pathname !== path) {
      listener(request, response);
      return;
    }
    HTTPModuleFunctions.bufferIncomingMessage(request, MAX_BODY_BYTES).then(
      (buffered) => {
        const problem = signed(buffered, signingSecret) ? problemOfRequest(buffered) : undefined;
        if (problem) response.writeHead(problem).end();
        else listener(buffered, response);
      },
      (error: unknown) => {
        const tooLarge = HTTPModuleFunctions.isRawBodyError(error) && error.statusCode === 413;
        if (!response.headersSent) response.writeHead(tooLarge ? 413 : 400).end();
      },
    );
  };
}

function signed(request: BufferedIncomingMessage, signingSecret: string): boolean {
  const signature = request.headers["x-slack-signature"];
  const timestamp = Number(request.headers["x-slack-request-timestamp"]);
  return (
    typeof signature === "string" &&
    isValidSlackRequest({
      signingSecret,
      body: request.rawBody.toString(),
      headers: { "x-slack-signature": signature, "x-slack-request-timestamp": timestamp },
    })
  );
}

/** The status refusing a signed request Slack would not send, or undefined when it may be one. */
function problemOfRequest(request: BufferedIncomingMessage): 400 | 415 | undefined {
  const type = (request.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json" && type !== FORM) return 415;
  try {
    return problemOf(HTTPModuleFunctions.parseHTTPRequestBody(request)) ? 400 : undefined;
  } catch {
    return 400;
  }
}
