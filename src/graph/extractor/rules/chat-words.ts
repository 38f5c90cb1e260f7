/**
 * Chat shorthand spelled out before the rules read a message, so every rule that reads "you",
 * "with" or "customer" reads "u", "w/" and "cust" too, and a trailing "pls" does not hide a value
 * ("make it 25% pls"). Only whole words are replaced.
 */
const MONTHS: Record<string, string> = {
  jan: "january",
  feb: "february",
  mar: "march",
  apr: "april",
  jun: "june",
  jul: "july",
  aug: "august",
  sep: "september",
  sept: "september",
  oct: "october",
  nov: "november",
  dec: "december",
};
const capital = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

const SHORTHAND: [RegExp, string][] = [
  [/\bw\/o\b/gi, "without"],
  [/\bw\/(?=\s|\w)/gi, "with "],
  [/\bw\s+(?=(?:any|a|an|every|each|purchase|purchases)\b)/gi, "with "],
  // "10 grand" is $10k.
  [/\$?(\d+(?:\.\d+)?)\s*grand\b/gi, "$$$1k"],
  [/\bu\b/gi, "you"],
  [/\bur\b/gi, "your"],
  [/\b(how|what)\s+r\b/gi, "$1 are"],
  [/\br\b(?=\s+(?:\$|\d|like|about|around))/gi, "are"],
  [/\bcusts?\b/gi, "customer"],
  [/\b(?:budgt|budgit|buget|budjet|bugdet)\b/gi, "budget"],
  [/\bwks\b/gi, "weeks"],
  [/\bwknds?\b/gi, "weekend"],
  [/\bpts\b/gi, "points"],
  [/\bwk\b/gi, "week"],
  [/\bmos\b/gi, "months"],
  [/\bmo\b/gi, "month"],
  [/\bapts\b/gi, "apartments"],
  [/\bapt\b/gi, "apartment"],
  [/\bppl\b/gi, "people"],
  [/\b(?:pls|plz|pleeease|please)\b/gi, ""],
  [/\bbuy\s+1\s+get\s+1\b/gi, "buy one get one"],
  // "15% of all jackets": a slip for "off", told apart from "8% of customers redeem" by what follows.
  [
    /(\d\s?(?:%|percent))\s+of\s+(?=(?:all|any|every|everything|select|our|your|each)\b|(?!(?:the|a|an|their|customers?|people|users|members|visitors|shoppers|budget|revenue|sales|orders|redemptions?|total|them|those|these|it|that|this)\b)[a-z])/gi,
    "$1 off ",
  ],
  // "dec 26-jan 10": the date reader needs the dash set apart to see a range.
  [/(\d)-(?=(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)/gi, "$1 - "],
  [/\b(?:thx|ty|thanks|thank\s+you)\s*[.!]*$/gi, ""],
  // chrono reads "in dec" but not "for dec" or "jan" alone; "Feb 30" stays as typed, to be quoted
  // back if it is wrong. Capitals stay: "DEC" may be a code.
  ...Object.entries(MONTHS).map(([short, month]): [RegExp, string] => [
    new RegExp(`\\b(?:${short}|${capital(short)})\\b(?!['’]|\\.?\\s*\\d)`, "g"),
    month,
  ]),
];

/** "10 cents", "15¢", "15c/gal": cents as the dollars every money rule reads. */
const CENTS = /(?<![\w.$])(\d{1,3})\s*(?:cents?\b|¢|c(?=\s*\/))/gi;
const inDollars = (_match: string, cents: string) => `$${(Number(cents) / 100).toFixed(2)}`;

export function spelledOut(message: string): string {
  const text = SHORTHAND.reduce(
    (current, [pattern, words]) => current.replace(pattern, words),
    message.replace(CENTS, inDollars),
  );
  return text.replace(/[ \t]{2,}/g, " ").trim();
}
