import type { App } from "@slack/bolt";
import { z } from "zod";
import { versionValue } from "../../../core/view-models.js";
import { decodeModalMetadata, REJECT_REASON_CALLBACK } from "../../../views/slack/index.js";
import { deliver, portsOf, type SlackDeps, speakerOf } from "../context.js";

const metadata = z.object({ threadKey: z.string().startsWith("slack:"), version: z.number().int() });

/** The approver's reason: the draft reopens for its author, who is told why in the thread. */
export function registerRejectReason(app: App, deps: SlackDeps): void {
  app.view(REJECT_REASON_CALLBACK, async ({ ack, view, body, client }) => {
    const parsed = metadata.safeParse(decodeModalMetadata(view.private_metadata));
    const reason = Object.values(view.state.values)
      .flatMap((block) => Object.values(block))
      .map((input) => input.value ?? "")
      .join(" ")
      .trim();
    if (!parsed.success || !reason) {
      await ack({
        response_action: "errors",
        errors: { reason: "Please say why, so the author can fix it." },
      });
      return;
    }
    await ack();
    const { threadKey, version } = parsed.data;
    const speaker = await speakerOf(deps, client, {
      userId: body.user.id,
      ...(body.team?.id ? { team: body.team.id } : {}),
    });
    const turn = await deps.bot.action(speaker, threadKey, "reject", versionValue(version), {
      reason,
      newThreadKey: () => threadKey,
    });
    await deliver(deps, client, threadKey, turn.replies);
    await portsOf(deps, client).approvals.afterDecision({
      actionId: "reject",
      threadKey,
      replies: turn.replies,
      userId: body.user.id,
    });
  });
}
