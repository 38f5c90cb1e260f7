/** Parts of a named month: "first two weeks of January", "second half of December", "mid-December". */
import { type Day, lastDayOfMonth } from "./calendar.js";
import { before, dayAt, shortDay } from "./days.js";
import { readNumber } from "./numbers.js";
import { MONTH_NAME, monthNumber, type Period, periodOf, plausibleYear } from "./period.js";
import type { Scan } from "./scan.js";

const ORDINALS: Record<string, number> = {
  first: 1,
  "1st": 1,
  second: 2,
  "2nd": 2,
  third: 3,
  "3rd": 3,
  fourth: 4,
  "4th": 4,
};

/** A month name after `link`, and maybe its year. */
const monthWords = (link: string) => String.raw`\s+${link}(${MONTH_NAME})\.?(?:,?\s+(\d{4}))?\b`;

/** The month's year when the words give none: this year's unless that part is over. */
function yearOf(yearText: string | undefined, month: number, lastDay: number, today: Day): number {
  return (
    plausibleYear(yearText, today) ??
    (before(dayAt(today.year, month, lastDay), today) ? today.year + 1 : today.year)
  );
}

const PART =
  /\b(?:the\s+)?(first|1st|second|2nd|third|3rd|fourth|4th|last|final)\s+(?:(two|three|\d{1,2})\s+)?(weeks?|half|days)/;
const PART_OF_MONTH = new RegExp(PART.source + monthWords(String.raw`(?:of|in)\s+`), "gi");

/** Days `first`–`last` of the month, counted from its end for "last"; undefined when the month is too short. */
function partDays(
  ordinal: string,
  weeks: number,
  unit: string,
  monthLength: number,
): [number, number] | undefined {
  const half = Math.floor(monthLength / 2);
  const fromEnd = ordinal === "last" || ordinal === "final";
  const nth = ORDINALS[ordinal] ?? 1;
  if (unit === "days") {
    // "the first 10 days of January", "the last 5 days of December"; "second 10 days" means nothing.
    if (weeks > monthLength || (!fromEnd && nth !== 1)) return undefined;
    return fromEnd ? [monthLength - weeks + 1, monthLength] : [1, weeks];
  }
  if (weeks > 4) return undefined;
  if (unit === "half") {
    if (fromEnd || nth === 2) return [half + 1, monthLength];
    return nth === 1 ? [1, half] : undefined;
  }
  const length = 7 * weeks;
  if (fromEnd) return length <= monthLength ? [monthLength - length + 1, monthLength] : undefined;
  const last = nth * length;
  return last <= monthLength ? [last - length + 1, last] : undefined;
}

function parts(scan: Scan, today: Day): Period[] {
  const found: Period[] = [];
  scan.take(PART_OF_MONTH, (match) => {
    const [, ordinal = "", count, unit = "", monthText = "", yearText] = match;
    const month = monthNumber(monthText);
    const weeks = count ? (readNumber(count) ?? 1) : 1;
    const sample = partDays(
      ordinal.toLowerCase(),
      weeks,
      unit.toLowerCase(),
      lastDayOfMonth(today.year, month),
    );
    if (!sample) return false;
    const year = yearOf(yearText, month, sample[1], today);
    const days = partDays(ordinal.toLowerCase(), weeks, unit.toLowerCase(), lastDayOfMonth(year, month));
    if (!days) return false;
    found.push(
      periodOf(scan, match, {
        kind: "range",
        start: dayAt(year, month, days[0]),
        end: dayAt(year, month, days[1]),
      }),
    );
    return true;
  });
  return found;
}

const MID_MONTH = new RegExp(
  String.raw`\b(?:mid|the\s+middle\s+of|middle\s+of)[\s-]*(${MONTH_NAME})\.?(?:,?\s+(\d{4}))?\b`,
  "gi",
);

/** "mid-December" is a day, the 15th, and the marketer is told so since the words are loose. */
function midMonths(scan: Scan, today: Day): Period[] {
  return scan.take(MID_MONTH).map((match) => {
    const month = monthNumber(match[1] ?? "");
    const day = dayAt(yearOf(match[2], month, 15, today), month, 15);
    const notes = [`I took ${match[0].trim()} as ${shortDay(day)}.`];
    return periodOf(scan, match, { kind: "day", start: day, end: day, notes });
  });
}

const ORDINAL_DAY = String.raw`(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?`;
const DAYS_OF_MONTH = new RegExp(
  String.raw`\b(?:from\s+)?${ORDINAL_DAY}\s*(?:-|–|to|through|thru|until|till)\s*${ORDINAL_DAY}${monthWords(String.raw`(?:of\s+)?`)}`,
  "gi",
);

/** "from the 1st to the 15th of December": chrono reads only "15th of December". */
function daysOfMonth(scan: Scan, today: Day): Period[] {
  const found: Period[] = [];
  scan.take(DAYS_OF_MONTH, (match) => {
    const [, first, last, monthText = "", yearText] = match;
    const month = monthNumber(monthText);
    const [from, to] = [Number(first), Number(last)];
    const year = yearOf(yearText, month, to, today);
    if (from < 1 || from > to || to > lastDayOfMonth(year, month)) return false;
    found.push(
      periodOf(scan, match, { kind: "range", start: dayAt(year, month, from), end: dayAt(year, month, to) }),
    );
    return true;
  });
  return found;
}

const STRICT_ORDINAL = String.raw`(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)\b`;
const ORDINALS_ALONE = new RegExp(
  String.raw`(?<!(?:${MONTH_NAME})\.?\s+)\b(?:from\s+)?${STRICT_ORDINAL}\s*(?:-|–|to|through|thru|until|till)\s*${STRICT_ORDINAL}(?!\s*(?:of\s+)?(?:${MONTH_NAME}))`,
  "gi",
);

/** "18th thru 24th" with no month: the next time those days come, and the marketer is told which. */
function ordinalsAlone(scan: Scan, today: Day): Period[] {
  const found: Period[] = [];
  scan.take(ORDINALS_ALONE, (match) => {
    const [from, to] = [Number(match[1]), Number(match[2])];
    const thisMonth = to >= today.day;
    const month = thisMonth ? today.month : (today.month % 12) + 1;
    const year = thisMonth || today.month < 12 ? today.year : today.year + 1;
    if (from < 1 || from > to || to > lastDayOfMonth(year, month)) return false;
    const [start, end] = [dayAt(year, month, from), dayAt(year, month, to)];
    const notes = [`I took ${match[0].trim()} as ${shortDay(start)} – ${shortDay(end)}.`];
    found.push(periodOf(scan, match, { kind: "range", start, end, notes }));
    return true;
  });
  return found;
}

export const monthParts = (scan: Scan, today: Day): Period[] => [
  ...parts(scan, today),
  ...midMonths(scan, today),
  ...daysOfMonth(scan, today),
  ...ordinalsAlone(scan, today),
];
