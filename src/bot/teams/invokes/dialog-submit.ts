import { Activity } from "@microsoft/agents-activity";
import { deliverTurn } from "../../../core/delivery.js";
import { decodeFormMeta, formCard, readFormValues } from "../../../views/teams/index.js";
import type { Once } from "../../durable-work.js";
import { speakerOf, type TeamsDeps, workKeyOf } from "../context.js";
import { conversationOf, placeKeyOf } from "../place.js";
import { closingWith, type DialogAnswer, dialogWith } from "./dialog.js";

/**
 * `task/submit`: the form is checked with the chat's rules while the dialog is open, and shown
 * again with each error under its field (and nothing typed lost); a form opened on an older
 * version of the draft is refused there too. Once accepted the change is queued work (a Redis job
 * when configured, so no replica's crash loses it), the dialog closes, and the change runs as a
 * turn in the draft's conversation.
 */
export async function onDialogSubmit(deps: TeamsDeps, activity: Activity): Promise<DialogAnswer> {
  const data = (activity.value as { data?: unknown } | undefined)?.data;
  const meta = decodeFormMeta(data);
  if (!meta) return closingWith("That form isn't one of mine any more.");
  const values = readFormValues(data);
  const speaker = speakerOf(activity);
  const errors = await deps.bot.formErrors(speaker, meta.threadKey, values, meta.version);
  if (Object.keys(errors).length > 0) {
    const stored = await deps.bot.draftOf(meta.threadKey);
    return dialogWith(
      meta.form,
      formCard({ ...meta, draft: stored?.draft ?? {}, submitted: values, errors }),
    );
  }
  const key = workKeyOf(activity);
  await deps.work.run({ kind: "form", key, activity: JSON.parse(JSON.stringify(activity)) }, key);
  return closingWith(
    meta.form === "edit"
      ? "Saved: the offer's card updates in a moment."
      : "Got it: your draft follows in the chat.",
  );
}

/** An accepted form's turn, posted in the draft's conversation. */
export async function performFormSubmit(
  deps: TeamsDeps,
  work: { activity: Record<string, unknown> },
  once: Once,
): Promise<void> {
  const activity = Activity.fromObject(work.activity);
  const data = (activity.value as { data?: unknown } | undefined)?.data;
  const meta = decodeFormMeta(data);
  if (!meta) return;
  const values = readFormValues(data);
  const result = await once(() =>
    deps.bot.submitForm(speakerOf(activity), meta.threadKey, values, meta.version),
  );
  if (!result.ok) return;
  const conversationId = conversationOf(meta.threadKey);
  // A new offer's draft is what its chat continues.
  if (conversationId) await deps.threads.register(placeKeyOf(conversationId), meta.threadKey);
  await deliverTurn({ outbound: deps.outbound, threads: deps.threads }, meta.threadKey, result.replies);
}
