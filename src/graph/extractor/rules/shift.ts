import { addDays } from "../../dates.js";
import { readNumber } from "./numbers.js";
import type { Rule } from "./scan.js";

/** "push it a week", "move the dates 3 days later", "move it up a week": both dates move together. */
const SHIFT =
  /\b(?:push|move|shift|bump|slide|delay|postpone)\s+(?:it|them|the\s+(?:dates?|offer|promo|whole\s+thing)|everything|both\s+dates)?\s*(back|out|later|up|earlier|forward)?\s*(?:by\s+)?(a|an|one|two|three|four|\d{1,3})\s+(days?|weeks?)(?:\s+(later|earlier|back|out|sooner|up))?\b/gi;
const EARLIER = /^(?:up|earlier|sooner|forward)$/i;
const WORDS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4 };

export const readDateShift: Rule = (scan, patch, context, notes) => {
  const [match] = scan.take(SHIFT);
  if (!match) return;
  const { startDate, endDate } = context.draft;
  if (startDate === undefined) {
    notes.push('The offer has no dates to move yet: say when it runs, e.g. "Dec 8 to Dec 21".');
    return;
  }
  const count = WORDS[(match[2] ?? "").toLowerCase()] ?? readNumber(match[2] ?? "") ?? 0;
  const days = count * (/^week/i.test(match[3] ?? "") ? 7 : 1);
  const direction = match[4] ?? match[1] ?? "";
  const by = EARLIER.test(direction) ? -days : days;
  patch.startDate = addDays(startDate, by);
  if (endDate !== undefined) patch.endDate = addDays(endDate, by);
};
