import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { decodeModalMetadata, modalErrors, readModalValues } from "../../../views/slack/index.js";
import type { Once } from "../after-ack.js";
import { deliver, type SlackDeps, speakerOf } from "../context.js";

export type SubmissionArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/** An accepted form, as data a queue keeps. */
export interface SubmittedForm {
  threadKey: string;
  version: number | undefined;
  values: Record<string, string | string[]>;
  userId: string;
  team?: string;
}

/**
 * The edit and new-offer forms: checked with the chat's rules before the modal closes (errors
 * appear next to their inputs); once accepted, the change runs as a turn in the draft's thread,
 * after the ack (queued first when the bot keeps its work in Redis).
 */
export async function submitDraftForm(deps: SlackDeps, args: SubmissionArgs): Promise<void> {
  const { ack, view, body, client } = args;
  const metadata = decodeModalMetadata(view.private_metadata);
  if (!metadata) {
    await ack({ response_action: "errors", errors: {} });
    return;
  }
  const { threadKey, version } = metadata;
  const values = readModalValues(view.state.values);
  const team = body.team?.id;
  const speaker = await speakerOf(
    deps,
    client,
    { userId: body.user.id, ...(team ? { team } : {}) },
    { lookup: false },
  );
  const errors = await deps.bot.formErrors(speaker, threadKey, values, version);
  if (Object.keys(errors).length > 0) {
    await ack(modalErrors(errors));
    return;
  }
  const form = { threadKey, version, values, userId: body.user.id, ...(team ? { team } : {}) };
  // A view's hash changes with each update, so it names this submission of this form.
  await deps.afterAck.run({ kind: "form", form }, `form-${view.id}-${view.hash}`, () => ack());
}

/** An accepted form's turn. */
export async function formTurn(
  deps: SlackDeps,
  client: WebClient,
  form: SubmittedForm,
  once: Once,
): Promise<void> {
  const speaker = await speakerOf(deps, client, {
    userId: form.userId,
    ...(form.team ? { team: form.team } : {}),
  });
  const result = await once(() => deps.bot.submitForm(speaker, form.threadKey, form.values, form.version));
  if (result.ok) await deliver(deps, client, form.threadKey, result.replies);
}
