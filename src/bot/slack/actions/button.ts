import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { ActionId } from "../../../core/view-models.js";
import { decodeButtonValue, parseActionId } from "../../../views/slack/index.js";
import type { SlackDeps } from "../context.js";

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

/**
 * A click's turn, after the ack (queued first when the bot keeps its work in Redis), keyed by the
 * action_ts Slack stamps on each click.
 */
export function runClick(
  deps: SlackDeps,
  work: { kind: "decision" | "offer"; button: Button },
  action: object,
  ack: () => Promise<void>,
): Promise<void> {
  const { button } = work;
  const stamp =
    "action_ts" in action && typeof action.action_ts === "string" ? action.action_ts : button.triggerId;
  // BullMQ job ids cannot hold a colon.
  return deps.afterAck.run(work, `click-${button.userId}-${stamp}`, ack);
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
