import type { App } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { Reply } from "../../../core/view-models.js";
import { approvalCard, approvalOutcome } from "../../../views/slack/index.js";
import { deliver, deliverEphemeral, fromLiveCard, type SlackDeps, speakerOf } from "../context.js";
import { actionIdPattern, type Button, buttonOf } from "./button.js";

/**
 * Suggested answers and preview decisions (Publish, Submit for approval, Approve, Cancel, Retry).
 * Acknowledged first; the turn runs after, and its answer goes to the draft's thread. A refusal or
 * a stale click is answered to the clicker alone.
 */
export function registerDraftDecision(app: App, deps: SlackDeps): void {
  app.action(actionIdPattern(["answer", "publish", "submit", "approve", "cancel", "retry"]), async (args) => {
    await args.ack();
    const button = buttonOf(args as never);
    if (!button) return;
    const speaker = await speakerOf(deps, args.client, {
      userId: button.userId,
      team: button.team,
      ...(button.channel ? { channel: button.channel } : {}),
    });
    const turn = await deps.bot.action(speaker, button.threadKey, button.id, button.value, {
      newThreadKey: () => button.threadKey,
    });
    if (onlyNotices(turn.replies) && button.channel && !(await threadNews(deps, button, turn.replies))) {
      const where = { channel: button.channel, user: button.userId, share: false };
      await deliverEphemeral(args.client, where, turn.threadKey, turn.replies);
      return;
    }
    await deliver(deps, args.client, turn.threadKey, turn.replies);
    if (button.id === "submit") await postApprovalCard(deps, args.client, button, turn.replies);
    if (button.id === "approve")
      await closeApprovalCard(deps, args.client, button.threadKey, turn.replies, button.userId);
  });
}

const onlyNotices = (replies: Reply[]) =>
  replies.length > 0 && replies.every((reply) => reply.kind === "notice");

/**
 * A notice belongs in the thread only when it is what a click on the live card did (a draft
 * cancelled). A refusal, "already published", or any answer to a click on an old card is the
 * clicker's business alone.
 */
async function threadNews(deps: SlackDeps, button: Button, replies: Reply[]): Promise<boolean> {
  const problem = replies.some((reply) => reply.kind === "notice" && reply.tone !== "info");
  const changesDraft = button.id === "cancel" || button.id === "answer";
  return changesDraft && !problem && (await fromLiveCard(deps, button));
}

async function postApprovalCard(
  deps: SlackDeps,
  client: WebClient,
  button: Button,
  replies: Reply[],
): Promise<void> {
  const preview = replies.find((reply) => reply.kind === "preview");
  if (!deps.approvalsChannel || preview?.kind !== "preview" || preview.preview.status !== "pending_approval")
    return;
  // One card per submitted version: a repeated Submit does not post a second card to act on.
  const key = `approval-posted:${button.threadKey}:${preview.preview.version}`;
  if (!(await deps.kv.claim(key, deps.ttlSeconds))) return;
  const card = approvalCard({
    threadKey: button.threadKey,
    preview: preview.preview,
    authorId: button.userId,
  });
  const posted = await client.chat.postMessage({ channel: deps.approvalsChannel, ...card } as never);
  if (posted.ts) {
    await deps.kv.set(
      `approval:${button.threadKey}`,
      JSON.stringify({ channel: posted.channel, ts: posted.ts }),
      deps.ttlSeconds,
    );
  }
}

/**
 * The approval card shows how it ended (published or rejected) so nobody acts on it again. Any
 * other outcome (a refusal, a stale click, a failed publish) leaves the card as it is.
 */
export async function closeApprovalCard(
  deps: SlackDeps,
  client: WebClient,
  threadKey: string,
  replies: Reply[],
  approverId: string,
): Promise<void> {
  const stored = await deps.kv.get(`approval:${threadKey}`);
  if (!stored) return;
  const published = replies.find((reply) => reply.kind === "published");
  const rejected = replies.find(
    (reply) => reply.kind === "preview" && reply.preview.approval?.rejectedReason,
  );
  const outcome =
    published?.kind === "published"
      ? approvalOutcome({ approverId, publishedOfferId: published.offerId, title: published.title })
      : rejected?.kind === "preview"
        ? approvalOutcome({ approverId, rejectedReason: rejected.preview.approval?.rejectedReason ?? "" })
        : undefined;
  if (!outcome) return;
  const { channel, ts } = JSON.parse(stored) as { channel: string; ts: string };
  await client.chat.update({ channel, ts, text: outcome.text, blocks: outcome.blocks as never });
}
