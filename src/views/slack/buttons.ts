import type { types } from "@slack/bolt";
import { z } from "zod";
import { type Action, type ActionId, isActionId } from "../../core/view-models.js";
import { CHANNEL_CONFIRMS } from "../text/confirms.js";
import { chunk, context, moreNote, plain } from "./blocks.js";
import { LIMITS } from "./limits.js";

/** Thread key of buttons that belong to no conversation (App Home): the listener starts one. */
export const NO_THREAD_KEY = "";

const SEPARATOR = ":";

/** More buttons than this is a list nobody reads; the rest are counted in a note. */
const MAX_ACTION_BLOCKS = 4;

const buttonValue = z.object({ k: z.string(), v: z.string() });
/** A menu has one action id for all its options, so each option names its action too. */
const optionValue = buttonValue.extend({ a: z.string() });

/** Values over Slack's limit mean an action carries content instead of an id. */
function encodeWithin(fields: object, max: number, what: string): string {
  const encoded = JSON.stringify(fields);
  if (encoded.length > max) {
    throw new Error(
      `${what} is ${encoded.length} characters, over Slack's ${max}: actions must carry ids, not content.`,
    );
  }
  return encoded;
}

function parseJson<T>(value: string, schema: z.ZodType<T>): T | undefined {
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch {
    return undefined;
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}

/**
 * Slack sends a button's value back alone, so it carries the conversation's thread key with the
 * action's own value.
 */
export function encodeButtonValue(threadKey: string, value: string): string {
  return encodeWithin({ k: threadKey, v: value }, LIMITS.buttonValue, "A button value");
}

export function decodeButtonValue(value: string): { threadKey: string; value: string } | undefined {
  const parsed = parseJson(value, buttonValue);
  return parsed && { threadKey: parsed.k, value: parsed.v };
}

/** An overflow menu option's value: the action it stands for, with what a button's value carries. */
export function encodeOptionValue(threadKey: string, action: Action): string {
  return encodeWithin(
    { a: action.id, k: threadKey, v: action.value },
    LIMITS.optionValue,
    "A menu option value",
  );
}

export function decodeOptionValue(
  value: string,
): { id: ActionId; threadKey: string; value: string } | undefined {
  const parsed = parseJson(value, optionValue);
  const id = parsed && parseActionId(parsed.a);
  return parsed && id && { id, threadKey: parsed.k, value: parsed.v };
}

/** Slack wants action ids unique within a block: repeated ids get the button's index. */
export function actionIdOf(actionId: string, index: number): string {
  return `${actionId}${SEPARATOR}${index}`;
}

export function parseActionId(actionId: string): ActionId | undefined {
  const [id = "", index, ...rest] = actionId.split(SEPARATOR);
  if (rest.length > 0 || (index !== undefined && !/^\d+$/.test(index))) return undefined;
  return isActionId(id) ? id : undefined;
}

export function button(action: Action, threadKey: string, actionId: string = action.id): types.Button {
  const confirm = action.confirm ?? CHANNEL_CONFIRMS[action.id];
  return {
    type: "button",
    action_id: actionId,
    text: plain(action.label, LIMITS.buttonText),
    value: encodeButtonValue(threadKey, action.value),
    ...(action.style ? { style: action.style } : {}),
    ...(confirm ? { confirm: confirmDialog(confirm, action.style) } : {}),
  };
}

/**
 * An offer's actions behind one "…" menu, so a list of offers stays compact: Slack wants two to
 * five options, so a single action stays a button and the rest past five are left out.
 */
export function actionsMenu(
  actions: Action[],
  threadKey: string,
  actionId: string,
): types.Overflow | types.Button | undefined {
  const [only] = actions;
  if (!only) return undefined;
  if (actions.length === 1) return button(only, threadKey);
  return {
    type: "overflow",
    action_id: actionId,
    options: actions.slice(0, LIMITS.overflowOptions).map((action) => ({
      text: plain(action.label, LIMITS.optionText),
      value: encodeOptionValue(threadKey, action),
    })),
  };
}

/** Buttons in rows of Slack's 25, at most four rows; more are counted in a note. */
export function actionsBlocks(actions: Action[], threadKey: string): types.KnownBlock[] {
  const shown = actions.slice(0, LIMITS.actionElements * MAX_ACTION_BLOCKS);
  const ids = shown.map((action) => action.id);
  const repeated = new Set(ids.filter((id, index) => ids.indexOf(id) !== index));
  const buttons = shown.map((action, index) =>
    button(action, threadKey, repeated.has(action.id) ? actionIdOf(action.id, index) : action.id),
  );
  const rows: types.KnownBlock[] = chunk(buttons, LIMITS.actionElements).map((elements) => ({
    type: "actions",
    elements,
  }));
  const hidden = actions.length - shown.length;
  return hidden > 0 ? [...rows, context([moreNote(hidden, "options")])] : rows;
}

function confirmDialog(
  confirm: NonNullable<Action["confirm"]>,
  style: Action["style"],
): types.ConfirmationDialog {
  return {
    title: plain(confirm.title, LIMITS.confirmTitle),
    text: plain(confirm.text, LIMITS.confirmText),
    confirm: plain(confirm.confirm, LIMITS.confirmButton),
    deny: plain(confirm.deny, LIMITS.confirmButton),
    ...(style === "danger" ? { style: "danger" as const } : {}),
  };
}
