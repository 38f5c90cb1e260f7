import {
  codesList,
  formatCount,
  formatDate,
  formatMoney,
  offerTypeLabel,
  redemptionLabels,
} from "../../core/format.js";
import type {
  Action,
  ApprovalOutcomeModel,
  ApprovalRequestModel,
  OfferDetailModel,
  OfferSummaryModel,
  PreviewModel,
  Reply,
} from "../../core/view-models.js";

/**
 * Plain-text rendering of the same view models Slack and Teams render: the console channel and
 * any log or fallback text. Pure: a reply in, lines out. Actions are listed by the caller.
 */
export function renderText(reply: Reply): string {
  switch (reply.kind) {
    case "notice":
      return `${TONE_MARK[reply.tone]}${reply.text}`;
    case "question":
      return lines(...reply.notes, reply.text, reply.hint && `  (${reply.hint})`);
    case "preview":
      return lines(...reply.notes, renderPreview(reply.preview));
    case "published":
      return lines(
        `✅ Published "${reply.title}" as offer #${reply.offerId}.`,
        ...reply.created.map((item) => `  • created ${item}`),
        ...reply.workarounds.map((item) => `  ⚠ ${item}`),
      );
    case "offer_list":
      return lines(
        `${reply.title}: ${formatCount(reply.total)} found${reply.total > 0 ? `, showing ${reply.offset + 1}–${reply.offset + reply.offers.length}` : ""}`,
        ...reply.offers.map(renderSummary),
      );
    case "offer_detail":
      return lines(
        renderSummary(reply.offer),
        ...detailLines(reply.offer),
        reply.offer.description && `  ${reply.offer.description}`,
        reply.offer.terms && `  Terms: ${reply.offer.terms}`,
        reply.offer.link && `  Link: ${reply.offer.link}`,
      );
    case "analytics":
      return lines(
        `📈 ${reply.title} (#${reply.offerId}), ${formatDate(reply.startDate)} – ${formatDate(reply.endDate)}`,
        `  Redemptions ${formatCount(reply.totalRedemptions)} · unique users ${formatCount(reply.uniqueUsers)} · revenue ${formatMoney(reply.revenue)}`,
        `  Conversion ${reply.conversionRate === null ? "not available (no impressions recorded)" : `${(reply.conversionRate * 100).toFixed(1)}%`}`,
        `  Last 7 days: ${
          reply.byDay
            .slice(-7)
            .map((day) => `${day.date.slice(5)} ${day.redemptions}`)
            .join(", ") || "no data"
        }`,
      );
    case "drafts":
      return reply.drafts.length === 0
        ? "You have no open drafts."
        : lines(
            "Your open drafts:",
            ...reply.drafts.map(
              (draft) => `  • ${draft.title} (${draft.status}, ${draft.updatedAt.slice(0, 10)})`,
            ),
          );
  }
}

/** An approval request, where approvers read it. */
export function renderApprovalRequest(request: ApprovalRequestModel): string {
  return `📋 Approval requested: "${request.preview.title}", submitted by ${request.authorId}.`;
}

/** What a decided approval request became. */
export function renderApprovalOutcome(outcome: ApprovalOutcomeModel): string {
  return "publishedOfferId" in outcome
    ? `📋 Approval request: ✅ approved by ${outcome.approverId} and published as offer #${outcome.publishedOfferId} ("${outcome.title}").`
    : `📋 Approval request: ↩️ rejected by ${outcome.approverId}: ${outcome.rejectedReason}`;
}

export function actionsOf(reply: Reply): Action[] {
  return "actions" in reply && reply.actions ? reply.actions : [];
}

const TONE_MARK = { info: "", success: "✅ ", warning: "⚠ ", error: "❌ " } as const;

function renderPreview(preview: PreviewModel): string {
  return lines(
    `── Preview: ${preview.title} ──`,
    `  ${preview.summary}`,
    ...preview.sections.flatMap((section) => [
      `  ${section.title}`,
      ...section.fields.map((field) => `    ${field.label}: ${field.value}`),
    ]),
    preview.budgetImpact &&
      `  Budget impact: ${preview.budgetImpact.text}${preview.budgetImpact.overBudget ? " (over budget)" : ""}\n    Assumption: ${preview.budgetImpact.assumption}`,
    preview.recommendation && `  Hint: ${preview.recommendation}`,
    ...preview.issues.map(
      (issue) => `  ${issue.severity === "error" ? "❌" : "⚠"} ${issue.message} Fix: ${issue.fix}`,
    ),
    preview.approval &&
      (preview.approval.rejectedReason
        ? `  Rejected: ${preview.approval.rejectedReason}`
        : preview.status === "pending_approval"
          ? `  Waiting for approval (submitted by ${preview.approval.submittedBy})`
          : undefined),
    preview.publishError && `  ❌ Publishing failed: ${preview.publishError} The draft is kept.`,
  );
}

/** "Merchant: …", "Value: 20%", "Codes: DEALER20", "Limits: 3 per customer, 1,000 total". */
function detailLines(offer: OfferDetailModel & OfferSummaryModel): string[] {
  const limits = [
    offer.usageLimitPerCustomer !== undefined && `${formatCount(offer.usageLimitPerCustomer)} per customer`,
    offer.totalUsageLimit !== undefined && `${formatCount(offer.totalUsageLimit)} total`,
  ].filter((part): part is string => typeof part === "string");
  return [
    offer.offerType &&
      `  Type: ${offerTypeLabel(offer.offerType)}${offer.savings ? `, saving ${offer.savings}` : ""}`,
    offer.redemptionMethods.length > 0 && `  Redemption: ${redemptionLabels(offer.redemptionMethods)}`,
    offer.promoCodes?.length && `  Codes: ${codesList(offer.promoCodes)}`,
    limits.length > 0 && `  Limits: ${limits.join(", ")}`,
  ].filter((line): line is string => typeof line === "string" && line.length > 0);
}

function renderSummary(offer: OfferSummaryModel): string {
  const dates = offer.endDate
    ? `${formatDate(offer.startDate)} – ${formatDate(offer.endDate)}`
    : `from ${formatDate(offer.startDate)}`;
  return `  #${offer.offerId} ${offer.title} [${offer.status}] ${dates}, ${offer.merchantName ?? `merchant #${offer.merchantId}`}`;
}

function lines(...parts: (string | undefined | false | null | 0)[]): string {
  return parts.filter((part): part is string => typeof part === "string" && part.length > 0).join("\n");
}
