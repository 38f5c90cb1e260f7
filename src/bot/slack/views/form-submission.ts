import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { decodeModalMetadata, modalErrors, readModalValues } from "../../../views/slack/index.js";
import { deliver, type SlackDeps, speakerOf } from "../context.js";

export type SubmissionArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/**
 * The edit and new-offer forms: checked with the chat's rules before the modal closes (errors
 * appear next to their inputs); once accepted, the change runs as a turn in the draft's thread.
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
  const speaker = await speakerOf(
    deps,
    client,
    { userId: body.user.id, ...(body.team?.id ? { team: body.team.id } : {}) },
    { lookup: false },
  );
  const errors = await deps.bot.formErrors(speaker, threadKey, values, version);
  if (Object.keys(errors).length > 0) {
    await ack(modalErrors(errors));
    return;
  }
  await ack();
  const result = await deps.bot.submitForm(speaker, threadKey, values, version);
  if (result.ok) await deliver(deps, client, threadKey, result.replies);
}
