import { formatCount } from "../../core/format.js";
import {
  type ActionSet,
  type AdaptiveCard,
  CARD_SCHEMA,
  type CardAction,
  type CardElement,
  type ColumnSet,
  type FactSet,
  type TextBlock,
} from "./elements.js";
import { escapeAndTruncate, prefixed } from "./escape.js";
import { LIMITS } from "./limits.js";

/** A card's content before it is one: what it shows, and its buttons at the bottom. */
export interface CardParts {
  body: CardElement[];
  actions: CardAction[];
}

/**
 * The builders cut every part to fit; should the parts still add up past the budget, the body is
 * cut at its end, visibly, rather than Teams refusing the whole message.
 */
export function card(fallback: string, body: CardElement[], actions: CardAction[] = []): AdaptiveCard {
  const whole: AdaptiveCard = {
    type: "AdaptiveCard",
    $schema: CARD_SCHEMA,
    version: "1.5",
    fallbackText: escapeAndTruncate(fallback, LIMITS.fallback),
    body,
    ...(actions.length > 0 ? { actions } : {}),
  };
  const over = bytesOf(whole) - LIMITS.cardBytes;
  if (over <= 0) return whole;
  return {
    ...whole,
    body: fitGroups(
      body.map((element) => [element]),
      bytesOf(body) - over,
      "lines",
    ),
  };
}

/** Markdown that is already escaped and within its limit. */
export function text(markdown: string, style: Omit<TextBlock, "type" | "text" | "wrap"> = {}): TextBlock {
  return { type: "TextBlock", text: markdown, wrap: true, ...style };
}

export function heading(plain: string): TextBlock {
  return text(escapeAndTruncate(plain, LIMITS.title), { size: "medium", weight: "bolder" });
}

/** Lines in small print, one block each: notes, hints, the small print under a card. */
export function smallPrint(lines: string[], noun = "notes"): TextBlock[] {
  const shown =
    lines.length > LIMITS.notes
      ? [...lines.slice(0, LIMITS.notes - 1), moreNote(lines.length - LIMITS.notes + 1, noun)]
      : lines;
  return shown.map((line) => text(line, { size: "small", isSubtle: true, spacing: "small" }));
}

/** Label/value pairs; both escaped here, as both are markdown in Teams. */
export function facts(pairs: { label: string; value: string }[]): FactSet {
  return {
    type: "FactSet",
    facts: pairs.map(({ label, value }) => ({
      title: escapeAndTruncate(label, LIMITS.title),
      value: escapeAndTruncate(value || "—", LIMITS.field),
    })),
  };
}

/** A line of text with its actions at the right, as a list row. */
export function row(items: CardElement[], actions: CardAction[]): ColumnSet {
  return {
    type: "ColumnSet",
    separator: true,
    columns: [
      { type: "Column", width: "stretch", items },
      ...(actions.length > 0
        ? [{ type: "Column" as const, width: "auto" as const, items: [actionSet(actions)] }]
        : []),
    ],
  };
}

function actionSet(actions: CardAction[]): ActionSet {
  return { type: "ActionSet", actions };
}

export function bullet(item: string): string {
  return prefixed("• ", item, LIMITS.line);
}

/**
 * Whole groups of elements (an offer and its buttons) while they fit in `room` bytes of JSON;
 * the ones that do not are counted in a closing note, so a long list is cut visibly.
 */
export function fitGroups(groups: CardElement[][], room: number, noun: string): CardElement[] {
  const sizes = groups.map((group) => bytesOf(group));
  if (sizes.reduce((sum, size) => sum + size, 0) <= room) return groups.flat();
  const reserve = bytesOf(smallPrint([moreNote(groups.length, noun)]));
  const kept: CardElement[] = [];
  let used = 0;
  let shown = 0;
  for (const [index, group] of groups.entries()) {
    const size = sizes[index] ?? 0;
    if (used + size + reserve > room) break;
    kept.push(...group);
    used += size;
    shown += 1;
  }
  return [...kept, ...smallPrint([moreNote(groups.length - shown, noun)])];
}

export function moreNote(count: number, noun: string): string {
  return `_…and ${formatCount(count)} more ${noun}_`;
}

/** What the card budget counts: the JSON in UTF-8 bytes (Teams counts UTF-16, about twice that). */
export function bytesOf(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), "utf8");
}
