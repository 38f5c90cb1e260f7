import type { App } from "@slack/bolt";
import { replyRoute } from "../../../core/reply-route.js";
import { portsOf, type SlackDeps, send, speakerOf } from "../context.js";
import { actionIdPattern, buttonOf } from "./button.js";

/**
 * Suggested answers and preview decisions (Publish, Submit for approval, Approve, Cancel, Retry).
 * Acknowledged first; the turn runs after, and its answer goes where the core's reply rule says:
 * the draft's thread, or the clicker alone. The approval workflow then posts or closes its card.
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
    const route = replyRoute({
      replies: turn.replies,
      actionId: button.id,
      canTellPrivately: button.channel !== undefined,
      fromLiveCard: await deps.threads.fromLiveCard({
        threadKey: button.threadKey,
        ...(button.messageTs ? { messageId: button.messageTs } : {}),
      }),
    });
    await send(deps, args.client, route, turn, {
      userId: button.userId,
      ...(button.channel ? { channel: button.channel } : {}),
    });
    if (route === "thread")
      await portsOf(deps, args.client).approvals.afterDecision({
        actionId: button.id,
        threadKey: button.threadKey,
        replies: turn.replies,
        userId: button.userId,
      });
  });
}
