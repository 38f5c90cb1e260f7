import type { App } from "@slack/bolt";
import type { SlackDeps } from "../context.js";
import { type SubmissionArgs, submitDraftForm } from "./form-submission.js";

export function registerEditDraft(app: App, deps: SlackDeps): void {
  app.view("edit_draft", (args) => submitDraftForm(deps, args as SubmissionArgs));
}
