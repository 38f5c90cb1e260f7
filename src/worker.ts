import { WebClient } from "@slack/web-api";
import { createWorker, growHeapByHalf } from "./app.js";
import { servingRoutes, startHttpServer } from "./bot/http-server.js";
import { opsRoutes } from "./bot/ops-routes.js";
import { type OutboundRoute, routedOutbound, SLACK_IDS, TEAMS_IDS } from "./bot/outbound-router.js";
import { countingFetch } from "./bot/slack/api-errors.js";
import { slackOutbound } from "./bot/slack/outbound.js";
import { ConfigError, loadConfig } from "./config.js";
import { ThreadRegistry } from "./core/threads.js";
import { createLogger } from "./logger.js";
import { onStopSignal, runMain } from "./process.js";

/**
 * `npm run worker`: scheduled digests and alerts in a process of their own, beside bots started
 * with DIGEST_WORKER=false. It shares their subscriptions and job schedulers through Redis.
 */
async function main(): Promise<void> {
  growHeapByHalf();
  const config = { ...loadConfig(), DIGEST_WORKER: true };
  if (!config.REDIS_URL)
    throw new ConfigError("npm run worker shares the bot's subscriptions through Redis: set REDIS_URL.");
  if (!config.SLACK_BOT_TOKEN && !config.TEAMS_APP_ID)
    throw new ConfigError(
      "npm run worker posts digests to Slack or Teams: set SLACK_BOT_TOKEN or TEAMS_APP_ID.",
    );
  const logger = createLogger({ name: "kigo-digest-worker", level: config.LOG_LEVEL });
  // The Agents SDK takes a process about 10 MB of heap: only a worker posting to Teams loads it.
  const teams = config.TEAMS_APP_ID ? await import("./bot/teams/teams-app.js") : undefined;
  const worker = await createWorker(
    config,
    (base) => {
      const routes: OutboundRoute[] = [];
      if (config.SLACK_BOT_TOKEN) {
        const client = new WebClient(config.SLACK_BOT_TOKEN, {
          ...(config.SLACK_API_URL ? { slackApiUrl: config.SLACK_API_URL } : {}),
          fetch: countingFetch((code) => base.metrics.apiError("slack", code)),
        });
        const threads = new ThreadRegistry(base.kv, base.ttlSeconds);
        routes.push({
          outbound: slackOutbound(client, threads, config.SLACK_APPROVALS_CHANNEL, { logger }),
          owns: SLACK_IDS,
        });
      }
      if (teams)
        routes.push({
          outbound: teams.teamsPoster(teams.teamsSettingsFrom(config), base.kv, logger, base.metrics)
            .outbound,
          owns: TEAMS_IDS,
        });
      return routedOutbound(routes);
    },
    { logger },
  );
  await worker.digests.start(worker.outbound);
  const server = await startHttpServer(
    config.PORT,
    "0.0.0.0",
    [servingRoutes(opsRoutes(worker, logger))],
    logger,
  );
  logger.info(
    `digest worker running: scheduled digests and alerts; /healthz, /readyz and /metrics at ${server.url}`,
  );
  onStopSignal(
    async () => {
      await server.close();
      // BullMQ lets a running digest finish before its worker closes.
      await worker.close();
    },
    { timeoutMs: config.SHUTDOWN_TIMEOUT_MS, logger },
  );
}

runMain(main);
