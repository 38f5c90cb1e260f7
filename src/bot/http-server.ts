import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "pino";
import type { HttpRoute } from "./ops-routes.js";

/** Answers a request it knows (true), or leaves it to the next handler (false). */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

/** A route table, the one Slack's receiver is given, as a handler of this server. */
export function servingRoutes(routes: HttpRoute[]): RouteHandler {
  return async (req, res) => {
    const path = new URL(req.url ?? "/", "http://bot").pathname;
    const route = routes.find(
      (candidate) => candidate.path === path && candidate.method.includes(req.method ?? "GET"),
    );
    route?.handler(req, res);
    return route !== undefined;
  };
}

/**
 * The bot's own HTTP server, for when Slack's receiver does not host the routes (Teams alone):
 * the given handlers, everything else 404. Closing lets requests in progress finish.
 */
export async function startHttpServer(
  port: number,
  host: string,
  handlers: RouteHandler[],
  logger?: Logger,
): Promise<{ server: Server; url: string; close(): Promise<void> }> {
  const server = createServer(async (req, res) => {
    try {
      for (const handle of handlers) if (await handle(req, res)) return;
      res.writeHead(404, { "content-type": "application/json" }).end('{"error":"not found"}');
    } catch (error) {
      logger?.error({ err: error }, "HTTP request failed");
      if (!res.headersSent) res.writeHead(500).end();
      else res.end();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, resolve);
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    server,
    url: `http://${host === "0.0.0.0" ? "127.0.0.1" : host}:${bound}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
