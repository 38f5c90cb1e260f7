import type { App } from "@slack/bolt";
import type { SlackDeps } from "../context.js";
import { registerEditDraft } from "./edit-draft.js";
import { registerNewOffer } from "./new-offer.js";
import { registerRejectReason } from "./reject-reason.js";

export function registerViews(app: App, deps: SlackDeps): void {
  registerEditDraft(app, deps);
  registerNewOffer(app, deps);
  registerRejectReason(app, deps);
}
