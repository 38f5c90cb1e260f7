import { addToTerms } from "./conditions.js";
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

/** "drop the weekday thing", "any day is fine": the days-of-the-week sentences come out of the terms. */
const ANY_DAY = rx(
  String.raw`\b(?:(?:drop|remove|delete|lose|scrap|ditch|take\s+out|get\s+rid\s+of|forget|no(?:\s+more)?)\s+(?:the\s+)?(?:weekdays?|weekends?|days?[\s-]of[\s-](?:the[\s-])?week|mon(?:day)?\s*(?:-|–|to|thru|through)\s*fri(?:day)?|(?:${DAY})s?)(?:[\s-]only)?(?:\s+(?:thing|restriction|limit|rule|part|bit|condition|term))?|any\s+day(?:\s+of\s+the\s+week)?\s+(?:is\s+)?(?:fine|ok(?:ay)?|works)|(?:valid\s+|good\s+)?(?:every|any)\s+day(?:\s+of\s+the\s+week)?)\b`,
);
const DAYS_SENTENCE =
  /\s*Valid (?:Monday–Friday|Saturdays and Sundays|[A-Z][a-z]+days(?:(?:, | and )[A-Z][a-z]+days)*) only\./g;

/** Kigo's redemption controls hold no days of the week: the restriction goes into the terms. */
export const readWeekdays: Rule = (scan, patch, context, notes) => {
  if (scan.take(ANY_DAY).length > 0) {
    const terms = context.draft.termsConditions ?? "";
    const kept = terms.replace(DAYS_SENTENCE, "").trim();
    if (kept !== terms) {
      patch.termsConditions = kept;
      notes.push("I took the days of the week out of the terms: it can be redeemed any day it runs.");
    } else notes.push("The terms don't limit the days of the week, so there was nothing to take out.");
    return;
  }
  const sentences: string[] = [];
  if (scan.take(WORKWEEK).length > 0) sentences.push("Valid Monday–Friday only.");
  if (scan.take(WEEKENDS).length > 0) sentences.push("Valid Saturdays and Sundays only.");
  for (const match of scan.take(EVERY_DAY)) {
    const days = [match[1] ?? match[2], match[3]]
      .filter((word): word is string => word !== undefined)
      .map((word) => `${DAYS[dayIndex(word)]}s`);
    sentences.push(`Valid ${listed(days)} only.`);
  }
  addToTerms(
    sentences,
    patch,
    context,
    notes,
    "limit an offer to days of the week",
    "; the offer itself can be redeemed any day it runs",
  );
};
