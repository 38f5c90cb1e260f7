import { formatCount } from "../../core/format.js";
import type { OfferSummaryModel, Reply } from "../../core/view-models.js";
import { offerBadge, offerDetailFields, offerDetailsLine } from "../text/offer-words.js";
import { rowActions, withActions } from "./actions.js";
import { type CardParts, facts, fitGroups, heading, row, smallPrint, text } from "./card.js";
import type { CardElement } from "./elements.js";
import { escapeAndTruncate, prefixed } from "./escape.js";
import { LIMITS } from "./limits.js";

type OfferList = Extract<Reply, { kind: "offer_list" }>;
type OfferDetail = Extract<Reply, { kind: "offer_detail" }>;

/** An unknown status from the API is shown, but never at the expense of the title. */
const BADGE_MAX = 60;

/** A page of offers, a row each with its Show button, then Previous / Next. */
export function offerListParts(reply: OfferList, threadKey: string): CardParts {
  const first = reply.offset + 1;
  const last = reply.offset + reply.offers.length;
  const rows = reply.offers.map((offer) => [
    row(
      offerSummary(offer),
      rowActions([{ id: "offer_show", label: "Show", value: String(offer.offerId) }], threadKey),
    ),
  ]);
  return withActions(
    [
      heading(reply.title),
      ...smallPrint([
        reply.total > 0
          ? `${formatCount(reply.total)} found, showing ${formatCount(first)}–${formatCount(last)}`
          : "No offers match.",
      ]),
      ...fitGroups(rows, LIMITS.listBytes, "offers"),
    ],
    reply.actions,
    threadKey,
  );
}

export function offerDetailParts(reply: OfferDetail, threadKey: string): CardParts {
  const { offer } = reply;
  return withActions(
    [
      heading(offer.title),
      facts(offerDetailFields(offer)),
      ...(offer.description ? [text(prefixed("**Description**\n\n", offer.description, LIMITS.text))] : []),
      ...(offer.terms ? [text(prefixed("**Terms**\n\n", offer.terms, LIMITS.text))] : []),
    ],
    reply.actions,
    threadKey,
  );
}

/** An offer in two lines: status, title and id; then its dates, merchant, type and redemption. */
function offerSummary(offer: OfferSummaryModel): CardElement[] {
  return [
    text(
      `${escapeAndTruncate(offerBadge(offer.status), BADGE_MAX)}  **${escapeAndTruncate(offer.title, LIMITS.title)}**  #${offer.offerId}`,
    ),
    text(escapeAndTruncate(offerDetailsLine(offer), LIMITS.line), {
      size: "small",
      isSubtle: true,
      spacing: "none",
    }),
  ];
}
