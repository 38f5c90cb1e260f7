/**
 * What an offer is on, as the marketer names it: "all equipment", "lattes", "oil change". A few
 * plain words, never a number, and never a word that starts something else the rules read (the
 * audience "for dealers", the dates, the program, the redemption, the next offer term).
 */

const LETTER = "A-Za-zÀ-ÖØ-öø-ÿ";

const STOP = [
  // joins and prepositions that start the next part of the message
  "and|for|with|from|to|until|till|through|thru|at|in|on|of|during|per|by|when|where|while|or|but|if|so|then|as|than|via|using|over|above|under",
  // articles and pronouns: an item after them is read without them where it matters
  "a|an|the|this|that|these|those|it|its|we|i|you|our|us|they|them|their|let'?s|lets",
  // contractions that start a clause: "it's only for compact tractors"
  "it['’]s|that['’]?s|there['’]?s|here['’]?s|what['’]?s|we['’]re|they['’]re|i['’]m|you['’]re",
  // order words: "$300 off first month" is on the month, which the dates own
  "first|second|third|next|last",
  // negations: "$75 not 100" is a correction, never an item called "not"
  "not|no|instead",
  // chat filler trailing a message: "only on jackets btw"
  "btw|fyi|pls|plz|thx|tho|though|too|also|ok|okay|lol|everywhere|anywhere|anything",
  // verbs of the request itself
  "is|are|be|was|were|will|would|can|could|should|do|does|make|set|create|run|give|want|need|add|please|thanks|starting|start|starts|ending|ends?|expires?|valid|only|just|now",
  // offer, money and limit words other rules read
  "off|discount|discounts|back|cash|cashback|bonus|points?|pts|get|gets|buy|buys|spend|free|offer|offers|deal|deals|promo|promotion|code|codes|coupon|budget|max|maximum|min|minimum|limit|limited|cap|total|uses?|times?|redemptions?|each|every|customers?|value|credit|reward|rewards|purchases?|orders?|price|priced|lightning|flash|sale",
  // programs, redemption methods, schedules and zones
  "closed|open|hybrid|loop|program|show|scan|barcode|online|link|links|today|tonight|tomorrow|weekends?|weekdays?|daily|weekly|monthly|day|days|week|weeks|month|months|year|season|time|central|eastern|pacific|mountain",
].join("|");

const WORD = String.raw`(?!(?:${STOP})(?![${LETTER}'’-]))[${LETTER}][${LETTER}'’&-]*(?![\w${LETTER}'’&-])`;

/** Up to four words, "and", "&", "+" or "of" allowed between them: "parts and service", "bag of ice", "burger + fries". */
export const ITEM = String.raw`${WORD}(?:\s+(?:(?:and|&|\+|of)\s+)?${WORD}){0,3}`;

/** The item as kept in the draft: trimmed, inner spacing collapsed. */
export function itemText(raw: string | undefined): string | undefined {
  const text = raw?.replace(/\s+/g, " ").trim();
  // "with any" whose item was a word the rules stop at names nothing.
  return text && !/^(?:any|all|every|each|some)$/i.test(text) ? text : undefined;
}
