import type { TurnContext } from "@microsoft/agents-hosting";
import { ActivityHandler, type InvokeResponse } from "@microsoft/agents-hosting";
import { firstDelivery } from "../../core/dedupe.js";
import { type TeamsDeps, workKeyOf } from "./context.js";
import { onConversationUpdate } from "./events/conversation-update.js";
import { onCardAction } from "./invokes/card-action.js";
import { onDialogOpen } from "./invokes/dialog-open.js";
import { onDialogSubmit } from "./invokes/dialog-submit.js";

/**
 * Routes each Teams activity to its handler file; it decides nothing itself. Messages are
 * answered at once and run after by `messages/message.ts`, through `deps.work` (a Redis queue
 * when configured; Teams redelivers an activity it thinks was missed, so one id runs once);
 * invokes (buttons, dialogs) are answered with what their handler returns.
 */
export class TeamsHandler extends ActivityHandler {
  constructor(private readonly deps: TeamsDeps) {
    super();
    this.onMessage(async (context, next) => {
      const activity = context.activity;
      await deps.references.remember(activity);
      // Queued work is kept once by its job id (the activity id); a claim here would drop Teams'
      // redelivery of an activity whose replica died before queuing it.
      const queued = deps.work.durable && activity.id;
      if (!activity.id || queued || (await firstDelivery(deps.kv, "teams", activity.id))) {
        const work = { kind: "message" as const, activity: JSON.parse(JSON.stringify(activity)) };
        await deps.work.run(work, workKeyOf(activity));
      }
      await next();
    });
    this.onConversationUpdate(async (context, next) => {
      await onConversationUpdate(deps, context.activity);
      await next();
    });
  }

  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    const activity = context.activity;
    await this.deps.references.remember(activity);
    switch (activity.name) {
      case "adaptiveCard/action":
        return { status: 200, body: await onCardAction(this.deps, activity) };
      case "task/fetch":
        return { status: 200, body: await onDialogOpen(this.deps, activity) };
      case "task/submit":
        return { status: 200, body: await onDialogSubmit(this.deps, activity) };
      default:
        return super.onInvokeActivity(context);
    }
  }
}
