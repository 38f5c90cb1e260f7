import type { App } from "@slack/bolt";
import type { SlackDeps } from "../context.js";
import { registerNewOfferShortcut } from "./new-offer.js";

export function registerShortcuts(app: App, deps: SlackDeps): void {
  registerNewOfferShortcut(app, deps);
}
