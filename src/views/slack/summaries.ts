import type { DraftStatus } from "../../core/format.js";
import type { OfferSummaryModel } from "../../core/view-models.js";
import { draftStatusLine, offerBadge, offerDetailsLine } from "../text/offer-words.js";
import { LINE_MAX } from "./blocks.js";
import { escapeAndTruncate } from "./escape.js";
import { LIMITS } from "./limits.js";

/** One-paragraph descriptions of offers and drafts, shared by replies and the App Home. */

/** An unknown status from the API is shown, but never at the expense of the title. */
const BADGE_MAX = 60;

export function offerSummaryText(offer: OfferSummaryModel): string {
  return `${escapeAndTruncate(offerBadge(offer.status), BADGE_MAX)}  *${escapeAndTruncate(offer.title, LIMITS.header)}*  #${offer.offerId}\n${escapeAndTruncate(offerDetailsLine(offer), LINE_MAX)}`;
}

export function draftSummaryText(draft: { title: string; status: DraftStatus; updatedAt: string }): string {
  return `*${escapeAndTruncate(draft.title, LIMITS.header)}*\n${draftStatusLine(draft)}`;
}
