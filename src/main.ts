import { join } from "node:path";
import { pino } from "pino";
import { createApp, kigoUnreachable, type OfferBotApp } from "./app.js";
import { runConsoleChat } from "./bot/console/console-chat.js";
import { createSlackBot } from "./bot/slack/slack-app.js";
import { type Config, loadConfig } from "./config.js";
import { onStopSignal, runMain } from "./process.js";

/**
 * `npm start`: the Slack app when SLACK_BOT_TOKEN is set; otherwise the console chat against the
 * in-process Kigo sandbox (DESIGN §5).
 */
async function main(): Promise<void> {
  const config = loadConfig();
  // Logs go to stderr. In the terminal chat they share the screen with the conversation, so only
  // warnings show there unless LOG_LEVEL asks for more.
  const consoleChat = !config.SLACK_BOT_TOKEN;
  const level = consoleChat && !process.env.LOG_LEVEL ? "warn" : config.LOG_LEVEL;
  const logger = pino({ name: "kigo-offer-bot", level }, pino.destination(2));
  const app = await createApp(config, { logger });
  const unreachable = app.kigo.embedded
    ? undefined
    : await kigoUnreachable(app.kigo.url, config.KIGO_API_TIMEOUT_MS);
  const where = app.kigo.embedded
    ? `the built-in Kigo sandbox at ${app.kigo.url} (demo data, token ${app.kigo.embedded.token})`
    : `the Kigo API at ${new URL(app.kigo.url).host}${unreachable ? `, not reachable yet (${unreachable}); the bot keeps trying` : ""}`;
  if (unreachable) probeUntilReachable(app.kigo.url, config.KIGO_API_TIMEOUT_MS, logger);
  if (config.SLACK_BOT_TOKEN) {
    await runSlack(config, app, logger, where);
    return;
  }
  process.stdout.write(`${unreachable ? "Using" : "Connected to"} ${where}.\n`);
  onStopSignal(app.close);
  await runConsoleChat({
    bot: app.bot,
    kv: app.kv,
    ttlSeconds: app.ttlSeconds,
    input: process.stdin,
    output: process.stdout,
    // The terminal is one channel: a digest subscribed "here" prints here.
    speaker: { userId: "console", channelId: "console" },
    digests: app.digests,
    chartDir: join(config.DATA_DIR, "digests"),
  });
  await app.close();
}

async function runSlack(config: Config, app: OfferBotApp, logger: pino.Logger, where: string): Promise<void> {
  const slack = createSlackBot(
    {
      botToken: config.SLACK_BOT_TOKEN ?? "",
      ...(config.SLACK_SIGNING_SECRET ? { signingSecret: config.SLACK_SIGNING_SECRET } : {}),
      ...(config.SLACK_APP_TOKEN ? { appToken: config.SLACK_APP_TOKEN } : {}),
      ...(config.SLACK_API_URL ? { apiUrl: config.SLACK_API_URL } : {}),
      ...(config.SLACK_APPROVALS_CHANNEL ? { approvalsChannel: config.SLACK_APPROVALS_CHANNEL } : {}),
      healthPort: config.PORT,
    },
    { bot: app.bot, kv: app.kv, ttlSeconds: app.ttlSeconds, logger },
  );
  const { url } = await slack.start(config.PORT);
  await app.digests.start(slack.outbound);
  const mode = url
    ? `HTTP mode: events at ${url}/slack/events, health at ${url}/healthz`
    : `Socket Mode, health at http://127.0.0.1:${config.PORT}/healthz`;
  process.stdout.write(`Kigo Offer Manager is running in Slack (${mode}), using ${where}.\n`);
  onStopSignal(async () => {
    await slack.stop();
    await app.close();
  });
}

const PROBE_EVERY_MS = 15_000;

/** Quietly: each user request retries on its own; the operator's log hears once when it answers. */
function probeUntilReachable(url: string, timeoutMs: number, logger: pino.Logger): void {
  const timer = setTimeout(async () => {
    const reason = await kigoUnreachable(url, timeoutMs);
    if (reason) probeUntilReachable(url, timeoutMs, logger);
    else logger.info(`the Kigo API at ${new URL(url).host} is reachable now`);
  }, PROBE_EVERY_MS);
  // Probing never keeps the process alive on its own.
  timer.unref();
}

runMain(main);
