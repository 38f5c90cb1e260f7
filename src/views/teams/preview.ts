import type { ValidationIssue } from "../../core/format.js";
import type { PreviewModel } from "../../core/view-models.js";
import { issuesInOrder } from "../text/issues.js";
import { facts, fitGroups, heading, smallPrint, text } from "./card.js";
import type { CardElement } from "./elements.js";
import { escapeAndTruncate, prefixed } from "./escape.js";
import { LIMITS } from "./limits.js";

/** Where approval requests go: a channel (as people know it), nowhere (none set up), or unknown to the caller. */
export interface ApprovalsRoute {
  channel?: string;
}

/** Teams shows people by name; a user id nobody resolved is shown as it is. */
export type NameOf = (userId: string) => string | undefined;

export const personName = (userId: string, nameOf?: NameOf) => nameOf?.(userId) ?? userId;

/** The offer as it will be published: what, how much it may cost, what is wrong with it. */
export function previewBody(preview: PreviewModel): CardElement[] {
  const body: CardElement[] = [
    heading(preview.title),
    text(escapeAndTruncate(preview.summary || "—", LIMITS.line), { spacing: "small" }),
    ...fitGroups(
      preview.sections.map((part) => [
        text(`**${escapeAndTruncate(part.title, LIMITS.title)}**`, { spacing: "medium" }),
        facts(part.fields),
      ]),
      LIMITS.sectionsBytes,
      "sections",
    ),
  ];
  if (preview.issues.length > 0) body.push(...issuesBody(preview.issues));
  const impact = preview.budgetImpact;
  if (impact) {
    body.push(
      text(
        `💰 **Budget impact:** ${impact.overBudget ? "⚠️ **over budget.** " : ""}${escapeAndTruncate(impact.text, LIMITS.line)}`,
        { spacing: "medium", ...(impact.overBudget ? { color: "warning" as const } : {}) },
      ),
      ...smallPrint([prefixed("Assumption: ", impact.assumption, LIMITS.line)]),
    );
  }
  if (preview.recommendation)
    body.push(...smallPrint([prefixed("💡 ", preview.recommendation, LIMITS.line)]));
  return body;
}

/** Where the draft stands: waiting for or rejected by an approver, or failed to publish. */
export function previewStatusBody(
  preview: PreviewModel,
  approvals: ApprovalsRoute | undefined,
  nameOf: NameOf | undefined,
): CardElement[] {
  const body: CardElement[] = [];
  const { approval } = preview;
  if (approval?.rejectedReason) {
    body.push(
      text(prefixed("🚫 **Rejected:** ", approval.rejectedReason, LIMITS.text), { color: "attention" }),
    );
  } else if (approval && preview.status === "pending_approval") {
    const where = !approvals
      ? ""
      : approvals.channel
        ? ` · request posted in ${escapeAndTruncate(approvals.channel, LIMITS.title)}`
        : " · the request is only in this conversation: no approvals channel is set up, so no approver was notified";
    body.push(
      ...smallPrint([
        `⏳ Waiting for approval · submitted by ${escapeAndTruncate(personName(approval.submittedBy, nameOf), LIMITS.title)}${where}`,
      ]),
    );
  }
  if (preview.publishError) {
    const kept = " The draft is kept.";
    body.push(
      text(
        `${prefixed("❌ **Publishing failed:** ", preview.publishError, LIMITS.paragraph - kept.length)}${kept}`,
        {
          color: "attention",
        },
      ),
    );
  }
  return body;
}

function issuesBody(issues: ValidationIssue[]): CardElement[] {
  const { heading: title, ordered } = issuesInOrder(issues);
  const lines = ordered.map((issue) => [
    text(
      `${issue.severity === "error" ? "❌" : "⚠️"} ${escapeAndTruncate(issue.message, LIMITS.line)} _Fix:_ ${escapeAndTruncate(issue.fix, LIMITS.line)}`,
      { spacing: "small" },
    ),
  ]);
  return [text(`**${title}**`, { spacing: "medium" }), ...fitGroups(lines, LIMITS.text, "issues")];
}
