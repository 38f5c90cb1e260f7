import type { types } from "@slack/bolt";
import type { Action, HomeModel, OfferSummaryModel } from "../../core/view-models.js";
import { context, divider, fitGroups, header, plain, section } from "./blocks.js";
import { actionsBlocks, button, NO_THREAD_KEY } from "./buttons.js";
import { LIMITS } from "./limits.js";
import { draftSummaryText, offerSummaryText } from "./summaries.js";

export const HOME_NEW_OFFER_ACTION = "home_new_offer";

/** Recent offers take at most this many of the Home tab's 100 blocks; drafts get the rest. */
const OFFER_BLOCKS = 40;

/**
 * The App Home tab: start an offer, act on recent ones, resume a draft. Home is nobody's
 * conversation, so offer buttons carry NO_THREAD_KEY; a draft's Resume carries its own thread.
 */
export function appHomeView(input: HomeModel): types.HomeView {
  const blocks: types.KnownBlock[] = [
    header("Kigo Offer Manager"),
    section("Create, publish and follow offers by chatting with me, or use `/offers` in any channel."),
    {
      type: "actions",
      elements: [
        {
          type: "button",
          action_id: HOME_NEW_OFFER_ACTION,
          text: plain("New offer", LIMITS.buttonText),
          style: "primary",
        },
      ],
    },
    divider(),
    header("Recent offers"),
    ...(input.recentOffers.length > 0
      ? fitGroups(input.recentOffers.map(offerRow), OFFER_BLOCKS, "offers")
      : [context(["No offers yet."])]),
    divider(),
    header("Open drafts"),
  ];
  const drafts = input.drafts.map((draft) => [
    section(
      draftSummaryText(draft),
      button({ id: "draft_resume", label: "Resume", value: draft.threadKey }, draft.threadKey),
    ),
  ]);
  blocks.push(
    ...(drafts.length > 0
      ? fitGroups(drafts, LIMITS.viewBlocks - blocks.length, "drafts")
      : [context(["No open drafts."])]),
  );
  return { type: "home", blocks };
}

function offerRow(offer: OfferSummaryModel): types.KnownBlock[] {
  const value = String(offer.offerId);
  const actions: Action[] = [
    { id: "offer_show", label: "Show", value },
    ...(offer.status === "paused" ? [{ id: "offer_resume" as const, label: "Resume", value }] : []),
    ...(offer.status === "active" ? [{ id: "offer_pause" as const, label: "Pause", value }] : []),
    { id: "offer_analytics", label: "Analytics", value },
  ];
  return [section(offerSummaryText(offer)), ...actionsBlocks(actions, NO_THREAD_KEY)];
}
