import type { Activity } from "@microsoft/agents-activity";
import { decodeCardClick, formCard, NEW_OFFER } from "../../../views/teams/index.js";
import type { TeamsDeps } from "../context.js";
import { newThreadKeyIn } from "../place.js";
import { closingWith, type DialogAnswer, dialogWith } from "./dialog.js";

const STALE = "This card is out of date. Use the latest one in the conversation.";

/**
 * `task/fetch`: Edit or New offer opens the offer form as a dialog. Only the stored draft is read,
 * so the dialog opens at once; Edit on an old copy of a card is refused to the clicker.
 */
export async function onDialogOpen(deps: TeamsDeps, activity: Activity): Promise<DialogAnswer> {
  const click = decodeCardClick(activity.value);
  const conversationId = activity.conversation?.id;
  if (!click || !conversationId) return closingWith("That button isn't one of mine any more.");
  if (click.actionId === NEW_OFFER)
    return dialogWith(
      NEW_OFFER,
      formCard({ form: NEW_OFFER, threadKey: newThreadKeyIn(conversationId), draft: {} }),
    );
  const live = await deps.threads.fromLiveCard({
    threadKey: click.threadKey,
    ...(activity.replyToId ? { messageId: activity.replyToId } : {}),
  });
  const stored = live ? await deps.bot.draftOf(click.threadKey) : undefined;
  if (!stored) return closingWith(STALE);
  return dialogWith(
    "edit",
    formCard({ form: "edit", threadKey: click.threadKey, version: stored.version, draft: stored.draft }),
  );
}
