import { formatCount } from "../../core/format.js";
import type { Reply } from "../../core/view-models.js";

/** A reply in one line: what a chat notification shows, and a card's fallback. */
export function replySummary(reply: Reply): string {
  switch (reply.kind) {
    case "notice":
    case "question":
      return reply.text;
    case "preview":
      return `Preview: ${reply.preview.title}`;
    case "published":
      return `Published "${reply.title}" as offer #${reply.offerId}.`;
    case "offer_list":
      return `${reply.title}: ${formatCount(reply.total)} found`;
    case "offer_detail":
      return `Offer #${reply.offer.offerId}: ${reply.offer.title}`;
    case "analytics":
      return `Analytics for ${reply.title} (#${reply.offerId})`;
    case "drafts":
      return reply.drafts.length === 0
        ? "You have no open drafts."
        : `You have ${formatCount(reply.drafts.length)} open draft${reply.drafts.length === 1 ? "" : "s"}.`;
  }
}
