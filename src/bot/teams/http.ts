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

/**
 * The body, or "too large" as soon as it passes the limit. The rest is then read and dropped
 * rather than the request destroyed (as leaving a `for await` would), so the 413 reaches the client.
 */
function readBody(req: IncomingMessage): Promise<Buffer | "too large"> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      else {
        req.off("data", onData);
        req.resume();
        resolve("too large");
      }
    };
    req.on("data", onData);
    req.once("end", () => resolve(Buffer.concat(chunks)));
    req.once("error", reject);
  });
}

async function readJsonObject(
  req: IncomingMessage,
): Promise<Record<string, unknown> | "too large" | undefined> {
  const body = await readBody(req);
  if (body === "too large") return body;
  try {
    const parsed: unknown = JSON.parse(body.toString("utf8"));
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
      // The Bot Connector sends JSON; a body labelled otherwise is not one of its activities.
      if (!/^application\/json\s*(;|$)/i.test(req.headers["content-type"] ?? "")) {
        req.resume();
        response.status(415).send({ error: "send the activity as application/json" });
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
