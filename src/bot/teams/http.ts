import type { IncomingMessage, ServerResponse } from "node:http";
import type { CloudAdapter, Request, TurnContext, WebResponse } from "@microsoft/agents-hosting";
import type { Logger } from "pino";

/**
 * The SDK's response interface over node's ServerResponse, as Express provides it: `send` ends the
 * response, since the SDK's JWT check answers 401 with `send` alone and never calls `end`.
 */
class NodeWebResponse implements WebResponse {
  constructor(private readonly res: ServerResponse) {}

  get headersSent(): boolean {
    return this.res.headersSent;
  }

  get writableEnded(): boolean {
    return this.res.writableEnded;
  }

  status(code: number): this {
    this.res.statusCode = code;
    return this;
  }

  setHeader(name: string, value: string): this {
    this.res.setHeader(name, value);
    return this;
  }

  send(body?: unknown): this {
    if (this.res.writableEnded) return this;
    if (body === undefined || body === null) this.res.end();
    else if (typeof body === "string" || Buffer.isBuffer(body)) this.res.end(body);
    else {
      if (!this.res.hasHeader("content-type")) this.res.setHeader("content-type", "application/json");
      this.res.end(JSON.stringify(body));
    }
    return this;
  }

  end(): this {
    if (!this.res.writableEnded) this.res.end();
    return this;
  }
}

/** Teams activities are a few kilobytes; anything near this is not one. */
const MAX_BODY_BYTES = 1024 * 1024;

async function readJsonObject(
  req: IncomingMessage,
): Promise<Record<string, unknown> | "too large" | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return "too large";
    chunks.push(chunk as Buffer);
  }
  try {
    const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    return parsed !== null && typeof parsed === "object" && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `POST /api/messages` on a plain node:http server (Bolt's receivers, or our own): the body read
 * here, the Bot Framework token checked on every request (the SDK's `process` trusts whatever it
 * is given), then the turn. A malformed activity is a 400, not a crash.
 */
export function messagesRoute(
  adapter: CloudAdapter,
  logic: (context: TurnContext) => Promise<void>,
  logger?: Logger,
) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const response = new NodeWebResponse(res);
    try {
      if (req.method !== "POST") {
        response.status(405).send({ error: "POST an activity to /api/messages" });
        return;
      }
      const body = await readJsonObject(req);
      if (body === "too large") {
        response.status(413).send({ error: "the activity is over 1 MB" });
        return;
      }
      if (!body) {
        response.status(400).send({ error: "the body must be a JSON activity" });
        return;
      }
      const request: Request = { method: req.method, headers: req.headers, body };
      let authorized = false;
      await adapter.authorizeRequest(request, response, () => {
        authorized = true;
      });
      if (!authorized || res.headersSent) return;
      await adapter.process(request, response, logic);
    } catch (error) {
      // The SDK parses activities with zod: a malformed one throws a ZodError.
      const malformed = (error as Error | undefined)?.name === "ZodError";
      if (!malformed) logger?.error({ err: error }, "Teams request failed");
      if (!res.headersSent)
        response
          .status(malformed ? 400 : 500)
          .send({ error: malformed ? "not a valid activity" : "something went wrong on our side" });
      else response.end();
    }
  };
}
