import type { KeyValueStore } from "../stores/kv.js";
import type { Outbound, PostedMessage } from "./outbound.js";
import type { ActionId, ApprovalOutcomeModel, Reply } from "./view-models.js";

/**
 * The approval workflow every channel shares: a submitted version gets one request card in the
 * approvers' channel, and the card shows how it ended (published or rejected) once decided.
 */
export class ApprovalWorkflow {
  constructor(
    private readonly deps: {
      kv: KeyValueStore;
      outbound: Outbound;
      /** Where approvers read requests; without it, a submission notifies nobody. */
      channel?: string;
      ttlSeconds: number;
    },
  ) {}

  /** What a decision on a draft means for its approval card, after the decision's turn ran. */
  async afterDecision(decision: {
    actionId: ActionId;
    threadKey: string;
    replies: Reply[];
    userId: string;
  }): Promise<void> {
    if (decision.actionId === "submit")
      await this.request(decision.threadKey, decision.replies, decision.userId);
    if (decision.actionId === "approve" || decision.actionId === "reject")
      await this.close(decision.threadKey, decision.replies, decision.userId);
  }

  private async request(threadKey: string, replies: Reply[], authorId: string): Promise<void> {
    const preview = replies.find((reply) => reply.kind === "preview");
    const { channel, kv, ttlSeconds } = this.deps;
    if (!channel || preview?.kind !== "preview" || preview.preview.status !== "pending_approval") return;
    // One card per submitted version: a repeated Submit does not post a second card to act on.
    if (!(await kv.claim(`approval-posted:${threadKey}:${preview.preview.version}`, ttlSeconds))) return;
    const posted = await this.deps.outbound.post(
      { channel },
      { kind: "approval_request", request: { threadKey, preview: preview.preview, authorId } },
    );
    if (posted && "channel" in posted)
      await kv.set(
        `approval:${threadKey}`,
        JSON.stringify({ channel: posted.channel, ts: posted.id }),
        ttlSeconds,
      );
  }

  /** Any other outcome (a refusal, a stale click, a failed publish) leaves the card as it is. */
  private async close(threadKey: string, replies: Reply[], approverId: string): Promise<void> {
    const stored = await this.deps.kv.get(`approval:${threadKey}`);
    const outcome = outcomeOf(replies, approverId);
    if (!stored || !outcome) return;
    const { channel, ts } = JSON.parse(stored) as { channel: string; ts: string };
    const card: PostedMessage = { channel, id: ts };
    await this.deps.outbound.update(card, { kind: "approval_outcome", outcome });
  }
}

function outcomeOf(replies: Reply[], approverId: string): ApprovalOutcomeModel | undefined {
  const published = replies.find((reply) => reply.kind === "published");
  if (published?.kind === "published")
    return { approverId, publishedOfferId: published.offerId, title: published.title };
  const rejected = replies.find(
    (reply) => reply.kind === "preview" && reply.preview.approval?.rejectedReason,
  );
  if (rejected?.kind === "preview")
    return { approverId, rejectedReason: rejected.preview.approval?.rejectedReason ?? "" };
  return undefined;
}
