import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "pino";
import type { Metrics } from "../core/metrics.js";
import type { Readiness } from "../core/readiness.js";

/** A route as Bolt's receivers take it (`customRoutes`), and as the bot's own server serves it. */
export interface HttpRoute {
  path: string;
  method: string[];
  handler(req: IncomingMessage, res: ServerResponse): void;
}

/** What an operator's probes and scraper ask, on whichever server the bot runs. */
export function opsRoutes(ops: { readiness: Readiness; metrics: Metrics }, logger?: Logger): HttpRoute[] {
  const failed = (res: ServerResponse) => (error: unknown) => {
    logger?.error({ err: error }, "ops request failed");
    if (!res.headersSent) res.writeHead(500).end();
  };
  return [
    { path: "/healthz", method: ["GET"], handler: (_req, res) => json(res, 200, { ok: true }) },
    {
      path: "/readyz",
      method: ["GET"],
      handler: (_req, res) => {
        ops.readiness.report().then((report) => json(res, report.ready ? 200 : 503, report), failed(res));
      },
    },
    {
      path: "/metrics",
      method: ["GET"],
      handler: (_req, res) => {
        ops.metrics
          .exposition()
          .then(
            ({ contentType, body }) => res.writeHead(200, { "content-type": contentType }).end(body),
            failed(res),
          );
      },
    },
  ];
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}
