import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "pino";

/** Answers a request it knows (true), or leaves it to the next handler (false). */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

/**
 * The bot's own HTTP server, for when Slack's receiver does not host the routes (Teams alone):
 * `/healthz` and the given handlers, everything else 404.
 */
export async function startHttpServer(
  port: number,
  host: string,
  handlers: RouteHandler[],
  logger?: Logger,
): Promise<{ server: Server; url: string; close(): Promise<void> }> {
  const server = createServer(async (req, res) => {
    try {
      if (new URL(req.url ?? "/", "http://bot").pathname === "/healthz") {
        res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
        return;
      }
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
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
