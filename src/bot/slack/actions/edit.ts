import type { App } from "@slack/bolt";
import type { Reply } from "../../../core/view-models.js";
import { editDraftModal } from "../../../views/slack/index.js";
import { deliverEphemeral, fromLiveCard, type SlackDeps } from "../context.js";
import { actionIdPattern, buttonOf } from "./button.js";

/** Edit opens the modal at once: the trigger id expires in 3 s, so only the stored draft is read. */
export function registerEdit(app: App, deps: SlackDeps): void {
  app.action(actionIdPattern(["edit"]), async (args) => {
    await args.ack();
    const button = buttonOf(args as never);
    if (!button) return;
    if (button.channel && !(await fromLiveCard(deps, button))) {
      // An old copy of the card (the draft may be published by now): only the clicker is told.
      await deliverEphemeral(
        args.client,
        { channel: button.channel, user: button.userId, share: false },
        button.threadKey,
        [STALE_CARD],
      );
      return;
    }
    const stored = await deps.bot.conversation.draftOf(button.threadKey);
    if (!stored) return;
    await args.client.views.open({
      trigger_id: button.triggerId,
      view: editDraftModal({ threadKey: button.threadKey, version: stored.version, draft: stored.draft }),
    });
  });
}

const STALE_CARD: Reply = {
  kind: "notice",
  tone: "warning",
  text: "This card is out of date. Use the latest one in the conversation.",
};
