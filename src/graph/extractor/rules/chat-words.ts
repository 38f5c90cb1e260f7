/**
 * Chat shorthand spelled out before the rules read a message, so every rule that reads "you",
 * "with" or "customer" reads "u", "w/" and "cust" too, and a trailing "pls" does not hide a value
 * ("make it 25% pls"). Only whole words are replaced.
 */
const SHORTHAND: [RegExp, string][] = [
  [/\bw\/o\b/gi, "without"],
  [/\bw\/(?=\s|\w)/gi, "with "],
  [/\bu\b/gi, "you"],
  [/\bur\b/gi, "your"],
  [/\b(how|what)\s+r\b/gi, "$1 are"],
  [/\br\b(?=\s+(?:\$|\d|like|about|around))/gi, "are"],
  [/\bcusts?\b/gi, "customer"],
  [/\b(?:budgt|budgit|buget|budjet|bugdet)\b/gi, "budget"],
  [/\bwks\b/gi, "weeks"],
  [/\bwk\b/gi, "week"],
  [/\bmos\b/gi, "months"],
  [/\bmo\b/gi, "month"],
  [/\bapts\b/gi, "apartments"],
  [/\bapt\b/gi, "apartment"],
  [/\bppl\b/gi, "people"],
  [/\b(?:pls|plz|pleeease|please)\b/gi, ""],
  [/\bbuy\s+1\s+get\s+1\b/gi, "buy one get one"],
  // "dec 26-jan 10": the date reader needs the dash set apart to see a range.
  [/(\d)-(?=(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)/gi, "$1 - "],
  [/\b(?:thx|ty|thanks|thank\s+you)\s*[.!]*$/gi, ""],
];

export function spelledOut(message: string): string {
  const text = SHORTHAND.reduce((current, [pattern, words]) => current.replace(pattern, words), message);
  return text.replace(/[ \t]{2,}/g, " ").trim();
}
