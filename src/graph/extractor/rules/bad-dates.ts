/**
 * Dates that do not exist. chrono skips "Feb 30" and reads "Dec 32" as December 2032; either way
 * the marketer would get some other date or none without a word. These are taken, left out of the
 * draft, and named in a note.
 */
import { type Day, lastDayOfMonth } from "./calendar.js";
import { dayAt, longDay, monthName } from "./days.js";
import { MONTH_NAME, monthNumber, plausibleYear } from "./period.js";
import type { Scan } from "./scan.js";

function ordinal(value: number): string {
  const tens = value % 100;
  if (tens >= 11 && tens <= 13) return `${value}th`;
  return `${value}${["th", "st", "nd", "rd"][value % 10] ?? "th"}`;
}

/** The coming month's year: this year's unless it is over. */
const comingYear = (month: number, today: Day) => (month < today.month ? today.year + 1 : today.year);

/** Why `day` of `month` does not exist, or undefined when it does. */
function missingDay(
  text: string,
  year: number,
  month: number,
  day: number,
  yearGiven: boolean,
): string | undefined {
  if (day >= 1 && day <= lastDayOfMonth(year, month)) return undefined;
  // Only February's length depends on the year.
  const which = month === 2 && day === 29 && !yearGiven ? `${monthName(month)} ${year}` : monthName(month);
  return `${which} has no ${ordinal(day)}, so I left "${text}" out.`;
}

function missingMonth(text: string, month: number, suggestion: Day | undefined): string {
  const guess = suggestion ? ` — did you mean ${longDay(suggestion)}?` : ".";
  return `There is no ${ordinal(month)} month in "${text}", so I left that date out${guess}`;
}

const ISO = /\b(\d{4})-(\d{1,2})-(\d{1,2})\b/g;

/** Day and month swapped ("2026-25-12", "25/12") is the one slip worth suggesting a fix for. */
const swapped = (year: number, month: number, day: number) =>
  day >= 1 && day <= 12 && month <= lastDayOfMonth(year, day) ? dayAt(year, day, month) : undefined;

function isoProblem(match: RegExpExecArray): string | undefined {
  const [text, year, month, day] = [match[0], Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12) return missingMonth(text, month, swapped(year, month, day));
  return missingDay(text, year, month, day, true);
}

const NAMED_MONTH_DAY = new RegExp(
  String.raw`\b(${MONTH_NAME})\.?\s+(\d{1,2})(st|nd|rd|th)?\b(?!\s*(?:-|–)\s*\d)(?:,?\s+(\d{4})\b)?`,
  "gi",
);

function namedMonthProblem(match: RegExpExecArray, today: Day): string | undefined {
  const [text, monthText = "", dayText, suffix, yearText] = match;
  const day = Number(dayText);
  // "Dec 50 uses" is a month and a count; a day past the month's end but in the 30s is a slip.
  if (!suffix && day > 39) return undefined;
  const month = monthNumber(monthText);
  const year = plausibleYear(yearText, today);
  return missingDay(text.trim(), year ?? comingYear(month, today), month, day, year !== undefined);
}

const SLASH = /(?<![\d/])(\d{1,2})\/(\d{1,2})(?:\/(\d{4}))?(?![\d/])/g;

function slashProblem(match: RegExpExecArray, today: Day): string | undefined {
  const [text, month, day] = [match[0], Number(match[1]), Number(match[2])];
  const year = plausibleYear(match[3], today);
  // "50/50" and "1/2" are not meant as dates gone wrong.
  if (month >= 13 && month <= 31 && day >= 1 && day <= 12) {
    return missingMonth(text, month, swapped(year ?? comingYear(day, today), month, day));
  }
  if (month >= 1 && month <= 12 && day <= 31)
    return missingDay(text, year ?? comingYear(month, today), month, day, year !== undefined);
  return undefined;
}

/** Takes every date that does not exist and says what is wrong with each. */
export function readBadDates(scan: Scan, today: Day, notes: string[]): void {
  const problems: [RegExp, (match: RegExpExecArray) => string | undefined][] = [
    [ISO, isoProblem],
    [NAMED_MONTH_DAY, (match) => namedMonthProblem(match, today)],
    [SLASH, (match) => slashProblem(match, today)],
  ];
  for (const [pattern, problem] of problems) {
    scan.take(pattern, (match) => {
      const note = problem(match);
      if (note) notes.push(note);
      return note !== undefined;
    });
  }
}
