import type { Rule } from "./scan.js";

const rx = (source: string) => new RegExp(source, "gi");

const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;
const DAY = String.raw`(?:sun|mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?)(?:day)?`;
const dayIndex = (word: string) =>
  DAYS.findIndex((day) => word.toLowerCase().startsWith(day.slice(0, 3).toLowerCase()));

/**
 * "weekdays in December", "mon-fri", "weekends only", "tuesdays": days of the week the offer is
 * good on. "this weekend" and "tuesday only" are dates, read by the date rules instead.
 */
const WORKWEEK = rx(
  String.raw`\b(?:on\s+)?(?:weekdays?(?:\s+only)?|(?:mon(?:day)?)\s*(?:-|–|to|thru|through)\s*(?:fri(?:day)?))(?:\s+only)?\b`,
);
const WEEKENDS = rx(String.raw`\b(?:on\s+)?(?:weekends(?:\s+only)?|(?<!(?:this|next)\s+)weekend\s+only)\b`);
const EVERY_DAY = rx(
  String.raw`\b(?:(?:on\s+|every\s+)(${DAY})s?|(${DAY})s)(?:\s+(?:and|&)\s+(${DAY})s?)?(?:\s+only)?\b`,
);

const listed = (days: string[]) =>
  days.length === 1 ? days[0] : `${days.slice(0, -1).join(", ")} and ${days.at(-1)}`;

/**
 * Kigo's redemption controls hold no days of the week, so the restriction goes into the terms,
 * which the merchant honours at the till, and the marketer is told so rather than left to believe
 * the API enforces it.
 */
export const readWeekdays: Rule = (scan, patch, context, notes) => {
  const sentences: string[] = [];
  if (scan.take(WORKWEEK).length > 0) sentences.push("Valid Monday–Friday only.");
  if (scan.take(WEEKENDS).length > 0) sentences.push("Valid Saturdays and Sundays only.");
  for (const match of scan.take(EVERY_DAY)) {
    const days = [match[1] ?? match[2], match[3]]
      .filter((word): word is string => word !== undefined)
      .map((word) => `${DAYS[dayIndex(word)]}s`);
    sentences.push(`Valid ${listed(days)} only.`);
  }
  const terms = context.draft.termsConditions ?? "";
  const fresh = sentences.filter((sentence) => !terms.includes(sentence));
  if (fresh.length === 0) return;
  patch.termsAddition = [patch.termsAddition, ...fresh].filter(Boolean).join(" ");
  notes.push(
    `Kigo can't limit an offer to days of the week yet, so I added "${fresh.join(" ")}" to the terms for the merchant to honour; the offer itself can be redeemed any day it runs.`,
  );
};
