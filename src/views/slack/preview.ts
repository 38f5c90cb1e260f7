import type { types } from "@slack/bolt";
import type { ValidationIssue } from "../../core/format.js";
import type { PreviewModel } from "../../core/view-models.js";
import { issuesInOrder } from "../text/issues.js";
import {
  channelMention,
  context,
  fieldSections,
  fitGroups,
  fitLines,
  header,
  LINE_MAX,
  prefixed,
  section,
  userMention,
} from "./blocks.js";
import { escapeAndTruncate } from "./escape.js";
import { LIMITS } from "./limits.js";

/** Field blocks a preview may use, leaving the rest of a message's 50 for everything around them. */
const MAX_FIELD_BLOCKS = 20;

/** The offer as it will be published: what, how much it may cost, what is wrong with it. */
export function previewCardBlocks(preview: PreviewModel): types.KnownBlock[] {
  const blocks: types.KnownBlock[] = [
    header(preview.title),
    section(escapeAndTruncate(preview.summary || "—", LIMITS.text)),
    ...fitGroups(
      preview.sections.map((part) => fieldSections(part.title, part.fields)),
      MAX_FIELD_BLOCKS,
      "sections",
    ),
  ];
  if (preview.issues.length > 0) blocks.push(section(issuesText(preview.issues)));
  const impact = preview.budgetImpact;
  if (impact) {
    blocks.push(
      context([
        `💰 *Budget impact:* ${impact.overBudget ? "⚠️ *over budget.* " : ""}${escapeAndTruncate(impact.text, LINE_MAX)}`,
        `Assumption: ${escapeAndTruncate(impact.assumption, LINE_MAX)}`,
      ]),
    );
  }
  if (preview.recommendation) {
    blocks.push(context([prefixed("💡 ", preview.recommendation, LINE_MAX)]));
  }
  return blocks;
}

/** Where approval requests go: a channel, nowhere (none set up), or unknown to the caller. */
export interface ApprovalsRoute {
  channel?: string;
}

/** Where the draft stands: waiting for or rejected by an approver, or failed to publish. */
export function previewStatusBlocks(preview: PreviewModel, approvals?: ApprovalsRoute): types.KnownBlock[] {
  const blocks: types.KnownBlock[] = [];
  const { approval } = preview;
  if (approval?.rejectedReason) {
    blocks.push(section(prefixed("🚫 *Rejected:* ", approval.rejectedReason)));
  } else if (approval && preview.status === "pending_approval") {
    const where = !approvals
      ? ""
      : approvals.channel
        ? ` · request posted in ${channelMention(approvals.channel)}`
        : " · the request is only in this conversation: no approvals channel is set up, so no approver was notified";
    blocks.push(
      context([`⏳ Waiting for approval · submitted by ${userMention(approval.submittedBy)}${where}`]),
    );
  }
  if (preview.publishError) {
    const kept = " The draft is kept.";
    blocks.push(
      section(
        `${prefixed("❌ *Publishing failed:* ", preview.publishError, LIMITS.text - kept.length)}${kept}`,
      ),
    );
  }
  return blocks;
}

function issuesText(issues: ValidationIssue[]): string {
  const { heading, ordered } = issuesInOrder(issues);
  const lines = ordered.map(
    (issue) =>
      `${issue.severity === "error" ? "❌" : "⚠️"} ${escapeAndTruncate(issue.message, LINE_MAX)}\n      _Fix:_ ${escapeAndTruncate(issue.fix, LINE_MAX)}`,
  );
  return fitLines([`*${heading}*`, ...lines], LIMITS.text, "issues");
}
