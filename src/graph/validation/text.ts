function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Finds a word or phrase case-insensitively, starting at a word boundary, with any run of spaces
 * or hyphens between its words ("risk free" finds "Risk-Free"). `wholeWord: false` also accepts
 * longer words, so the stem "retain" finds "retaining".
 */
export function phrasePattern(phrase: string, wholeWord: boolean): RegExp {
  const words = phrase
    .trim()
    .split(/[\s-]+/)
    .map(escapeRegExp)
    .join("[\\s-]+");
  return new RegExp(`(?<![\\p{L}\\p{N}])${words}${wholeWord ? "(?![\\p{L}\\p{N}])" : ""}`, "iu");
}
