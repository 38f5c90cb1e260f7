import { join } from "node:path";
import type { Logger } from "pino";
import { createApp, growHeapByHalf, kigoUnreachable, type OfferBotApp } from "./app.js";
import { servingRoutes, startHttpServer } from "./bot/http-server.js";
import { type HttpRoute, opsRoutes } from "./bot/ops-routes.js";
import { type OutboundRoute, routedOutbound, SLACK_IDS, TEAMS_IDS } from "./bot/outbound-router.js";
import type { TeamsBot } from "./bot/teams/teams-app.js";
import { type Config, loadConfig } from "./config.js";
import { createLogger } from "./logger.js";
import { onStopSignal, runMain } from "./process.js";

/**
 * `npm start`: the Slack app when SLACK_BOT_TOKEN is set, the Teams bot when TEAMS_APP_ID (or
 * TEAMS_ALLOW_ANONYMOUS) is, both on one HTTP server; with neither, the console chat against the
 * in-process Kigo sandbox (DESIGN §5). Each channel's SDK is imported only when it is configured:
 * Bolt and the Agents SDK each take a process about 10 MB of heap.
 */
async function main(): Promise<void> {
  growHeapByHalf();
  const config = loadConfig();
  // Logs go to stderr. In the terminal chat they share the screen with the conversation, so only
  // warnings show there unless LOG_LEVEL asks for more.
  const teams = Boolean(config.TEAMS_APP_ID) || config.TEAMS_ALLOW_ANONYMOUS;
  const consoleChat = !config.SLACK_BOT_TOKEN && !teams;
  const level = consoleChat && !process.env.LOG_LEVEL ? "warn" : config.LOG_LEVEL;
  const logger = createLogger({ name: "kigo-offer-bot", level });
  const app = await createApp(config, { logger });
  const unreachable = app.kigo.embedded
    ? undefined
    : await kigoUnreachable(app.kigo.url, config.KIGO_API_TIMEOUT_MS);
  const where = app.kigo.embedded
    ? `the built-in Kigo sandbox at ${app.kigo.url} (demo data, token ${app.kigo.embedded.token})`
    : `the Kigo API at ${new URL(app.kigo.url).host}${unreachable ? `, not reachable yet (${unreachable}); the bot keeps trying` : ""}`;
  if (unreachable) probeUntilReachable(app.kigo.url, config.KIGO_API_TIMEOUT_MS, logger);
  if (!consoleChat) {
    await runChannels(config, app, logger, where);
    return;
  }
  process.stdout.write(`${unreachable ? "Using" : "Connected to"} ${where}.\n`);
  onStopSignal(
    async () => {
      await app.bot.turns.settle();
      await app.close();
    },
    stopOptions(config, app, logger),
  );
  const { runConsoleChat } = await import("./bot/console/console-chat.js");
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

/** Slack, Teams or both, on the one HTTP server at PORT (Slack's receiver hosts Teams' routes too). */
async function runChannels(config: Config, app: OfferBotApp, logger: Logger, where: string): Promise<void> {
  const ops = opsRoutes(app, logger);
  const teams =
    config.TEAMS_APP_ID || config.TEAMS_ALLOW_ANONYMOUS ? await teamsBot(config, app, logger) : undefined;
  const slack = config.SLACK_BOT_TOKEN
    ? (await import("./bot/slack/slack-app.js")).createSlackBot(
        {
          botToken: config.SLACK_BOT_TOKEN,
          ...(config.SLACK_SIGNING_SECRET ? { signingSecret: config.SLACK_SIGNING_SECRET } : {}),
          ...(config.SLACK_APP_TOKEN ? { appToken: config.SLACK_APP_TOKEN } : {}),
          ...(config.SLACK_API_URL ? { apiUrl: config.SLACK_API_URL } : {}),
          ...(config.SLACK_APPROVALS_CHANNEL ? { approvalsChannel: config.SLACK_APPROVALS_CHANNEL } : {}),
          healthPort: config.PORT,
          routes: [...ops, ...(teams ? teamsRoutes(teams) : [])],
        },
        {
          bot: app.bot,
          kv: app.kv,
          ttlSeconds: app.ttlSeconds,
          logger,
          metrics: app.metrics,
          readiness: app.readiness,
          ...(config.REDIS_URL
            ? { work: { redisUrl: config.REDIS_URL, prefix: config.QUEUE_PREFIX, take: config.TURN_WORKER } }
            : {}),
        },
      )
    : undefined;
  const slackUrl = slack ? (await slack.start(config.PORT)).url : undefined;
  const server =
    !slack && teams
      ? await startHttpServer(config.PORT, "0.0.0.0", [servingRoutes(ops), teams.handle], logger)
      : undefined;
  const routes: OutboundRoute[] = [
    ...(slack ? [{ outbound: slack.outbound, owns: SLACK_IDS }] : []),
    ...(teams ? [{ outbound: teams.outbound, owns: TEAMS_IDS }] : []),
  ];
  await app.digests.start(routedOutbound(routes));
  const base = slackUrl ?? server?.url ?? `http://127.0.0.1:${config.PORT}`;
  const running = [
    slack && `Slack (${slackUrl ? `HTTP mode: events at ${slackUrl}/slack/events` : "Socket Mode"})`,
    teams && `Teams (messages at ${base}/api/messages)`,
  ].filter(Boolean);
  process.stdout.write(
    `Kigo Offer Manager is running in ${running.join(" and ")}, health at ${base}/healthz, using ${where}.\n`,
  );
  onStopSignal(
    async () => {
      // Intake first (no new requests, Socket Mode disconnected, no new queued jobs taken: each
      // channel's worker finishes the jobs it holds), then the turns already running.
      await slack?.stop();
      await server?.close();
      await teams?.stop();
      await app.bot.turns.settle();
      // Digest workers, queues and Redis last: turns still write to them.
      await app.close();
    },
    stopOptions(config, app, logger),
  );
}

function stopOptions(config: Config, app: OfferBotApp, logger: Logger) {
  const unfinished = () => ({ turns: app.bot.turns.inFlight() });
  return { timeoutMs: config.SHUTDOWN_TIMEOUT_MS, logger, unfinished };
}

async function teamsBot(config: Config, app: OfferBotApp, logger: Logger): Promise<TeamsBot> {
  const { foreignTeamsVariables } = await import("./bot/teams/auth.js");
  const { createTeamsBot, teamsSettingsFrom } = await import("./bot/teams/teams-app.js");
  if (!config.TEAMS_APP_ID)
    logger.warn(
      "Teams: TEAMS_ALLOW_ANONYMOUS=true, so requests to /api/messages are accepted without a Bot Framework token. Use it for local runs only.",
    );
  const foreign = foreignTeamsVariables(process.env);
  if (foreign.length > 0)
    logger.warn(
      { variables: foreign },
      "Teams: the Agents SDK also reads these variables and lets them override TEAMS_*; unset them",
    );
  return createTeamsBot(teamsSettingsFrom(config), {
    bot: app.bot,
    kv: app.kv,
    ttlSeconds: app.ttlSeconds,
    logger,
    metrics: app.metrics,
    ...(config.REDIS_URL
      ? { work: { redisUrl: config.REDIS_URL, prefix: config.QUEUE_PREFIX, take: config.TURN_WORKER } }
      : {}),
  });
}

/** Teams' routes on Slack's receiver: Bolt hands them the request unread. */
function teamsRoutes(teams: TeamsBot): HttpRoute[] {
  const handler = (req: Parameters<TeamsBot["handle"]>[0], res: Parameters<TeamsBot["handle"]>[1]) => {
    void teams.handle(req, res).then((handled) => {
      if (!handled) res.writeHead(404).end();
    });
  };
  return [
    { path: "/api/messages", method: ["POST"], handler },
    { path: "/charts/:file", method: ["GET"], handler },
  ];
}

const PROBE_EVERY_MS = 15_000;

/** Quietly: each user request retries on its own; the operator's log hears once when it answers. */
function probeUntilReachable(url: string, timeoutMs: number, logger: Logger): void {
  const timer = setTimeout(async () => {
    const reason = await kigoUnreachable(url, timeoutMs);
    if (reason) probeUntilReachable(url, timeoutMs, logger);
    else logger.info(`the Kigo API at ${new URL(url).host} is reachable now`);
  }, PROBE_EVERY_MS);
  // Probing never keeps the process alive on its own.
  timer.unref();
}

runMain(main);
