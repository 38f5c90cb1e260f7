import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import {
  App,
  type CustomRoute,
  HTTPModuleFunctions,
  HTTPReceiver,
  LogLevel,
  SocketModeReceiver,
} from "@slack/bolt";
import { WebClient } from "@slack/web-api";
import type { Logger } from "pino";
import { firstDelivery } from "../../core/dedupe.js";
import type { Outbound } from "../../core/outbound.js";
import type { Readiness } from "../../core/readiness.js";
import { ThreadRegistry } from "../../core/threads.js";
import type { ChannelCore } from "../channel-core.js";
import { durableWork, type WorkSettings } from "../durable-work.js";
import { registerActions } from "./actions/index.js";
import { inProcessAfterAck, type Once, type SlackWork } from "./after-ack.js";
import { countingFetch } from "./api-errors.js";
import { boltLogger } from "./bolt-logger.js";
import { registerCommands } from "./commands/index.js";
import type { SlackDeps } from "./context.js";
import { registerEvents } from "./events/index.js";
import { registerMessages } from "./messages/index.js";
import { slackOutbound } from "./outbound.js";
import { gateReceiver, unknownPayloadAs400 } from "./receiver-gate.js";
import { refuseFutureRequests } from "./request-age.js";
import { refuseMalformedBodies } from "./request-shape.js";
import { registerShortcuts } from "./shortcuts/index.js";
import { startChecked } from "./start-up.js";
import { tellStoreOutage } from "./store-outage.js";
import { registerViews } from "./views/index.js";
import { performSlackWork } from "./work.js";

export interface SlackSettings {
  botToken: string;
  /** HTTP mode: events, commands and interactivity at /slack/events, verified with this secret. */
  signingSecret?: string;
  /** Socket Mode: no public URL needed. */
  appToken?: string;
  /** Another Web API base URL (GovSlack, a test double), ending in /api/. */
  apiUrl?: string;
  approvalsChannel?: string;
  /** Socket Mode: port of the server for `routes` (HTTP mode serves them with the events). */
  healthPort?: number;
  /** Routes on the same server: /healthz, /readyz, /metrics, Teams' /api/messages. */
  routes?: CustomRoute[];
}

/** Readiness probes come every few seconds; Slack hears auth.test from each replica at most this often. */
const AUTH_CHECK_EVERY_MS = 30_000;

export interface SlackBot {
  app: App;
  /** The outbound port on the app's own client, for posts nobody asked for (digests, alerts). */
  outbound: Outbound;
  /** HTTP mode: the listening address (port 0 picks a free one). Socket Mode: connects out. */
  start(port: number, host?: string): Promise<{ url?: string }>;
  stop(): Promise<void>;
}

/**
 * The Slack app: Bolt 5 with the HTTP receiver (plus a health endpoint on the same server) or
 * Socket Mode. It only translates: every listener calls the shared bot core and renders its view
 * models with the Block Kit builders.
 */
export function createSlackBot(
  settings: SlackSettings,
  core: ChannelCore & {
    /** Gets a check that Slack accepts the bot token. */
    readiness?: Readiness;
    /** HTTP mode: work after the ack is a BullMQ job here first, so no replica's crash loses it. */
    work?: WorkSettings;
  },
): SlackBot {
  const { metrics } = core;
  const customRoutes = settings.routes ?? [];
  const webApi = {
    ...(settings.apiUrl ? { slackApiUrl: settings.apiUrl } : {}),
    ...(metrics ? { fetch: countingFetch((code) => metrics.apiError("slack", code)) } : {}),
  };
  // The app token (apps.connections.open) goes to the same Web API as the bot token.
  const clientOptions = settings.apiUrl ? { clientOptions: { slackApiUrl: settings.apiUrl } } : {};
  // Bolt's lines as the bot's JSON log lines (the console's text otherwise, as in tests).
  const boltLog = core.logger ? { logger: boltLogger(core.logger) } : {};
  const receiver = settings.signingSecret
    ? httpReceiver(settings.signingSecret, customRoutes, core.logger)
    : // Socket Mode still serves /healthz, on its own small HTTP server at PORT.
      new SocketModeReceiver({
        appToken: settings.appToken ?? "",
        customRoutes,
        installerOptions: { port: settings.healthPort ?? 3000, ...clientOptions },
        ...boltLog,
      });
  const app = new App({
    token: settings.botToken,
    receiver,
    ...boltLog,
    logLevel: LogLevel.WARN,
    // The bot token is checked when starting (startChecked), where a rejection can be reported.
    deferInitialization: true,
    clientOptions: webApi,
  });
  const perform = () => (work: SlackWork, once: Once) =>
    core.bot.turns.run("slack", () => performSlackWork(deps, app.client)(work, once));
  const afterAck =
    core.work && receiver instanceof HTTPReceiver
      ? durableWork<SlackWork>({
          name: "slack-work",
          ...core.work,
          kv: core.kv,
          perform,
          ...(core.logger ? { logger: core.logger } : {}),
        })
      : inProcessAfterAck(perform);
  // Durable: an event's 200 waits until its work is queued (Bolt acks events before any listener).
  if (receiver instanceof HTTPReceiver) gateReceiver(receiver, app, { holdEventAcks: afterAck.durable });

  const deps: SlackDeps = {
    bot: core.bot,
    kv: core.kv,
    threads: new ThreadRegistry(core.kv, core.ttlSeconds),
    afterAck,
    ...(settings.approvalsChannel ? { approvalsChannel: settings.approvalsChannel } : {}),
    ...(core.logger ? { logger: core.logger } : {}),
  };

  // First, so everything logged while handling the request carries the turn's id.
  app.use(({ next }) => core.bot.turns.run("slack", next));
  app.use(tellStoreOutage(core.logger));
  // Slack redelivers an event it thinks was missed (X-Slack-Retry-Num) with the same event_id: the
  // first delivery wins. (client_msg_id is shared by the message and app_mention events of one
  // message, so it must not be used: it would drop the mention.)
  app.use(async ({ body, next }) => {
    const eventId = (body as { event_id?: string }).event_id;
    // Queued work is kept once by its job id; a claim here would drop Slack's retry of an event
    // whose replica died before queuing it.
    const queued = afterAck.durable && isQueuedEvent(body);
    if (eventId && !queued && !(await firstDelivery(deps.kv, "slack", eventId))) return;
    await next();
  });
  app.error(async (error) => {
    core.logger?.error({ err: error }, "Slack listener failed");
  });

  registerEvents(app, deps);
  registerMessages(app, deps);
  registerCommands(app, deps);
  registerActions(app, deps);
  registerViews(app, deps);
  registerShortcuts(app, deps);

  if (core.readiness) {
    // Its own client: the app's retries for minutes, and a probe must answer now.
    const probe = new WebClient(settings.botToken, { ...webApi, retryConfig: { retries: 0 } });
    core.readiness.add("slack", () => probe.auth.test(), { cacheMs: AUTH_CHECK_EVERY_MS });
  }

  return {
    app,
    // One instance for the process, so its per-channel pacing covers every scheduled post.
    outbound: slackOutbound(app.client, deps.threads, settings.approvalsChannel, {
      ...(core.logger ? { logger: core.logger } : {}),
    }),
    async start(port, host = "0.0.0.0") {
      if (!settings.signingSecret) {
        await startChecked(app, () => app.start());
        return {};
      }
      const server = (await startChecked(app, () => app.start({ port, host }))) as Server;
      const address = server.address() as AddressInfo;
      return { url: `http://${host === "0.0.0.0" ? "127.0.0.1" : host}:${address.port}` };
    },
    async stop() {
      await app.stop();
      await afterAck.close();
    },
  };
}

function httpReceiver(signingSecret: string, customRoutes: CustomRoute[], logger?: Logger): HTTPReceiver {
  const receiver = new HTTPReceiver({
    signingSecret,
    endpoints: "/slack/events",
    customRoutes,
    ...(logger ? { logger: boltLogger(logger) } : {}),
    processEventErrorHandler: unknownPayloadAs400(HTTPModuleFunctions.defaultProcessEventErrorHandler),
  });
  receiver.requestListener = refuseFutureRequests(
    refuseMalformedBodies(receiver.requestListener, signingSecret),
    (timestamp) => logger?.warn({ timestamp }, "Refused a Slack request stamped more than 5 minutes ahead"),
  );
  return receiver;
}

/** The events whose listeners queue their work (the rest run within the ack). */
function isQueuedEvent(body: unknown): boolean {
  const type = (body as { event?: { type?: unknown } }).event?.type;
  return type === "message" || type === "app_mention" || type === "app_home_opened";
}
