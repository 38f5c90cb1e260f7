import type { Activity } from "@microsoft/agents-activity";
import type { TeamsDeps } from "../context.js";

/**
 * The bot added to a team, a group chat or someone's personal chat: its reference is kept, so
 * digests, alerts and approval cards can be posted there before anyone has written.
 */
export async function onConversationUpdate(deps: TeamsDeps, activity: Activity): Promise<void> {
  await deps.references.remember(activity);
}
