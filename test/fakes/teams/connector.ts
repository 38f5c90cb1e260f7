import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export const ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive";

/** One request the bot made to the Bot Connector, with the conversation and activity ids read from its path. */
export interface ConnectorCall {
  method: string;
  path: string;
  /** As the SDK puts it in the path: raw, not URL-encoded (`a:…`, `19:…@thread.tacv2;messageid=…`). */
  conversationId: string;
  /** POST: the message replied to (absent for a new post); PUT/DELETE: the message changed. */
  activityId?: string;
  authorization?: string;
  body: Record<string, unknown> | undefined;
  /** The status answered, and the id given to a new message. */
  status: number;
  id?: string;
}

/** A card the bot sent or updated, with the call that carried it. */
export interface PostedCard {
  call: ConnectorCall;
  card: Record<string, unknown>;
}

export interface FakeConnector {
  /** The `serviceUrl` activities carry. */
  url: string;
  calls: ConnectorCall[];
  /** Every Adaptive Card in the calls' attachments, in order. */
  cards(filter?: (call: ConnectorCall) => boolean): PostedCard[];
  /** Answers the next `count` calls (those `only` picks) with 429 and `Retry-After: retryAfterSeconds`. */
  throttleNext(
    count: number,
    retryAfterSeconds?: number,
    only?: (call: Pick<ConnectorCall, "method" | "path" | "body">) => boolean,
  ): void;
  /** Answers the next `count` calls (those `only` picks) with `status`, e.g. 412 or a 502. */
  failNext(
    count: number,
    status: number,
    only?: (call: Pick<ConnectorCall, "method" | "path" | "body">) => boolean,
  ): void;
  /** Resolves with the first call (already made or to come) that matches, or rejects after `timeoutMs`. */
  waitFor(predicate: (call: ConnectorCall) => boolean, timeoutMs?: number): Promise<ConnectorCall>;
  /** Called with every call, after it is recorded (for checks every test makes). */
  onCall?: (call: ConnectorCall) => void;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<Record<string, unknown> | undefined> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString("utf8");
  if (!raw) return undefined;
  try {
    return JSON.parse(raw) as Record<string, unknown>;
  } catch {
    // The token endpoint takes a form, not JSON.
    return Object.fromEntries(new URLSearchParams(raw));
  }
}

/** The access token the fake Entra token endpoint hands out. */
export const ENTRA_TOKEN = "entra-issued-token";
const TOKEN_ROUTE = /^\/[^/]+\/oauth2\/v2\.0\/token(?:\?.*)?$/;

const ROUTE = /^\/v3\/conversations\/(.+?)\/activities(?:\/([^/?]+))?\/?(?:\?.*)?$/;

/** A loopback stand-in for the Bot Connector (an activity's `serviceUrl`), recording what the bot sends. */
export async function startFakeConnector(): Promise<FakeConnector> {
  const calls: ConnectorCall[] = [];
  const waiters = new Set<{
    predicate: (call: ConnectorCall) => boolean;
    resolve: (call: ConnectorCall) => void;
  }>();
  let throttled: {
    count: number;
    status?: number;
    retryAfter: number;
    only?: (call: Pick<ConnectorCall, "method" | "path" | "body">) => boolean;
  } = { count: 0, retryAfter: 1 };
  let seq = 0;
  const fake: FakeConnector = {
    url: "",
    calls,
    cards: (filter = () => true) =>
      calls
        .filter(filter)
        .flatMap((call) =>
          ((call.body?.attachments as { contentType?: string; content?: unknown }[] | undefined) ?? [])
            .filter((attachment) => attachment.contentType === ADAPTIVE_CARD)
            .map((attachment) => ({ call, card: attachment.content as Record<string, unknown> })),
        ),
    throttleNext(count, retryAfterSeconds = 1, only) {
      throttled = { count, retryAfter: retryAfterSeconds, ...(only ? { only } : {}) };
    },
    failNext(count, status, only) {
      throttled = { count, status, retryAfter: 0, ...(only ? { only } : {}) };
    },
    waitFor(predicate, timeoutMs = 10_000) {
      const found = calls.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const waiter = {
          predicate,
          resolve: (call: ConnectorCall) => {
            clearTimeout(timer);
            resolve(call);
          },
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(
            new Error(
              `no such connector call within ${timeoutMs} ms; calls: ${calls.map((c) => `${c.method} ${c.path} ${c.status}`).join(", ")}`,
            ),
          );
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  const server: Server = createServer(async (req, res) => {
    const body = await readBody(req).catch(() => undefined);
    const path = (req.url ?? "/").replace(/^\/+/, "/");
    const match = ROUTE.exec(path);
    const method = req.method ?? "";
    if (TOKEN_ROUTE.test(path) && method === "POST") {
      // Entra's client-credentials endpoint, reached by a test that routes login.microsoftonline.com here.
      calls.push({ method, path, conversationId: "", body, status: 200 });
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          token_type: "Bearer",
          expires_in: 3599,
          ext_expires_in: 3599,
          access_token: ENTRA_TOKEN,
        }),
      );
      return;
    }
    let status = 404;
    let id: string | undefined;
    const failing = throttled.count > 0 && (throttled.only?.({ method, path, body }) ?? true);
    if (failing) {
      throttled.count -= 1;
      status = throttled.status ?? 429;
    } else if (match) {
      status = method === "POST" ? 201 : 200;
      if (method === "POST") id = `act-${++seq}`;
      if (method === "PUT") id = match[2];
    }
    const call: ConnectorCall = {
      method,
      path,
      conversationId: match?.[1] ?? "",
      ...(match?.[2] ? { activityId: decodeURIComponent(match[2]) } : {}),
      ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
      body,
      status,
      ...(id ? { id } : {}),
    };
    calls.push(call);
    try {
      fake.onCall?.(call);
    } finally {
      if (failing) {
        res.writeHead(status, {
          "content-type": "application/json",
          ...(status === 429 ? { "retry-after": String(throttled.retryAfter) } : {}),
        });
        res.end(JSON.stringify({ error: { code: "Throttled", message: "slow down" } }));
      } else if (status === 404) {
        res.writeHead(404, { "content-type": "application/json" }).end('{"error":{"code":"NotFound"}}');
      } else {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(method === "DELETE" ? "" : JSON.stringify({ id }));
      }
      for (const waiter of [...waiters])
        if (waiter.predicate(call)) {
          waiters.delete(waiter);
          waiter.resolve(call);
        }
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return fake;
}
