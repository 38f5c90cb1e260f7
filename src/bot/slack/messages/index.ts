import type { App } from "@slack/bolt";
import type { SlackDeps } from "../context.js";
import { registerDirectMessage } from "./direct-message.js";
import { registerThreadReply } from "./thread-reply.js";

export function registerMessages(app: App, deps: SlackDeps): void {
  registerDirectMessage(app, deps);
  registerThreadReply(app, deps);
}
