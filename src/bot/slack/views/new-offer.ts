import type { App } from "@slack/bolt";
import { NEW_OFFER_CALLBACK } from "../../../views/slack/index.js";
import type { SlackDeps } from "../context.js";
import { type SubmissionArgs, submitDraftForm } from "./form-submission.js";

export function registerNewOffer(app: App, deps: SlackDeps): void {
  app.view(NEW_OFFER_CALLBACK, (args) => submitDraftForm(deps, args as SubmissionArgs));
}
