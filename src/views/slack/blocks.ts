import type { types } from "@slack/bolt";
import { formatCount } from "../../core/format.js";
import { escapeAndTruncate, escapeText, truncatePlain } from "./escape.js";
import { LIMITS } from "./limits.js";

/** The notification fallback stays one short line; the blocks carry the detail. */
const NOTIFICATION_MAX = 300;

/** One line of a list (an issue, a created item): short enough that a block shows several. */
export const LINE_MAX = 600;

/**
 * Text that is already escaped and within its limit. `verbatim` stops Slack from turning bare
 * words such as "@here" or channel names into mentions and links on its own.
 */
export function mrkdwn(text: string): types.MrkdwnElement {
  return { type: "mrkdwn", text, verbatim: true };
}

export function plain(text: string, max: number): types.PlainTextElement {
  return { type: "plain_text", text: truncatePlain(text, max), emoji: true };
}

export function notificationText(text: string): string {
  return escapeAndTruncate(text, NOTIFICATION_MAX);
}

export function header(text: string): types.HeaderBlock {
  return { type: "header", text: plain(text, LIMITS.header) };
}

export function section(text: string, accessory?: types.SectionBlockAccessory): types.SectionBlock {
  return { type: "section", text: mrkdwn(text), ...(accessory ? { accessory } : {}) };
}

export function divider(): types.DividerBlock {
  return { type: "divider" };
}

/** One element per line; past ten, the last element says how many lines were left out. */
export function context(lines: string[], noun = "notes"): types.ContextBlock {
  const max = LIMITS.contextElements;
  const shown =
    lines.length > max ? [...lines.slice(0, max - 1), moreNote(lines.length - max + 1, noun)] : lines;
  return { type: "context", elements: shown.map(mrkdwn) };
}

/** Label/value pairs as two-column section fields, ten per block, the title on the first block. */
export function fieldSections(
  title: string | undefined,
  fields: { label: string; value: string }[],
): types.SectionBlock[] {
  const blocks: types.SectionBlock[] = chunk(fields, LIMITS.fieldsPerSection).map((group) => ({
    type: "section",
    fields: group.map(({ label, value }) => mrkdwn(fieldText(label, value))),
  }));
  const [first] = blocks;
  if (title && first) first.text = mrkdwn(`*${escapeAndTruncate(title, LIMITS.header)}*`);
  return blocks;
}

export function fieldText(label: string, value: string): string {
  return prefixed(`*${escapeAndTruncate(label, LIMITS.header)}*\n`, value || "—", LIMITS.field);
}

/** Our own mrkdwn (already safe) followed by user text, together within `max` characters. */
export function prefixed(prefix: string, text: string, max: number = LIMITS.text): string {
  return `${prefix}${escapeAndTruncate(text, max - prefix.length)}`;
}

/**
 * Safe lines joined within `max` characters; the lines that do not fit are counted in a closing
 * "…and N more" line, so a long list is cut visibly rather than rejected by Slack.
 */
export function fitLines(lines: string[], max: number, noun: string): string {
  const all = lines.join("\n");
  if (all.length <= max) return all;
  const reserve = moreNote(lines.length, noun).length + 1;
  const kept: string[] = [];
  let length = 0;
  for (const line of lines) {
    const next = length + (kept.length > 0 ? 1 : 0) + line.length;
    if (next + reserve > max) break;
    kept.push(line);
    length = next;
  }
  return [...kept, moreNote(lines.length - kept.length, noun)].join("\n");
}

/**
 * Whole groups of blocks (an offer and its buttons) while they fit in `room` blocks; one block is
 * kept for a "…and N more" note when some do not.
 */
export function fitGroups(groups: types.KnownBlock[][], room: number, noun: string): types.KnownBlock[] {
  if (groups.flat().length <= room) return groups.flat();
  const kept: types.KnownBlock[] = [];
  let shown = 0;
  for (const group of groups) {
    if (kept.length + group.length > room - 1) break;
    kept.push(...group);
    shown += 1;
  }
  return [...kept, context([moreNote(groups.length - shown, noun)])];
}

export function moreNote(count: number, noun: string): string {
  return `_…and ${formatCount(count)} more ${noun}_`;
}

/** A mention only for what looks like a Slack user id; anything else is shown as text. */
export function userMention(userId: string): string {
  return /^[UW][A-Z0-9]{2,}$/.test(userId) ? `<@${userId}>` : escapeText(userId);
}

export function channelMention(channelId: string): string {
  return /^[CG][A-Z0-9]{2,}$/.test(channelId) ? `<#${channelId}>` : escapeText(channelId);
}

export function chunk<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}
