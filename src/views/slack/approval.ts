import type { types } from "@slack/bolt";
import {
  type ApprovalOutcomeModel,
  type ApprovalRequestModel,
  versionValue,
} from "../../core/view-models.js";
import { context, notificationText, plain, section, userMention } from "./blocks.js";
import { actionsBlocks } from "./buttons.js";
import { escapeAndTruncate } from "./escape.js";
import { LIMITS } from "./limits.js";
import { modalMetadata } from "./modal-state.js";
import { previewCardBlocks } from "./preview.js";

export const REJECT_REASON_CALLBACK = "reject_reason";
const REASON_MAX = 1000;

/**
 * The card posted in the approvals channel. Its buttons carry the author's thread and the draft
 * version, so a decision lands in the right conversation and a stale card is refused.
 */
export function approvalCard(input: ApprovalRequestModel): {
  text: string;
  blocks: types.KnownBlock[];
} {
  const value = versionValue(input.preview.version);
  return {
    text: notificationText(`Approval requested: ${input.preview.title}`),
    blocks: [
      ...previewCardBlocks(input.preview),
      context([`📝 Submitted by ${userMention(input.authorId)}`]),
      ...actionsBlocks(
        [
          { id: "approve", label: "Approve & publish", value, style: "primary" },
          { id: "reject", label: "Reject", value },
        ],
        input.threadKey,
      ),
    ],
  };
}

/** Asked when an approver clicks Reject: the author reads the reason in their thread. */
export function rejectReasonModal(input: { threadKey: string; version: number }): types.ModalView {
  return {
    type: "modal",
    callback_id: REJECT_REASON_CALLBACK,
    private_metadata: modalMetadata({ threadKey: input.threadKey, version: input.version }),
    title: plain("Reject offer", LIMITS.viewTitle),
    submit: plain("Reject", LIMITS.viewTitle),
    close: plain("Cancel", LIMITS.viewTitle),
    blocks: [
      {
        type: "input",
        block_id: "reason",
        label: plain("Why is it rejected?", LIMITS.inputLabel),
        hint: plain(
          "The author sees this in their thread, with the draft open for changes.",
          LIMITS.inputLabel,
        ),
        element: { type: "plain_text_input", action_id: "reason", multiline: true, max_length: REASON_MAX },
      },
    ],
  };
}

/** What a decided approval card becomes: one line and no buttons, so nobody acts on it again. */
export function approvalOutcome(outcome: ApprovalOutcomeModel): { text: string; blocks: types.KnownBlock[] } {
  const by = userMention(outcome.approverId);
  const line =
    "publishedOfferId" in outcome
      ? `✅ Approved by ${by} and published as offer #${outcome.publishedOfferId} (${escapeAndTruncate(outcome.title, 200)}).`
      : `↩️ Rejected by ${by}: ${escapeAndTruncate(outcome.rejectedReason, 2000)}`;
  return { text: line, blocks: [section(line)] };
}
