import type { App } from "@slack/bolt";
import type { SlackDeps } from "../context.js";
import { registerAppHomeOpened } from "./app-home-opened.js";
import { registerAppMention } from "./app-mention.js";
import { registerAssistantThreadStarted } from "./assistant-thread-started.js";

export function registerEvents(app: App, deps: SlackDeps): void {
  registerAppMention(app, deps);
  registerAppHomeOpened(app, deps);
  registerAssistantThreadStarted(app, deps);
}
