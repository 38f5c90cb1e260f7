import type { Activity } from "@microsoft/agents-activity";
import type { Logger } from "pino";
import type { ApprovalWorkflow } from "../../core/approvals.js";
import type { Speaker } from "../../core/conversation.js";
import { deliverTurn } from "../../core/delivery.js";
import type { OfferBot } from "../../core/offer-bot.js";
import type { Outbound } from "../../core/outbound.js";
import type { ReplyRoute } from "../../core/reply-route.js";
import type { ThreadRegistry } from "../../core/threads.js";
import type { Reply } from "../../core/view-models.js";
import type { KeyValueStore } from "../../stores/kv.js";
import type { WorkQueue } from "../durable-work.js";
import type { ClickAnswers } from "./click-answers.js";
import { channelOf } from "./place.js";
import type { ConversationReferences } from "./references.js";

/**
 * What an activity leaves to run after Teams got its answer, as data a queue keeps: the activity
 * as Teams sent it, and for a click or a form the work's key, which its answer is found under.
 */
export type TeamsWork =
  | { kind: "message"; activity: Record<string, unknown> }
  | { kind: "click"; key: string; activity: Record<string, unknown>; at: number }
  | { kind: "form"; key: string; activity: Record<string, unknown> };

export interface TeamsDeps {
  bot: OfferBot;
  kv: KeyValueStore;
  threads: ThreadRegistry;
  references: ConversationReferences;
  outbound: Outbound;
  approvals: ApprovalWorkflow;
  /** Messages', clicks' and forms' turns: queued in Redis before Teams gets its answer when configured. */
  work: WorkQueue<TeamsWork>;
  /** A click's private answer, from its job to the invoke waiting for it. */
  clickAnswers: ClickAnswers;
  /** Shows the typing dots in a conversation while its turn runs. */
  typing: (conversationId: string) => Promise<void>;
  logger?: Logger;
}

/** An activity's work key: its id, the same on Teams' redeliveries (BullMQ job ids cannot hold a colon). */
export function workKeyOf(activity: Activity): string {
  return `teams-${(activity.id ?? crypto.randomUUID()).replaceAll(":", "-")}`;
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
