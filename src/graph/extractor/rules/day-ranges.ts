/** Short runs of days chrono misses or reads as one day: "today only", "this weekend", "12/1-12/7". */
import { type Day, lastDayOfMonth } from "./calendar.js";
import { addDays, before, dayAt, spanLabel, weekdayOf } from "./days.js";
import { type Period, periodOf, plausibleYear } from "./period.js";
import type { Scan } from "./scan.js";

const SATURDAY = 6;

const DAY_WORD = String.raw`today|tomorrow|(?:next\s+|this\s+)?(?:sun|mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?)(?:day)?`;
const ONE_DAY_ONLY = new RegExp(
  String.raw`\b(?:(${DAY_WORD})\s+only|only\s+(?:on\s+)?(${DAY_WORD}))\b`,
  "gi",
);
const WEEKDAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

/** "today only", "tuesday only": one day; a weekday is the coming one (today's counts), "next" the week after. */
function oneDayOnly(scan: Scan, today: Day): Period[] {
  return scan.take(ONE_DAY_ONLY).map((match) => {
    const word = (match[1] ?? match[2] ?? "").toLowerCase();
    const weekday = WEEKDAYS.findIndex((name) => word.replace(/^(?:next|this)\s+/, "").startsWith(name));
    const ahead =
      word === "tomorrow"
        ? 1
        : weekday < 0
          ? 0
          : ((weekday - weekdayOf(today) + 7) % 7) + (word.startsWith("next ") ? 7 : 0);
    const day = addDays(today, ahead);
    return periodOf(scan, match, { kind: "range", start: day, end: day });
  });
}

const WEEK = /\b(this|next)\s+week\b(?!\s*end)/gi;

/** "this week" runs from today to Sunday; "next week" is the coming Monday to Sunday. */
function weeks(scan: Scan, today: Day): Period[] {
  return scan.take(WEEK).map((match) => {
    const weekday = weekdayOf(today);
    const sunday = addDays(today, weekday === 0 ? 0 : 7 - weekday);
    if (match[1]?.toLowerCase() === "this")
      return periodOf(scan, match, { kind: "range", start: today, end: sunday });
    return periodOf(scan, match, { kind: "range", start: addDays(sunday, 1), end: addDays(sunday, 7) });
  });
}

const NEXT_WEEKS = /\b(?:the\s+)?next\s+(\d|two|three|four)\s+weeks\b/gi;
const WEEK_COUNTS: Record<string, number> = { two: 2, three: 3, four: 4 };

/** "next 2 weeks", as the suggestion of that name: from tomorrow, that many weeks. */
function nextWeeks(scan: Scan, today: Day): Period[] {
  return scan.take(NEXT_WEEKS).map((match) => {
    const word = (match[1] ?? "").toLowerCase();
    const weeks = WEEK_COUNTS[word] ?? Number(word);
    return periodOf(scan, match, { kind: "range", start: addDays(today, 1), end: addDays(today, 7 * weeks) });
  });
}

const WEEKEND = /\b(this|next)\s+weekend\b/gi;

/** "this weekend" is the coming Saturday–Sunday (what is left of it on a Sunday); "next weekend", the one after. */
function weekends(scan: Scan, today: Day): Period[] {
  return scan.take(WEEKEND).map((match) => {
    const weekday = weekdayOf(today);
    const thisSaturday = addDays(today, weekday === 0 ? -1 : SATURDAY - weekday);
    if (match[1]?.toLowerCase() === "this") {
      const start = before(thisSaturday, today) ? today : thisSaturday;
      return periodOf(scan, match, { kind: "range", start, end: addDays(thisSaturday, 1) });
    }
    const start = addDays(thisSaturday, 7);
    const end = addDays(start, 1);
    const notes = [`I took next weekend as ${spanLabel(start, end)}, the one after this weekend.`];
    return periodOf(scan, match, { kind: "range", start, end, notes });
  });
}

const SLASH_DAY = String.raw`(\d{1,2})/(\d{1,2})(?:/(\d{4}|\d{2}))?`;
const SLASH_RANGE = new RegExp(
  String.raw`\b${SLASH_DAY}\s*(?:-|–|to|through|thru|until|till)\s*${SLASH_DAY}\b`,
  "gi",
);

const fullYear = (text: string | undefined, today: Day) =>
  plausibleYear(text && text.length === 2 ? `20${text}` : text, today);

const realDay = (year: number, month: number, day: number) =>
  month >= 1 && month <= 12 && day >= 1 && day <= lastDayOfMonth(year, month);

/**
 * "12/1-12/7": chrono reads only "12/7" when the dash has no spaces. Without a year, the range
 * starts on the first such day from today, and ends on the first such day from its start.
 */
function slashRanges(scan: Scan, today: Day): Period[] {
  const found: Period[] = [];
  scan.take(SLASH_RANGE, (match) => {
    const [m1, d1, y1, m2, d2, y2] = match.slice(1, 7);
    const given = fullYear(y1, today) ?? fullYear(y2, today);
    const onOrAfter = (from: Day, month: number, day: number) => {
      const same = dayAt(from.year, month, day);
      return before(same, from) ? dayAt(from.year + 1, month, day) : same;
    };
    const [startMonth, startDay, endMonth, endDay] = [m1, d1, m2, d2].map(Number) as [
      number,
      number,
      number,
      number,
    ];
    const start = given ? dayAt(given, startMonth, startDay) : onOrAfter(today, startMonth, startDay);
    const end = given
      ? dayAt(fullYear(y2, today) ?? given, endMonth, endDay)
      : onOrAfter(start, endMonth, endDay);
    if (
      !realDay(start.year, startMonth, startDay) ||
      !realDay(end.year, endMonth, endDay) ||
      before(end, start)
    )
      return false;
    found.push(periodOf(scan, match, { kind: "range", start, end }));
    return true;
  });
  return found;
}

export const dayRanges = (scan: Scan, today: Day): Period[] => [
  ...oneDayOnly(scan, today),
  ...nextWeeks(scan, today),
  ...weekends(scan, today),
  ...weeks(scan, today),
  ...slashRanges(scan, today),
];
