import type { App } from "@slack/bolt";
import type { Reply } from "../../../core/view-models.js";
import { editDraftModal } from "../../../views/slack/index.js";
import { type SlackDeps, send } from "../context.js";
import { actionIdPattern, buttonOf } from "./button.js";

/** Edit opens the modal at once: the trigger id expires in 3 s, so only the stored draft is read. */
export function registerEdit(app: App, deps: SlackDeps): void {
  app.action(actionIdPattern(["edit"]), async (args) => {
    await args.ack();
    const button = buttonOf(args as never);
    if (!button) return;
    const click = {
      threadKey: button.threadKey,
      ...(button.messageTs ? { messageId: button.messageTs } : {}),
    };
    if (button.channel && !(await deps.threads.fromLiveCard(click))) {
      // An old copy of the card (the draft may be published by now): only the clicker is told.
      const where = { userId: button.userId, channel: button.channel };
      await send(deps, args.client, "user", { threadKey: button.threadKey, replies: [STALE_CARD] }, where);
      return;
    }
    const stored = await deps.bot.draftOf(button.threadKey);
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
