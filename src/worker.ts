import { WebClient } from "@slack/web-api";
import { pino } from "pino";
import { createWorker } from "./app.js";
import { type OutboundRoute, routedOutbound, SLACK_IDS, TEAMS_IDS } from "./bot/outbound-router.js";
import { slackOutbound } from "./bot/slack/outbound.js";
import { teamsPoster, teamsSettingsFrom } from "./bot/teams/teams-app.js";
import { ConfigError, loadConfig } from "./config.js";
import { ThreadRegistry } from "./core/threads.js";
import { onStopSignal, runMain } from "./process.js";

/**
 * `npm run worker`: scheduled digests and alerts in a process of their own, beside bots started
 * with DIGEST_WORKER=false. It shares their subscriptions and job schedulers through Redis.
 */
async function main(): Promise<void> {
  const config = { ...loadConfig(), DIGEST_WORKER: true };
  if (!config.REDIS_URL)
    throw new ConfigError("npm run worker shares the bot's subscriptions through Redis: set REDIS_URL.");
  if (!config.SLACK_BOT_TOKEN && !config.TEAMS_APP_ID)
    throw new ConfigError(
      "npm run worker posts digests to Slack or Teams: set SLACK_BOT_TOKEN or TEAMS_APP_ID.",
    );
  const logger = pino({ name: "kigo-digest-worker", level: config.LOG_LEVEL }, pino.destination(2));
  const worker = await createWorker(
    config,
    (base) => {
      const routes: OutboundRoute[] = [];
      if (config.SLACK_BOT_TOKEN) {
        const client = new WebClient(config.SLACK_BOT_TOKEN, {
          ...(config.SLACK_API_URL ? { slackApiUrl: config.SLACK_API_URL } : {}),
        });
        const threads = new ThreadRegistry(base.kv, base.ttlSeconds);
        routes.push({
          outbound: slackOutbound(client, threads, config.SLACK_APPROVALS_CHANNEL, { logger }),
          owns: SLACK_IDS,
        });
      }
      if (config.TEAMS_APP_ID)
        routes.push({
          outbound: teamsPoster(teamsSettingsFrom(config), base.kv, logger).outbound,
          owns: TEAMS_IDS,
        });
      return routedOutbound(routes);
    },
    { logger },
  );
  await worker.digests.start(worker.outbound);
  logger.info("digest worker running: scheduled digests and alerts");
  // BullMQ lets a running digest finish before its worker closes.
  onStopSignal(() => worker.close());
}

runMain(main);
