import type { Activity } from "@microsoft/agents-activity";
import type { Logger } from "pino";
import type { ApprovalWorkflow } from "../../core/approvals.js";
import type { Speaker } from "../../core/conversation.js";
import { deliverTurn } from "../../core/delivery.js";
import type { OfferBot } from "../../core/offer-bot.js";
import type { Outbound } from "../../core/outbound.js";
import type { ReplyRoute } from "../../core/reply-route.js";
import type { ThreadRegistry } from "../../core/threads.js";
import type { Turns } from "../../core/turns.js";
import type { Reply } from "../../core/view-models.js";
import type { KeyValueStore } from "../../stores/kv.js";
import type { WorkQueue } from "../durable-work.js";
import { channelOf } from "./place.js";
import type { ConversationReferences } from "./references.js";

/** A typed message's turn, as data a queue keeps: the activity as Teams sent it. */
export interface TeamsWork {
  kind: "message";
  activity: Record<string, unknown>;
}

export interface TeamsDeps {
  bot: OfferBot;
  kv: KeyValueStore;
  threads: ThreadRegistry;
  references: ConversationReferences;
  outbound: Outbound;
  approvals: ApprovalWorkflow;
  /** Work that goes on after Teams got its answer; shutdown waits for it. */
  background: Background;
  /** Typed messages' turns: queued in Redis before Teams gets its answer when configured. */
  messages: WorkQueue<TeamsWork>;
  logger?: Logger;
}

/**
 * Teams wants an answer within seconds (an invoke fails in the user's face after about 10 s), so
 * turns run after the HTTP answer and post proactively. Their failures are logged, never thrown
 * into a request that has already been answered.
 */
export class Background {
  private readonly running = new Set<Promise<void>>();

  constructor(
    /** The work stays in the turn of the activity that started it, for its logs and for shutdown. */
    private readonly turns: Turns,
    private readonly logger?: Logger,
  ) {}

  run(what: string, work: () => Promise<void>): void {
    const task = this.turns
      .run("teams", work)
      .catch((error: unknown) => this.logger?.error({ err: error }, `Teams ${what} failed`))
      .finally(() => this.running.delete(task));
    this.running.add(task);
  }

  /** Resolves once the work started so far has ended. */
  async drain(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }
}

/** Who spoke: roles are keyed by the Entra (AAD) object id, the same user in every team and chat. */
export function speakerOf(activity: Activity): Speaker {
  const from = activity.from;
  const tenant = (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
  const conversation = activity.conversation?.id;
  const timeZone = activity.localTimezone;
  return {
    userId: from?.aadObjectId ?? from?.id ?? "unknown",
    ...(conversation ? { channelId: channelOf(conversation) } : {}),
    ...(tenant ? { workspaceId: tenant } : {}),
    ...(timeZone ? { timeZone } : {}),
  };
}

/** Posts a turn's replies where the core's reply rule said: the conversation, the user, or the channel. */
export async function send(
  deps: TeamsDeps,
  route: ReplyRoute,
  turn: { threadKey: string; replies: Reply[] },
  where: { userId: string; channel?: string },
): Promise<void> {
  if (route === "thread") {
    await deliverTurn({ outbound: deps.outbound, threads: deps.threads }, turn.threadKey, turn.replies);
    return;
  }
  for (const reply of turn.replies) {
    const message = { kind: "reply", reply, threadKey: turn.threadKey } as const;
    if (route === "user") await deps.outbound.tell(where, message);
    else if (where.channel) await deps.outbound.post({ channel: where.channel }, message);
  }
}
