import type { App } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { approvalCard, replyBlocks } from "../../../views/slack/index.js";
import type { Reply } from "../../view-models.js";
import { deliver, deliverEphemeral, type SlackDeps, speakerOf } from "../context.js";
import { actionIdPattern, type Button, buttonOf } from "./button.js";

/**
 * Suggested answers and preview decisions (Publish, Submit for approval, Approve, Cancel, Retry).
 * Acknowledged first; the turn runs after, and its answer goes to the draft's thread.
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
    await deliver(deps, args.client, turn.threadKey, turn.replies);
    if (button.id === "submit") await postApprovalCard(deps, args.client, button, turn.replies);
    if (button.id === "approve")
      await closeApprovalCard(deps, args.client, button.threadKey, turn.replies, button.userId);
  });
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

/** The approval card shows how it ended, so a second approver does not act on it. */
export async function closeApprovalCard(
  deps: SlackDeps,
  client: WebClient,
  threadKey: string,
  replies: Reply[],
  approverId: string,
): Promise<void> {
  const stored = await deps.kv.get(`approval:${threadKey}`);
  const outcome = replies.find(
    (reply) => reply.kind === "published" || reply.kind === "preview" || reply.kind === "notice",
  );
  if (!stored || !outcome) return;
  const { channel, ts } = JSON.parse(stored) as { channel: string; ts: string };
  const { text, blocks } = replyBlocks(outcome, { threadKey });
  await client.chat.update({ channel, ts, text: `${text} (by <@${approverId}>)`, blocks: blocks as never });
}
