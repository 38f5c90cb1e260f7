import { WebClient } from "@slack/web-api";
import { pino } from "pino";
import { createWorker } from "./app.js";
import { slackOutbound } from "./bot/slack/outbound.js";
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
  if (!config.SLACK_BOT_TOKEN)
    throw new ConfigError("npm run worker posts digests to Slack: set SLACK_BOT_TOKEN.");
  const logger = pino({ name: "kigo-digest-worker", level: config.LOG_LEVEL }, pino.destination(2));
  const client = new WebClient(config.SLACK_BOT_TOKEN, {
    ...(config.SLACK_API_URL ? { slackApiUrl: config.SLACK_API_URL } : {}),
  });
  const worker = await createWorker(
    config,
    (base) =>
      slackOutbound(client, new ThreadRegistry(base.kv, base.ttlSeconds), config.SLACK_APPROVALS_CHANNEL, {
        logger,
      }),
    { logger },
  );
  await worker.digests.start(worker.outbound);
  logger.info("digest worker running: scheduled digests and alerts");
  // BullMQ lets a running digest finish before its worker closes.
  onStopSignal(() => worker.close());
}

runMain(main);
