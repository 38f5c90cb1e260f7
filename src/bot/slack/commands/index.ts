import type { App } from "@slack/bolt";
import type { SlackDeps } from "../context.js";
import { registerOffersCommand } from "./offers.js";

export function registerCommands(app: App, deps: SlackDeps): void {
  registerOffersCommand(app, deps);
}
