import type { App } from "@slack/bolt";
import { editDraftModal } from "../../../views/slack/index.js";
import type { SlackDeps } from "../context.js";
import { actionIdPattern, buttonOf } from "./button.js";

/** Edit opens the modal at once: the trigger id expires in 3 s, so only the stored draft is read. */
export function registerEdit(app: App, deps: SlackDeps): void {
  app.action(actionIdPattern(["edit"]), async (args) => {
    await args.ack();
    const button = buttonOf(args as never);
    if (!button) return;
    const stored = await deps.bot.conversation.draftOf(button.threadKey);
    if (!stored) return;
    await args.client.views.open({
      trigger_id: button.triggerId,
      view: editDraftModal({ threadKey: button.threadKey, version: stored.version, draft: stored.draft }),
    });
  });
}
