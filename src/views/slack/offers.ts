import type { types } from "@slack/bolt";
import { formatCount } from "../../core/format.js";
import type { Reply } from "../../core/view-models.js";
import { offerDetailFields } from "../text/offer-words.js";
import { context, fieldSections, fitGroups, header, prefixed, section } from "./blocks.js";
import { actionsBlocks, button } from "./buttons.js";
import { LIMITS } from "./limits.js";
import { offerSummaryText } from "./summaries.js";

type OfferList = Extract<Reply, { kind: "offer_list" }>;
type OfferDetail = Extract<Reply, { kind: "offer_detail" }>;

/** A page of offers, one section each with its Show button, then the paging buttons. */
export function offerListBlocks(reply: OfferList, threadKey: string): types.KnownBlock[] {
  const first = reply.offset + 1;
  const last = reply.offset + reply.offers.length;
  const head: types.KnownBlock[] = [
    header(reply.title),
    context([
      reply.total > 0
        ? `${formatCount(reply.total)} found, showing ${formatCount(first)}–${formatCount(last)}`
        : "No offers match.",
    ]),
  ];
  const tail = actionsBlocks(reply.actions, threadKey);
  const rows = reply.offers.map((offer) => [
    section(
      offerSummaryText(offer),
      button({ id: "offer_show", label: "Show", value: String(offer.offerId) }, threadKey),
    ),
  ]);
  return [...head, ...fitGroups(rows, LIMITS.messageBlocks - head.length - tail.length, "offers"), ...tail];
}

export function offerDetailBlocks(reply: OfferDetail, threadKey: string): types.KnownBlock[] {
  const { offer } = reply;
  const fields = offerDetailFields(offer);
  return [
    header(offer.title),
    ...fieldSections(undefined, fields),
    ...(offer.description ? [longText("Description", offer.description)] : []),
    ...(offer.terms ? [longText("Terms", offer.terms)] : []),
    ...actionsBlocks(reply.actions, threadKey),
  ];
}

function longText(label: string, text: string): types.SectionBlock {
  return section(prefixed(`*${label}*\n`, text));
}
