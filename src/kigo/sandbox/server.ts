import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { type HttpBindings, type ServerType, serve } from "@hono/node-server";
import { type Context, Hono } from "hono";
import { type DatabaseOptions, openDatabase, type SqlDatabase } from "./db.js";
import { FaultInjector, faultResponse } from "./faults.js";
import { ApiError, fromDatabaseError, internalError, unauthorized } from "./http-errors.js";
import { analyticsRoutes } from "./routes/analytics.js";
import { bulkCreateRoutes } from "./routes/bulk-create.js";
import { campaignRoutes } from "./routes/campaigns.js";
import { controlRoutes } from "./routes/control.js";
import { customerListRoutes } from "./routes/customer-lists.js";
import { descriptiveRoutes } from "./routes/descriptives.js";
import { duplicateRoutes } from "./routes/duplicate.js";
import type { ListShape, RouteDef, SandboxEnv } from "./routes/kit.js";
import { merchantRoutes } from "./routes/merchants.js";
import { offerTypeRoutes } from "./routes/offer-types.js";
import { offerRoutes } from "./routes/offers.js";
import { previewRoutes } from "./routes/preview.js";
import { programRoutes } from "./routes/programs.js";
import { promoCodeRoutes } from "./routes/promo-codes.js";
import { publicMerchantRoutes } from "./routes/public-merchants.js";
import { redemptionControlRoutes } from "./routes/redemption-controls.js";

export interface SandboxOptions {
  /** An already-open database is used as is and not closed by `close()`. */
  database: DatabaseOptions | SqlDatabase;
  /** Bearer token required on /dashboard/* and /__sandbox/*. */
  token: string;
  /** "production" serves only the routes production has; the others answer a plain 404. */
  profile?: "full" | "production";
  /** The list envelope: `{ items, total_count, limit, offset }` or `{ items, total, has_more }`. */
  listShape?: ListShape;
  /** Today as YYYY-MM-DD (default: the current UTC date); offers past their expiry read "expired". */
  today?: () => string;
  /** Receives unexpected errors, which clients only see as a generic 500 (default: ignored). */
  onError?: (error: unknown) => void;
}

export interface Sandbox {
  readonly db: SqlDatabase;
  readonly faults: FaultInjector;
  /** Requests that matched `route` (a key of ROUTES), including refused and fault-answered ones. */
  hits(route: string): number;
  fetch(request: Request): Promise<Response>;
  /** Starts serving HTTP; resolves the base URL. Port 0 picks a free one. */
  listen(port?: number, host?: string): Promise<string>;
  /** Stops the HTTP server and closes the database if the sandbox opened it. */
  close(): Promise<void>;
}

const ALL_ROUTES: readonly RouteDef[] = [
  ...controlRoutes,
  ...offerTypeRoutes,
  ...redemptionControlRoutes,
  ...bulkCreateRoutes,
  ...offerRoutes,
  ...descriptiveRoutes,
  ...customerListRoutes,
  ...analyticsRoutes,
  ...duplicateRoutes,
  ...previewRoutes,
  ...promoCodeRoutes,
  ...programRoutes,
  ...campaignRoutes,
  ...merchantRoutes,
  ...publicMerchantRoutes,
];

export const ROUTES: readonly string[] = ALL_ROUTES.map((definition) => definition.key);

/** Ids are digits, so `/dashboard/offers/types` can never reach the `/dashboard/offers/:id` handler. */
const honoPattern = (path: string) => path.replace(/:id\b/g, ":id{[0-9]+}");

const json = (status: number, body: unknown, headers?: Record<string, string>) =>
  Response.json(body, { status, headers });

function errorResponse(error: ApiError): Response {
  const headers: Record<string, string> = error.status === 401 ? { "www-authenticate": "Bearer" } : {};
  return json(error.status, error.body, headers);
}

function bearerMatches(header: string | undefined, token: string): boolean {
  return /^Bearer\s+(.+)$/i.exec(header ?? "")?.[1] === token;
}

const isOpen = (database: DatabaseOptions | SqlDatabase): database is SqlDatabase => "query" in database;

/** Destroys the request's socket; in-process there is none, and the error answers a plain 500. */
function dropConnection(c: Context): Response {
  const socket = (c.env as Partial<HttpBindings> | undefined)?.incoming?.socket;
  if (!socket) throw new Error("the sandbox cannot drop a connection it is not serving over HTTP");
  socket.destroy();
  return new Response(null, { status: 204 });
}

export async function createSandbox(options: SandboxOptions): Promise<Sandbox> {
  if (!options.token) throw new Error("createSandbox: token must not be empty");
  const ownsDatabase = !isOpen(options.database);
  const db = isOpen(options.database) ? options.database : await openDatabase(options.database);
  const faults = new FaultInjector(ROUTES);
  const env: SandboxEnv = {
    db,
    faults,
    listShape: options.listShape ?? "total_count",
    today: options.today ?? (() => new Date().toISOString().slice(0, 10)),
  };
  const hitCounts = new Map<string, number>(ROUTES.map((key) => [key, 0]));

  async function run(definition: RouteDef, c: Context): Promise<Response> {
    try {
      const reply = await definition.handle(c, env);
      return reply.status === 204 ? new Response(null, { status: 204 }) : json(reply.status, reply.body);
    } catch (error) {
      if (error instanceof ApiError) return errorResponse(error);
      const known = fromDatabaseError(error);
      if (known) return errorResponse(known);
      options.onError?.(error);
      return errorResponse(internalError());
    }
  }

  async function answer(definition: RouteDef, c: Context): Promise<Response> {
    hitCounts.set(definition.key, (hitCounts.get(definition.key) ?? 0) + 1);
    const isPublic = definition.path.startsWith("/api/");
    if (!isPublic && !bearerMatches(c.req.header("authorization"), options.token)) {
      return errorResponse(unauthorized());
    }
    const fault = faults.take(definition.key);
    if (fault?.delayMs) await sleep(fault.delayMs);
    if (fault?.reset && fault.phase === "before") return dropConnection(c);
    const injected = fault && faultResponse(fault);
    if (injected && fault.phase === "before") return injected;
    const response = await run(definition, c);
    if (fault?.reset) return dropConnection(c);
    return injected ?? response;
  }

  const app = new Hono();
  const served = ALL_ROUTES.filter(
    (definition) => options.profile !== "production" || definition.inProduction,
  );
  for (const definition of served) {
    app.on(definition.method, honoPattern(definition.path), (c) => answer(definition, c));
  }
  // Like an Axum router fallback: no JSON, so clients tell a missing route from a missing entity.
  app.notFound(() => new Response(null, { status: 404 }));
  app.onError((error) => {
    options.onError?.(error);
    return errorResponse(internalError());
  });

  let server: ServerType | undefined;
  let closed = false;

  return {
    db,
    faults,
    hits(route) {
      const count = hitCounts.get(route);
      // A typo must not read as "never called" and make an assertion pass.
      if (count === undefined) throw new Error(`hits: "${route}" is not a sandbox route`);
      return count;
    },
    fetch: async (request) => app.fetch(request),
    listen(port = 0, host = "127.0.0.1") {
      if (server) return Promise.reject(new Error("the sandbox is already listening"));
      return new Promise((resolve, reject) => {
        const started = serve({ fetch: app.fetch, port, hostname: host }, (info: AddressInfo) => {
          resolve(`http://${host.includes(":") ? `[${host}]` : host}:${info.port}`);
        });
        started.once("error", (error) => {
          server = undefined;
          reject(error);
        });
        server = started;
      });
    },
    async close() {
      const running = server;
      server = undefined;
      if (running) {
        await new Promise<void>((resolve, reject) => {
          running.close((error) => (error ? reject(error) : resolve()));
          // Keep-alive sockets would otherwise hold the port until they time out.
          if ("closeAllConnections" in running) running.closeAllConnections();
        });
      }
      if (ownsDatabase && !closed) {
        closed = true;
        await db.close();
      }
    },
  };
}
