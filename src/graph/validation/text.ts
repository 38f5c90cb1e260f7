import { memo } from "../memo.js";

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Finds a word or phrase case-insensitively, starting at a word boundary, with any run of spaces
 * or hyphens between its words ("risk free" finds "Risk-Free"). `wholeWord: false` also accepts
 * longer words, so the stem "retain" finds "retaining".
 */
export function phrasePattern(phrase: string, wholeWord: boolean): RegExp {
  return (wholeWord ? wholeWordPattern : stemPattern)(phrase);
}

// The phrases are configuration (brand rules, objective stems), checked against every draft on
// every turn; a pattern has no `g` flag, so one shared object keeps no state between tests.
const wholeWordPattern = memo((phrase) => compile(phrase, true));
const stemPattern = memo((phrase) => compile(phrase, false));

function compile(phrase: string, wholeWord: boolean): RegExp {
  const words = phrase
    .trim()
    .split(/[\s-]+/)
    .map(escapeRegExp)
    .join("[\\s-]+");
  return new RegExp(`(?<![\\p{L}\\p{N}])${words}${wholeWord ? "(?![\\p{L}\\p{N}])" : ""}`, "iu");
}
