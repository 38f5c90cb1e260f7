import {
  type DraftStatus,
  formatDate,
  type OfferStatus,
  offerTypeLabel,
  redemptionLabels,
} from "../../core/format.js";
import type { OfferSummaryModel } from "../../core/view-models.js";
import { LINE_MAX } from "./blocks.js";
import { escapeAndTruncate } from "./escape.js";
import { LIMITS } from "./limits.js";

/** One-paragraph descriptions of offers and drafts, shared by replies and the App Home. */

/** An unknown status from the API is shown, but never at the expense of the title. */
const BADGE_MAX = 60;

const OFFER_BADGES: Record<OfferStatus, string> = {
  draft: "📝 Draft",
  pending_approval: "⏳ Pending approval",
  active: "🟢 Active",
  paused: "⏸️ Paused",
  expired: "⚪ Expired",
  archived: "🗄️ Archived",
};

const DRAFT_STATUS_LABELS: Record<DraftStatus, string> = {
  collecting: "In progress",
  review: "Ready to review",
  pending_approval: "Waiting for approval",
  published: "Published",
  cancelled: "Cancelled",
  failed: "Publishing failed",
};

/** Plain text, escaped by the caller. The API's statuses may grow; an unknown one is shown as it is. */
/** Shown for an active offer whose start is still ahead. */
const SCHEDULED_BADGE = "🗓️ Scheduled";

export function offerBadge(status: string): string {
  if (status === "scheduled") return SCHEDULED_BADGE;
  return (OFFER_BADGES as Record<string, string | undefined>)[status] ?? `• ${status}`;
}

export function offerDates(offer: Pick<OfferSummaryModel, "startDate" | "endDate">): string {
  return offer.endDate
    ? `${formatDate(offer.startDate)} – ${formatDate(offer.endDate)}`
    : `from ${formatDate(offer.startDate)}`;
}

export function offerSummaryText(offer: OfferSummaryModel): string {
  const details = [
    offerDates(offer),
    `merchant #${offer.merchantId}`,
    offer.offerType && offerTypeLabel(offer.offerType),
    redemptionLabels(offer.redemptionMethods),
  ].filter(Boolean);
  return `${escapeAndTruncate(offerBadge(offer.status), BADGE_MAX)}  *${escapeAndTruncate(offer.title, LIMITS.header)}*  #${offer.offerId}\n${escapeAndTruncate(details.join(" · "), LINE_MAX)}`;
}

export function draftSummaryText(draft: { title: string; status: DraftStatus; updatedAt: string }): string {
  return `*${escapeAndTruncate(draft.title, LIMITS.header)}*\n${DRAFT_STATUS_LABELS[draft.status]} · updated ${formatDate(draft.updatedAt.slice(0, 10))}`;
}
