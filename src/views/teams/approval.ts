import {
  type ApprovalOutcomeModel,
  type ApprovalRequestModel,
  versionValue,
} from "../../core/view-models.js";
import { cardAction, REASON_INPUT } from "./actions.js";
import { card, smallPrint, text } from "./card.js";
import type { AdaptiveCard, CardAction } from "./elements.js";
import { escapeAndTruncate } from "./escape.js";
import { LIMITS } from "./limits.js";
import { type NameOf, personName, previewBody } from "./preview.js";

/**
 * The card posted to approvers. Its buttons carry the author's thread and the draft version, so a
 * decision lands in the right conversation and a stale card is refused.
 */
export function approvalCard(request: ApprovalRequestModel, options: { nameOf?: NameOf } = {}): AdaptiveCard {
  const value = versionValue(request.preview.version);
  const author = escapeAndTruncate(personName(request.authorId, options.nameOf), LIMITS.title);
  return card(
    `Approval requested: ${request.preview.title}`,
    [...previewBody(request.preview), ...smallPrint([`📝 Submitted by ${author}`])],
    [
      cardAction({ id: "approve", label: "Approve & publish", value, style: "primary" }, request.threadKey),
      rejectAction(request.threadKey, value),
    ],
  );
}

/** Reject unfolds a reason box with the button that sends it: the author reads why in their thread. */
function rejectAction(threadKey: string, value: string): CardAction {
  return {
    type: "Action.ShowCard",
    title: "Reject",
    card: {
      type: "AdaptiveCard",
      body: [
        {
          type: "Input.Text",
          id: REASON_INPUT,
          label: "Why is it rejected?",
          isMultiline: true,
          maxLength: LIMITS.reason,
          isRequired: true,
          errorMessage: "Say why, so the author knows what to change.",
        },
        ...smallPrint(["The author sees this in their thread, with the draft open for changes."]),
      ],
      actions: [cardAction({ id: "reject", label: "Reject", value, style: "danger" }, threadKey)],
    },
  };
}

/** What a decided approval card becomes: one line and no buttons, so nobody acts on it again. */
export function approvalOutcomeCard(
  outcome: ApprovalOutcomeModel,
  options: { nameOf?: NameOf } = {},
): AdaptiveCard {
  const by = escapeAndTruncate(personName(outcome.approverId, options.nameOf), LIMITS.title);
  const line =
    "publishedOfferId" in outcome
      ? `✅ Approved by ${by} and published as offer #${outcome.publishedOfferId} (${escapeAndTruncate(outcome.title, LIMITS.title)}).`
      : `↩️ Rejected by ${by}: ${escapeAndTruncate(outcome.rejectedReason, LIMITS.text)}`;
  const fallback =
    "publishedOfferId" in outcome
      ? `Approved and published as offer #${outcome.publishedOfferId}.`
      : "Approval request rejected.";
  return card(fallback, [text(line)]);
}
