import { z } from "zod";
import { type Action, type ActionId, isActionId, versionOf } from "../../core/view-models.js";
import { CHANNEL_CONFIRMS } from "../text/confirms.js";
import { type CardParts, moreNote, smallPrint, text } from "./card.js";
import type { CardAction, CardElement, ClickData } from "./elements.js";
import { escapeAndTruncate, truncatePlain } from "./escape.js";
import { LIMITS } from "./limits.js";

/** Thread key of buttons that belong to no conversation (a digest, an alert): the adapter starts one. */
export const NO_THREAD_KEY = "";

/** The verb of the button that opens the new-offer dialog; no core action, as no draft exists yet. */
export const NEW_OFFER = "new_offer";

/** The approver's reason box on a Reject: Teams sends its text in the click's data under this id. */
export const REASON_INPUT = "reason";

export type ClickVerb = ActionId | typeof NEW_OFFER;

/** A click as the Teams adapter hands it to the core. */
export interface CardClick {
  actionId: ClickVerb;
  threadKey: string;
  value: string;
  /** The draft version the card showed, when its actions carry one: a click on an older card is refused. */
  version?: number;
  /** What an approver typed when rejecting. */
  reason?: string;
}

/** Teams opens these as a dialog (task module) from an `Action.Submit`; every other verb is an `Action.Execute`. */
const DIALOG_VERBS: ReadonlySet<string> = new Set<ClickVerb>(["edit", NEW_OFFER]);

/** Ids, never content: a longer value means a forged click or a bug. */
const VALUE_MAX = 2000;
const clickData = z.object({ threadKey: z.string().max(VALUE_MAX), value: z.string().max(VALUE_MAX) });

/** `adaptiveCard/action`: Teams sends the button's verb, and its data merged with the card's inputs. */
const executeInvoke = z.object({
  action: z.object({
    type: z.literal("Action.Execute"),
    verb: z.string(),
    data: clickData.extend({ [REASON_INPUT]: z.string().max(LIMITS.reason).optional() }),
  }),
});

/** `task/fetch`: the Submit's data, which names its verb itself. */
const dialogInvoke = z.object({ data: clickData.extend({ verb: z.string() }) });

/**
 * The invoke's `value` (an `adaptiveCard/action` or a `task/fetch`) as the click it stands for;
 * undefined for anything these cards did not send.
 */
export function decodeCardClick(invokeValue: unknown): CardClick | undefined {
  const execute = executeInvoke.safeParse(invokeValue);
  if (execute.success) {
    const { verb, data } = execute.data.action;
    return isActionId(verb) && !DIALOG_VERBS.has(verb) ? clickOf(verb, data, data.reason) : undefined;
  }
  const dialog = dialogInvoke.safeParse(invokeValue);
  if (!dialog.success) return undefined;
  const { verb, ...data } = dialog.data.data;
  return DIALOG_VERBS.has(verb) ? clickOf(verb as ClickVerb, data) : undefined;
}

function clickOf(actionId: ClickVerb, data: ClickData, reason?: string): CardClick {
  const version = versionOf(data.value);
  return {
    actionId,
    threadKey: data.threadKey,
    value: data.value,
    ...(version !== undefined ? { version } : {}),
    ...(reason?.trim() ? { reason: reason.trim() } : {}),
  };
}

/** What a button carries back with its verb: the conversation it acts on and the action's own value. */
function encodeClick(threadKey: string, value: string): ClickData {
  if (value.length > VALUE_MAX || threadKey.length > VALUE_MAX) {
    throw new Error(
      `An action's value is over ${VALUE_MAX} characters: actions must carry ids, not content.`,
    );
  }
  return { threadKey, value };
}

const STYLES = { primary: "positive", danger: "destructive" } as const;

/**
 * One action as a Teams button. Edit opens the form dialog. Cancel, which Slack asks about in a
 * dialog, asks inline: its button unfolds the question and the button that confirms. An action
 * whose model carries its own `confirm` (ending an offer) already sits on the card that asks, the
 * core's follow-up, so it is sent at once.
 */
export function cardAction(action: Action, threadKey: string, mode?: "secondary"): CardAction {
  const title = truncatePlain(action.label, LIMITS.buttonTitle);
  const placed = { ...(action.style ? { style: STYLES[action.style] } : {}), ...(mode ? { mode } : {}) };
  if (DIALOG_VERBS.has(action.id)) return dialogAction(action.id, title, threadKey, action.value, mode);
  const execute = {
    type: "Action.Execute" as const,
    title,
    verb: action.id,
    data: encodeClick(threadKey, action.value),
    ...placed,
  };
  const confirm = CHANNEL_CONFIRMS[action.id];
  if (!confirm) return execute;
  return {
    type: "Action.ShowCard",
    title,
    ...(mode ? { mode } : {}),
    card: {
      type: "AdaptiveCard",
      body: [
        text(
          `**${escapeAndTruncate(confirm.title, LIMITS.title)}** ${escapeAndTruncate(confirm.text, LIMITS.line)}`,
        ),
      ],
      actions: [
        { ...execute, title: truncatePlain(confirm.confirm, LIMITS.buttonTitle), style: "destructive" },
      ],
    },
  };
}

/** A button that opens a dialog: Teams sends a `task/fetch` with this data, the verb included. */
export function dialogAction(
  verb: ClickVerb,
  title: string,
  threadKey: string,
  value = "",
  mode?: "secondary",
): CardAction {
  return {
    type: "Action.Submit",
    title: truncatePlain(title, LIMITS.buttonTitle),
    data: { msteams: { type: "task/fetch" }, verb, ...encodeClick(threadKey, value) },
    ...(mode ? { mode } : {}),
  };
}

/**
 * A card's body with its buttons: six in view, the rest behind Teams' "…" menu; past that many,
 * counted in a note instead, as a list of buttons nobody reads.
 */
export function withActions(body: CardElement[], actions: Action[], threadKey: string): CardParts {
  const shown = actions.slice(0, LIMITS.actions);
  const hidden = actions.length - shown.length;
  return {
    body: hidden > 0 ? [...body, ...smallPrint([moreNote(hidden, "options")])] : body,
    actions: shown.map((action, index) =>
      cardAction(action, threadKey, index < LIMITS.primaryActions ? undefined : "secondary"),
    ),
  };
}

/** An offer's actions in a list row: the first as a button, the rest behind the "…" menu. */
export function rowActions(actions: Action[], threadKey: string): CardAction[] {
  return actions
    .slice(0, LIMITS.primaryActions)
    .map((action, index) => cardAction(action, threadKey, index === 0 ? undefined : "secondary"));
}
