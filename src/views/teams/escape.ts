import { escapeWithin } from "../text/truncate.js";

export { truncatePlain } from "../text/truncate.js";

/**
 * Everything a user typed is shown literally. Adaptive Cards read TextBlock and FactSet text as
 * markdown: `**bold**`, `_italic_`, `[text](https://evil)` links, and lists where a line starts
 * with "- ", "+ ", "* " or "1. " (cards have no headings or quotes). Those characters get a
 * backslash, so a marketer's title can neither restyle a card nor disguise a link (a bare URL
 * still shows as itself). A line break becomes a paragraph break, the one every Teams client keeps.
 */
export function escapeText(text: string): string {
  return text
    .replace(/[\\*_[\]`~]/g, "\\$&")
    .replace(/^(\s*)([-+])(?=\s|$)/gm, "$1\\$2")
    .replace(/^(\s*\d+)([.)])(?=\s|$)/gm, "$1\\$2")
    .replace(/\r?\n/g, "\n\n");
}

/** Escaped markdown of at most `max` characters, an escape never cut in half. */
export function escapeAndTruncate(text: string, max: number): string {
  return escapeWithin(text, max, escapeText);
}

/** Our own markdown (already safe) followed by user text, together within `max` characters. */
export function prefixed(prefix: string, text: string, max: number): string {
  return `${prefix}${escapeAndTruncate(text, max - prefix.length)}`;
}
