import type { App } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { replyRoute } from "../../../core/reply-route.js";
import type { Once } from "../after-ack.js";
import { portsOf, type SlackDeps, send, speakerOf } from "../context.js";
import { actionIdPattern, type Button, buttonOf, runClick } from "./button.js";

/**
 * Suggested answers and preview decisions (Publish, Submit for approval, Approve, Cancel, Retry):
 * the turn runs after the ack (queued first when the bot keeps its work in Redis).
 */
export function registerDraftDecision(app: App, deps: SlackDeps): void {
  app.action(actionIdPattern(["answer", "publish", "submit", "approve", "cancel", "retry"]), async (args) => {
    const button = buttonOf(args as never);
    if (!button) return args.ack();
    await runClick(deps, { kind: "decision", button }, args.action, () => args.ack());
  });
}

/**
 * A decision's turn; its answer goes where the core's reply rule says: the draft's thread, or the
 * clicker alone. The approval workflow then posts or closes its card.
 */
export async function decisionTurn(
  deps: SlackDeps,
  client: WebClient,
  button: Button,
  once: Once,
): Promise<void> {
  const speaker = await speakerOf(deps, client, {
    userId: button.userId,
    team: button.team,
    ...(button.channel ? { channel: button.channel } : {}),
  });
  const turn = await once(() =>
    deps.bot.action(speaker, button.threadKey, button.id, button.value, {
      newThreadKey: () => button.threadKey,
    }),
  );
  const route = replyRoute({
    replies: turn.replies,
    actionId: button.id,
    canTellPrivately: button.channel !== undefined,
    fromLiveCard: await deps.threads.fromLiveCard({
      threadKey: button.threadKey,
      ...(button.messageTs ? { messageId: button.messageTs } : {}),
    }),
  });
  await send(deps, client, route, turn, {
    userId: button.userId,
    ...(button.channel ? { channel: button.channel } : {}),
  });
  if (route === "thread")
    await portsOf(deps, client).approvals.afterDecision({
      actionId: button.id,
      threadKey: button.threadKey,
      replies: turn.replies,
      userId: button.userId,
    });
}
