/**
 * Everything a user typed is shown literally: Slack's mrkdwn treats `<…>` as mentions and links
 * (`<!channel>`, `<@U123>`, `<https://evil|disguised>`), so `&`, `<` and `>` become entities.
 */
const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };

const ELLIPSIS = "…";

export function escapeText(text: string): string {
  return text.replace(/[&<>]/g, (char) => ENTITIES[char] ?? char);
}

/** Plain text cut to `max` characters, ending in "…" when cut; never splits a surrogate pair. */
export function truncatePlain(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - ELLIPSIS.length;
  if (isHighSurrogate(text.charCodeAt(end - 1))) end -= 1;
  return `${text.slice(0, end)}${ELLIPSIS}`;
}

/**
 * Escaped mrkdwn of at most `max` characters. The cut is made on the raw text while counting the
 * escaped length, so an entity such as `&amp;` is either whole or absent.
 */
export function escapeAndTruncate(text: string, max: number): string {
  const escaped = escapeText(text);
  if (escaped.length <= max) return escaped;
  let kept = "";
  for (const char of text) {
    const next = ENTITIES[char] ?? char;
    if (kept.length + next.length > max - ELLIPSIS.length) break;
    kept += next;
  }
  return `${kept}${ELLIPSIS}`;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
