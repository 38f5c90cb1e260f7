import type { App } from "@slack/bolt";
import { EDIT_DRAFT_CALLBACK } from "../../../views/slack/index.js";
import type { SlackDeps } from "../context.js";
import { type SubmissionArgs, submitDraftForm } from "./form-submission.js";

export function registerEditDraft(app: App, deps: SlackDeps): void {
  app.view(EDIT_DRAFT_CALLBACK, (args) => submitDraftForm(deps, args as SubmissionArgs));
}
