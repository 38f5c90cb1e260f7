export const ELLIPSIS = "…";

/** Plain text cut to `max` characters, ending in "…" when cut; never splits a surrogate pair. */
export function truncatePlain(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - ELLIPSIS.length;
  if (isHighSurrogate(text.charCodeAt(end - 1))) end -= 1;
  return `${text.slice(0, end)}${ELLIPSIS}`;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/**
 * `escapeText(text)` within `max` characters. The cut is made on the raw text, whole characters at a
 * time, while counting the escaped length, so an escape (`&amp;`, `\*`) is either whole or absent.
 */
export function escapeWithin(text: string, max: number, escapeText: (text: string) => string): string {
  const escaped = escapeText(text);
  if (escaped.length <= max) return escaped;
  const chars = Array.from(text);
  const fits = (count: number) => escapeText(chars.slice(0, count).join("")).length <= max - ELLIPSIS.length;
  // Escaping a longer prefix never gives a shorter text, so the longest prefix that fits is searched.
  let low = 0;
  let high = chars.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (fits(middle)) low = middle;
    else high = middle - 1;
  }
  return `${escapeText(chars.slice(0, low).join(""))}${ELLIPSIS}`;
}
