import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { ActionId } from "../../../core/view-models.js";
import { decodeButtonValue, parseActionId } from "../../../views/slack/index.js";

export type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

export interface Button {
  id: ActionId;
  threadKey: string;
  value: string;
  userId: string;
  team: string;
  /** Where the button was clicked: a channel message, or nowhere (App Home). */
  channel?: string;
  messageTs?: string;
  triggerId: string;
}

/** Matches our buttons by action id (`publish`, `offer_show:3`, …). */
export const actionIdPattern = (ids: readonly ActionId[]) => new RegExp(`^(?:${ids.join("|")})(?::\\d+)?$`);

/** What a click means, from Slack's payload; undefined for a button that is not ours or was tampered with. */
export function buttonOf(args: ButtonArgs): Button | undefined {
  const { action, body } = args;
  const id = parseActionId(action.action_id);
  const decoded = action.value ? decodeButtonValue(action.value) : undefined;
  if (!id || !decoded) return undefined;
  return { id, threadKey: decoded.threadKey, value: decoded.value, ...clickOf(body) };
}

/** One click's key for queued work: Slack stamps each click with its own action_ts. */
export function clickKey(action: object, click: Pick<Button, "userId" | "triggerId">): string {
  const stamp =
    "action_ts" in action && typeof action.action_ts === "string" ? action.action_ts : click.triggerId;
  // BullMQ job ids cannot hold a colon.
  return `click-${click.userId}-${stamp}`;
}

/** Who clicked, and where: the same for a button and a menu. */
export function clickOf(body: BlockAction): Omit<Button, "id" | "threadKey" | "value"> {
  return {
    userId: body.user.id,
    team: body.team?.id ?? body.user.team_id ?? "T",
    ...(body.channel?.id ? { channel: body.channel.id } : {}),
    ...(body.message?.ts ? { messageTs: body.message.ts } : {}),
    triggerId: body.trigger_id,
  };
}
