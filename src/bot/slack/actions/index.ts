import type { App } from "@slack/bolt";
import type { SlackDeps } from "../context.js";
import { registerDraftDecision } from "./draft-decision.js";
import { registerEdit } from "./edit.js";
import { registerHomeNewOffer } from "./home-new-offer.js";
import { registerOfferButtons } from "./offer-buttons.js";
import { registerOfferMenu } from "./offer-menu.js";
import { registerReject } from "./reject.js";

export function registerActions(app: App, deps: SlackDeps): void {
  registerDraftDecision(app, deps);
  registerEdit(app, deps);
  registerReject(app, deps);
  registerOfferButtons(app, deps);
  registerOfferMenu(app, deps);
  registerHomeNewOffer(app, deps);
}
