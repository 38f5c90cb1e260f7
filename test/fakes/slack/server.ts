import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import { blockKitProblems } from "./block-kit-limits.js";
import { type Decoded, decodeBody } from "./body.js";
import { APP_TOKEN, BOT_TOKEN, dmChannel } from "./ids.js";
import { type Answer, METHODS } from "./methods.js";
import { acceptSocket, type FakeSocketConnection } from "./socket.js";
import { type FakeSlackUser, type StoredMessage, Workspace } from "./workspace.js";

/**
 * A fake Slack Web API on loopback, so the real @slack/web-api code path runs against it
 * (`clientOptions: { slackApiUrl: fake.apiUrl }`). It records every call and enforces Block Kit limits.
 */

export type { FakeSlackUser, StoredMessage };

/** The method recorded for the bytes web-api POSTs to the upload_url that files.getUploadURLExternal gave out. */
export const UPLOAD = "upload";
/** The method recorded for what an app POSTs to a response_url (Bolt's respond()). */
export const RESPONSE_URL = "response_url";

export interface FakeSlackCall {
  method: string;
  /** Decoded: the JSON fields of a form body (blocks, view, …) parsed back into objects. */
  body: Decoded;
  /** What the fake answered (`{ ok: false, error: "ratelimited" }` for a 429). */
  response: Answer;
  at: number;
}

export interface FakeSlack {
  /** Ends with /api/, like https://slack.com/api/. */
  apiUrl: string;
  readonly calls: readonly FakeSlackCall[];
  callsTo(method: string): FakeSlackCall[];
  /** The first call to `method` matching `predicate`, already made or still to come. */
  waitFor(
    method: string,
    predicate?: (call: FakeSlackCall) => boolean,
    timeoutMs?: number,
  ): Promise<FakeSlackCall>;
  /** The next `times` calls to `method` answer HTTP 429 with this Retry-After. */
  rateLimit(method: string, options?: { times?: number; retryAfterSeconds?: number }): void;
  /**
   * From now on a chat.postMessage to a channel less than `ms` after the last one posted there answers 429
   * with Retry-After: 1, as Slack limits posts to about one a second per channel.
   */
  paceChannels(ms: number): void;
  /** The next `times` calls to `method` answer ok: false with this error (not_allowed_token_type, …). */
  failWith(method: string, error: string, options?: { times?: number }): void;
  setUser(id: string, user: FakeSlackUser): void;
  /** A channel the bot is not in (or a DM between two people): posts there fail with channel_not_found. */
  keepBotOut(channel: string): void;
  /**
   * A channel conversations.list and conversations.info know by name; a channel the bot is not a member of
   * (`member: false`) is kept out as keepBotOut does. Ids starting with G are private unless told.
   */
  addChannel(
    id: string,
    name: string,
    options?: { member?: boolean; private?: boolean; archived?: boolean },
  ): void;
  /** A response_url on this fake, as Slack puts in commands and interactions. */
  responseUrl(): string;
  /** Socket Mode connections opened to the URLs apps.connections.open gave out. */
  readonly sockets: readonly FakeSocketConnection[];
  /** A message someone else wrote, so conversations.history/replies and chat.update can see it. */
  addMessage(channel: string, message: Omit<StoredMessage, "type" | "ts"> & { ts?: string }): StoredMessage;
  /** Forgets calls, messages, users, channels, uploads, pending 429s and failures, and stops pacing. */
  reset(): void;
  close(): Promise<void>;
}

interface Waiter {
  method: string;
  predicate: (call: FakeSlackCall) => boolean;
  resolve: (call: FakeSlackCall) => void;
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function send(
  response: ServerResponse,
  answer: Answer,
  headers: Record<string, string> = {},
  status = 200,
): void {
  response.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
  response.end(JSON.stringify(answer));
}

function bearer(request: IncomingMessage): string | undefined {
  return request.headers.authorization?.match(/^Bearer\s+(\S+)$/)?.[1];
}

export async function startFakeSlack(options: { token?: string } = {}): Promise<FakeSlack> {
  const validToken = options.token ?? BOT_TOKEN;
  const calls: FakeSlackCall[] = [];
  const rateLimits = new Map<string, { times: number; retryAfterSeconds: number }>();
  const failures = new Map<string, { times: number; error: string }>();
  const pace = { ms: 0, lastPost: new Map<string, number>() };
  let waiters: Waiter[] = [];

  function record(method: string, body: Decoded, response: Answer): void {
    const call = { method, body, response, at: Date.now() };
    calls.push(call);
    const matched = waiters.filter((w) => w.method === method && w.predicate(call));
    waiters = waiters.filter((w) => !matched.includes(w));
    for (const waiter of matched) waiter.resolve(call);
  }

  function answer(method: string, request: IncomingMessage, body: Decoded | undefined): Answer {
    const handler = METHODS[method];
    if (!handler) return { ok: false, error: "unknown_method" };
    if (!body) return { ok: false, error: "invalid_json" };
    // Socket Mode connects with the app-level token; everything else takes the bot token.
    const expected = method === "apps.connections.open" ? APP_TOKEN : validToken;
    if ((bearer(request) ?? body.token) !== expected) return { ok: false, error: "invalid_auth" };
    return handler(body, workspace);
  }

  /** Seconds to tell the caller to wait, when this call is over a limit. */
  function retryAfter(method: string, body: Decoded | undefined): number | undefined {
    const limit = rateLimits.get(method);
    if (limit && limit.times > 0) {
      limit.times -= 1;
      return limit.retryAfterSeconds;
    }
    if (method !== "chat.postMessage" || !pace.ms || typeof body?.channel !== "string") return undefined;
    const last = pace.lastPost.get(dmChannel(body.channel));
    return last !== undefined && Date.now() - last < pace.ms ? 1 : undefined;
  }

  function failure(method: string): Answer | undefined {
    const failing = failures.get(method);
    if (!failing || failing.times <= 0) return undefined;
    failing.times -= 1;
    return { ok: false, error: failing.error };
  }

  function answerApi(method: string, request: IncomingMessage, raw: string, response: ServerResponse): void {
    const body = decodeBody(request.headers["content-type"], raw);
    const wait = retryAfter(method, body);
    if (wait !== undefined) {
      const ratelimited = { ok: false, error: "ratelimited" };
      record(method, body ?? { raw }, ratelimited);
      send(response, ratelimited, { "retry-after": String(wait) }, 429);
      return;
    }
    const answered = failure(method) ?? answer(method, request, body);
    if (method === "chat.postMessage" && answered.ok)
      pace.lastPost.set(dmChannel(String(body?.channel)), Date.now());
    record(method, body ?? { raw }, answered);
    send(response, answered);
  }

  async function acceptUpload(
    fileId: string,
    request: IncomingMessage,
    raw: Buffer,
    response: ServerResponse,
  ) {
    const form = await new Response(raw, {
      headers: { "content-type": request.headers["content-type"] ?? "" },
    })
      .formData()
      .catch(() => undefined);
    const file = [...(form?.values() ?? [])].find((value) => typeof value !== "string");
    const content = typeof file === "object" ? Buffer.from(await file.arrayBuffer()) : raw;
    const upload = workspace.uploads.get(fileId);
    if (upload) upload.content = content;
    record(UPLOAD, { file_id: fileId, filename: upload?.filename, content }, { ok: upload !== undefined });
    response.writeHead(upload ? 200 : 404, { "content-type": "text/plain" });
    response.end(upload ? `OK - ${content.length}` : "Not Found");
  }

  /** Slack answers a response_url with a plain "ok", or a 4xx for a message it will not show. */
  function answerResponseUrl(raw: string, response: ServerResponse): void {
    const body = decodeBody("application/json", raw) ?? { raw };
    const problems = Array.isArray(body.blocks) ? blockKitProblems("message", body.blocks) : [];
    record(RESPONSE_URL, body, { ok: problems.length === 0, ...(problems.length ? { problems } : {}) });
    response.writeHead(problems.length ? 400 : 200, { "content-type": "text/plain" });
    response.end(problems.length ? "invalid_blocks" : "ok");
  }

  const server = createServer(async (request, response) => {
    const raw = await readBody(request);
    const path = new URL(request.url ?? "/", "http://fake").pathname;
    const api = path.match(/^\/api\/([\w.]+)$/);
    const upload = path.match(/^\/upload\/v1\/(\w+)$/);
    try {
      if (api?.[1]) answerApi(api[1], request, raw.toString("utf8"), response);
      else if (path.startsWith("/respond/") && request.method === "POST")
        answerResponseUrl(raw.toString("utf8"), response);
      else if (upload?.[1] && request.method === "POST")
        await acceptUpload(upload[1], request, raw, response);
      else response.writeHead(404).end();
    } catch (error) {
      // An argument of a type a method cannot take (a number for a channel, say) must fail the call, not the run.
      send(response, { ok: false, error: "fatal_error", detail: String(error) });
    }
  });
  const sockets: FakeSocketConnection[] = [];
  // Upgraded connections are not the HTTP server's any more: closed by hand.
  const upgraded = new Set<Duplex>();
  server.on("upgrade", (request, socket) => {
    upgraded.add(socket);
    socket.once("close", () => upgraded.delete(socket));
    if (new URL(request.url ?? "/", "http://fake").pathname !== "/link/") socket.destroy();
    else acceptSocket(request, socket, (connection) => sockets.push(connection));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const workspace = new Workspace(origin);

  return {
    apiUrl: `${origin}/api/`,
    calls,
    callsTo: (method) => calls.filter((c) => c.method === method),
    waitFor(method, predicate = () => true, timeoutMs = 2000) {
      const already = calls.find((c) => c.method === method && predicate(c));
      if (already) return Promise.resolve(already);
      return new Promise((resolve, reject) => {
        const waiter: Waiter = { method, predicate, resolve };
        const timer = setTimeout(() => {
          waiters = waiters.filter((w) => w !== waiter);
          const seen = calls.map((c) => c.method).join(", ") || "none";
          reject(new Error(`no matching ${method} call within ${timeoutMs} ms; calls seen: ${seen}`));
        }, timeoutMs);
        waiter.resolve = (call) => {
          clearTimeout(timer);
          resolve(call);
        };
        waiters.push(waiter);
      });
    },
    rateLimit(method, { times = 1, retryAfterSeconds = 1 } = {}) {
      rateLimits.set(method, { times, retryAfterSeconds });
    },
    paceChannels(ms) {
      pace.ms = ms;
    },
    failWith(method, error, { times = 1 } = {}) {
      failures.set(method, { times, error });
    },
    setUser: (id, user) => workspace.setUser(id, user),
    keepBotOut: (channel) => workspace.keepBotOut(channel),
    addChannel: (id, name, options = {}) => workspace.addChannel(id, name, options),
    responseUrl: () => `${origin}/respond/${workspace.nextId("R")}`,
    sockets,
    addMessage: (channel, message) => workspace.add(channel, message),
    reset() {
      calls.length = 0;
      rateLimits.clear();
      failures.clear();
      pace.ms = 0;
      pace.lastPost.clear();
      workspace.reset();
    },
    close() {
      server.closeAllConnections();
      for (const socket of upgraded) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
