import type { App } from "@slack/bolt";
import { versionOf } from "../../../core/view-models.js";
import { rejectReasonModal } from "../../../views/slack/index.js";
import type { SlackDeps } from "../context.js";
import { actionIdPattern, buttonOf } from "./button.js";

/** Reject asks for the reason in a modal; the decision happens on its submission. */
export function registerReject(app: App, _deps: SlackDeps): void {
  app.action(actionIdPattern(["reject"]), async (args) => {
    await args.ack();
    const button = buttonOf(args as never);
    const version = button ? versionOf(button.value) : undefined;
    if (!button || version === undefined) return;
    await args.client.views.open({
      trigger_id: button.triggerId,
      view: rejectReasonModal({ threadKey: button.threadKey, version }),
    });
  });
}
