import type { App } from "@slack/bolt";
import type { SlackDeps } from "../context.js";
import { type SubmissionArgs, submitDraftForm } from "./form-submission.js";

export function registerNewOffer(app: App, deps: SlackDeps): void {
  app.view("new_offer", (args) => submitDraftForm(deps, args as SubmissionArgs));
}
