import {
  codesList,
  type DraftStatus,
  formatCount,
  formatDate,
  formatMoney,
  type OfferStatus,
  offerTypeLabel,
  redemptionLabels,
} from "../../core/format.js";
import type { OfferDetailModel, OfferSummaryModel, Reply } from "../../core/view-models.js";

/** How an offer's status, dates and a draft's status read in every chat channel (plain text). */

const OFFER_BADGES: Record<OfferStatus, string> = {
  draft: "📝 Draft",
  pending_approval: "⏳ Pending approval",
  active: "🟢 Active",
  paused: "⏸️ Paused",
  expired: "⚪ Expired",
  archived: "🗄️ Archived",
};

/** Shown for an active offer whose start is still ahead. */
const SCHEDULED_BADGE = "🗓️ Scheduled";

const DRAFT_STATUS_LABELS: Record<DraftStatus, string> = {
  collecting: "In progress",
  review: "Ready to review",
  pending_approval: "Waiting for approval",
  published: "Published",
  cancelled: "Cancelled",
  failed: "Publishing failed",
};

/** The API's statuses may grow; an unknown one is shown as it is. */
export function offerBadge(status: string): string {
  if (status === "scheduled") return SCHEDULED_BADGE;
  return (OFFER_BADGES as Record<string, string | undefined>)[status] ?? `• ${status}`;
}

export function offerDates(offer: Pick<OfferSummaryModel, "startDate" | "endDate">): string {
  return offer.endDate
    ? `${formatDate(offer.startDate)} – ${formatDate(offer.endDate)}`
    : `from ${formatDate(offer.startDate)}`;
}

/** "Mar 1, 2026 – Apr 30, 2026 · merchant #7 · Percentage off · Promo code" */
export function offerDetailsLine(offer: OfferSummaryModel): string {
  return [
    offerDates(offer),
    `merchant #${offer.merchantId}`,
    offer.offerType && offerTypeLabel(offer.offerType),
    redemptionLabels(offer.redemptionMethods),
  ]
    .filter(Boolean)
    .join(" · ");
}

/** "Ready to review · updated Mar 1, 2026" */
export function draftStatusLine(draft: { status: DraftStatus; updatedAt: string }): string {
  return `${DRAFT_STATUS_LABELS[draft.status]} · updated ${formatDate(draft.updatedAt.slice(0, 10))}`;
}

/** An analytics reply's headline numbers, labelled. */
export function analyticsFigures(
  reply: Extract<Reply, { kind: "analytics" }>,
): { label: string; value: string }[] {
  return [
    { label: "Redemptions", value: formatCount(reply.totalRedemptions) },
    { label: "Unique users", value: formatCount(reply.uniqueUsers) },
    { label: "Revenue", value: formatMoney(reply.revenue) },
    {
      label: "Conversion",
      value:
        reply.conversionRate === null
          ? "n/a (no impressions recorded)"
          : `${(reply.conversionRate * 100).toFixed(1)}%`,
    },
  ];
}

/** What `/offers show` lists about an offer, labelled, in the order a marketer checks it. */
export function offerDetailFields(
  offer: OfferSummaryModel & OfferDetailModel,
): { label: string; value: string }[] {
  return [
    { label: "Status", value: offerBadge(offer.status) },
    { label: "Offer", value: `#${offer.offerId}` },
    { label: "Merchant", value: offer.merchantName ?? `#${offer.merchantId}` },
    { label: "Dates", value: offerDates(offer) },
    ...(offer.offerType ? [{ label: "Offer type", value: offerTypeLabel(offer.offerType) }] : []),
    ...(offer.savings ? [{ label: "Saving", value: offer.savings }] : []),
    { label: "Redemption", value: redemptionLabels(offer.redemptionMethods) },
    ...(offer.promoCodes?.length ? [{ label: "Codes", value: codesList(offer.promoCodes) }] : []),
    ...(offer.usageLimitPerCustomer !== undefined
      ? [{ label: "Per customer", value: formatCount(offer.usageLimitPerCustomer) }]
      : []),
    ...(offer.totalUsageLimit !== undefined
      ? [{ label: "Total uses", value: formatCount(offer.totalUsageLimit) }]
      : []),
    ...(offer.link ? [{ label: "Link", value: offer.link }] : []),
  ];
}
