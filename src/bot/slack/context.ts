import type { WebClient } from "@slack/web-api";
import type { Logger } from "pino";
import { ApprovalWorkflow } from "../../core/approvals.js";
import type { Speaker } from "../../core/conversation.js";
import { deliverTurn } from "../../core/delivery.js";
import type { OfferBot } from "../../core/offer-bot.js";
import type { Outbound } from "../../core/outbound.js";
import type { ReplyRoute } from "../../core/reply-route.js";
import type { ThreadRegistry } from "../../core/threads.js";
import type { Reply } from "../../core/view-models.js";
import type { KeyValueStore } from "../../stores/kv.js";
import type { AfterAck } from "./after-ack.js";
import { slackOutbound } from "./outbound.js";

/** What every Slack listener needs: the one bot core, and the core's registry of Slack threads. */
export interface SlackDeps {
  bot: OfferBot;
  threads: ThreadRegistry;
  /** Shared facts: approval cards, the users' time zones Slack told. */
  kv: KeyValueStore;
  /** Runs what a listener leaves for after the ack: queued in Redis when configured. */
  afterAck: AfterAck;
  /** Channel id where "Submit for approval" posts approval cards. */
  approvalsChannel?: string;
  logger?: Logger;
}

/** The core's outbound port and approval workflow, speaking through this request's Web API client. */
export function portsOf(
  deps: SlackDeps,
  client: WebClient,
): { outbound: Outbound; approvals: ApprovalWorkflow } {
  const outbound = slackOutbound(client, deps.threads, deps.approvalsChannel, {
    ...(deps.logger ? { logger: deps.logger } : {}),
  });
  const approvals = new ApprovalWorkflow({
    kv: deps.kv,
    outbound,
    ttlSeconds: deps.threads.ttlSeconds,
    ...(deps.approvalsChannel ? { channel: deps.approvalsChannel } : {}),
  });
  return { outbound, approvals };
}

/** The speaker, with the time zone Slack knows for them (cached a day). */
export async function speakerOf(
  deps: SlackDeps,
  client: WebClient,
  where: { userId: string; team?: string; channel?: string },
  /** false before an ack: only the cached time zone, no Slack call. */
  options: { lookup?: boolean } = {},
): Promise<Speaker> {
  const cacheKey = `tz:${where.userId}`;
  let timeZone = await deps.kv.get(cacheKey);
  if (!timeZone && options.lookup !== false) {
    try {
      timeZone = (await client.users.info({ user: where.userId })).user?.tz ?? undefined;
      if (timeZone) await deps.kv.set(cacheKey, timeZone, 86_400);
    } catch (error) {
      deps.logger?.warn({ err: error }, "users.info failed; using the default time zone");
    }
  }
  return {
    userId: where.userId,
    ...(where.team ? { workspaceId: where.team } : {}),
    ...(where.channel ? { channelId: where.channel } : {}),
    ...(timeZone ? { timeZone } : {}),
  };
}

/** Posts a turn's replies into its conversation's thread, the preview updated in place. */
export function deliver(
  deps: SlackDeps,
  client: WebClient,
  threadKey: string,
  replies: Reply[],
  options: { fresh?: boolean } = {},
): Promise<void> {
  return deliverTurn(
    { outbound: portsOf(deps, client).outbound, threads: deps.threads },
    threadKey,
    replies,
    options,
  );
}

/** Sends a turn's replies where the core's reply rule said. */
export async function send(
  deps: SlackDeps,
  client: WebClient,
  route: ReplyRoute,
  turn: { threadKey: string; replies: Reply[] },
  where: { userId: string; channel?: string },
  options: { fresh?: boolean } = {},
): Promise<void> {
  if (route === "thread") return deliver(deps, client, turn.threadKey, turn.replies, options);
  const { outbound } = portsOf(deps, client);
  for (const reply of turn.replies) {
    const message = { kind: "reply", reply, threadKey: turn.threadKey } as const;
    if (route === "user") await outbound.tell(where, message);
    else if (where.channel) await outbound.post({ channel: where.channel }, message);
  }
}
