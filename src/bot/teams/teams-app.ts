import type { IncomingMessage, ServerResponse } from "node:http";
import type { CloudAdapter } from "@microsoft/agents-hosting";
import type { Logger } from "pino";
import type { Config } from "../../config.js";
import { ApprovalWorkflow } from "../../core/approvals.js";
import type { Metrics } from "../../core/metrics.js";
import type { Outbound } from "../../core/outbound.js";
import { ThreadRegistry } from "../../core/threads.js";
import type { KeyValueStore } from "../../stores/kv.js";
import type { ChannelCore } from "../channel-core.js";
import { durableWork, justRun, type WorkQueue, type WorkSettings } from "../durable-work.js";
import { type TeamsAuthSettings, teamsAdapter } from "./auth.js";
import { ChartImages } from "./charts.js";
import { ClickAnswers } from "./click-answers.js";
import type { TeamsDeps, TeamsWork } from "./context.js";
import { TeamsHandler } from "./handler.js";
import { messagesRoute } from "./http.js";
import { teamsOutbound, teamsTyping } from "./outbound.js";
import { ConversationReferences } from "./references.js";
import { connectorRetry } from "./retry.js";
import { performTeamsWork } from "./work.js";

export interface TeamsSettings extends TeamsAuthSettings {
  /** Conversation id of the channel where approval requests are posted. */
  approvalsChannel?: string;
  /** The bot's public address (its messaging endpoint's origin): digest charts are served there. */
  publicUrl?: string;
  minIntervalMs?: number;
}

/** The settings from the environment's TEAMS_* and PUBLIC_URL. */
export function teamsSettingsFrom(config: Config): TeamsSettings {
  return {
    ...(config.TEAMS_APP_ID ? { appId: config.TEAMS_APP_ID } : {}),
    ...(config.TEAMS_APP_PASSWORD ? { appPassword: config.TEAMS_APP_PASSWORD } : {}),
    ...(config.TEAMS_TENANT_ID ? { tenantId: config.TEAMS_TENANT_ID } : {}),
    ...(config.TEAMS_APPROVALS_CHANNEL ? { approvalsChannel: config.TEAMS_APPROVALS_CHANNEL } : {}),
    ...(config.PUBLIC_URL ? { publicUrl: config.PUBLIC_URL } : {}),
  };
}

export interface TeamsBot {
  adapter: CloudAdapter;
  /** For posts nobody asked for: digests, alerts. */
  outbound: Outbound;
  /** `POST /api/messages`, and `GET /charts/…` when charts are served; false when the path is neither. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  /** Waits for turns still running after their request was answered. */
  stop(): Promise<void>;
}

/**
 * What posts to Teams without being asked (also the digest worker's, which takes no requests):
 * the adapter, which retries the Bot Connector, and the outbound port on stored references.
 */
export function teamsPoster(settings: TeamsSettings, kv: KeyValueStore, logger?: Logger, metrics?: Metrics) {
  const adapter = teamsAdapter(settings);
  // The SDK's default tells the user "The agent encountered an error or bug."; we log it instead.
  adapter.onTurnError = async (_context, error) => {
    logger?.error({ err: error }, "Teams turn failed");
  };
  adapter.use(connectorRetry(adapter, metrics ? { onError: (code) => metrics.apiError("teams", code) } : {}));
  const references = new ConversationReferences(kv);
  const charts = settings.publicUrl
    ? new ChartImages(kv, settings.publicUrl, settings.appPassword ?? "kigo-offer-charts")
    : undefined;
  const proactive = { adapter, appId: settings.appId ?? "kigo-offers-local", references };
  const outbound = teamsOutbound({
    ...proactive,
    ...(settings.approvalsChannel ? { approvalsChannel: settings.approvalsChannel } : {}),
    ...(charts ? { charts } : {}),
    ...(settings.minIntervalMs !== undefined ? { minIntervalMs: settings.minIntervalMs } : {}),
    ...(logger ? { logger } : {}),
  });
  const typing = teamsTyping({ ...proactive, ...(logger ? { logger } : {}) });
  return { adapter, outbound, references, charts, typing };
}

/**
 * The Teams app on the Microsoft 365 Agents SDK: its adapter checks every request's token and
 * retries the Bot Connector; the handler only translates, calling the same bot core as Slack.
 */
export function createTeamsBot(
  settings: TeamsSettings,
  core: ChannelCore & {
    /** Typed messages' turns are BullMQ jobs here first, so no replica's crash loses them. */
    work?: WorkSettings;
  },
): TeamsBot {
  const { logger } = core;
  const { adapter, outbound, references, charts, typing } = teamsPoster(
    settings,
    core.kv,
    logger,
    core.metrics,
  );
  const threads = new ThreadRegistry(core.kv, core.ttlSeconds);
  const perform = () => performTeamsWork(deps);
  const work: WorkQueue<TeamsWork> = core.work
    ? durableWork<TeamsWork>({
        name: "teams-work",
        ...core.work,
        kv: core.kv,
        perform,
        ...(logger ? { logger } : {}),
      })
    : {
        durable: false,
        // Shutdown waits for it among the bot's turns; its failure is logged, the request already answered.
        run: async (work) => {
          perform()(work, justRun).catch((error: unknown) =>
            logger?.error({ err: error, kind: work.kind }, "Teams work failed"),
          );
        },
        close: async () => {},
      };
  const deps: TeamsDeps = {
    bot: core.bot,
    kv: core.kv,
    threads,
    references,
    outbound,
    approvals: new ApprovalWorkflow({
      kv: core.kv,
      outbound,
      ttlSeconds: core.ttlSeconds,
      ...(settings.approvalsChannel ? { channel: settings.approvalsChannel } : {}),
    }),
    work,
    clickAnswers: new ClickAnswers(core.kv),
    typing,
    ...(logger ? { logger } : {}),
  };
  const handler = new TeamsHandler(deps);
  // The work an activity leaves running after its answer stays in its turn.
  const route = messagesRoute(
    adapter,
    (context) => core.bot.turns.run("teams", () => handler.run(context)),
    logger,
  );
  return {
    adapter,
    outbound,
    async handle(req, res) {
      const path = new URL(req.url ?? "/", "http://bot").pathname;
      if (path === "/api/messages") {
        await route(req, res);
        return true;
      }
      return (await charts?.serve(req, res)) ?? false;
    },
    async stop() {
      await work.close();
    },
  };
}
