import { escapeWithin } from "../text/truncate.js";

export { truncatePlain } from "../text/truncate.js";

/**
 * Everything a user typed is shown literally: Slack's mrkdwn treats `<…>` as mentions and links
 * (`<!channel>`, `<@U123>`, `<https://evil|disguised>`), so `&`, `<` and `>` become entities.
 */
const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };

export function escapeText(text: string): string {
  return text.replace(/[&<>]/g, (char) => ENTITIES[char] ?? char);
}

/** Escaped mrkdwn of at most `max` characters, an entity such as `&amp;` whole or absent. */
export function escapeAndTruncate(text: string, max: number): string {
  return escapeWithin(text, max, escapeText);
}
