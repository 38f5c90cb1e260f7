/**
 * Retail days by name. Written by hand: date-holidays (the maintained calendar library) carries
 * every country's data and a timezone/astronomy stack, yet has no Cyber Monday, no "Black Friday
 * weekend" and no holiday season; the US rules below are a few lines each.
 */
import { type Day, isoDay } from "./calendar.js";
import {
  addDays,
  before,
  dayAt,
  daysFrom,
  lastWeekday,
  nthWeekday,
  shortDay,
  spanLabel,
  weekdayOf,
} from "./days.js";
import { type Period, periodOf, plausibleYear } from "./period.js";
import type { Scan } from "./scan.js";

const SUNDAY = 0;
const MONDAY = 1;
const THURSDAY = 4;
const SATURDAY = 6;

type Dates = (year: number) => [Day, Day];

interface NamedDays {
  name: string;
  pattern: string;
  dates: Dates;
  /** Said whenever it is used, because the words do not fix the days ("the holidays"). */
  explain?: (start: Day, end: Day, underWay: boolean) => string;
}

const oneDay =
  (day: (year: number) => Day): Dates =>
  (year) => [day(year), day(year)];

const thanksgiving = (year: number) => nthWeekday(year, 11, THURSDAY, 4);

/** Anonymous Gregorian computus. */
function easter(year: number): Day {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const h = (19 * a + b - Math.floor(b / 4) - Math.floor((b - Math.floor((b + 8) / 25) + 1) / 3) + 15) % 30;
  const l = (32 + 2 * (b % 4) + 2 * Math.floor(c / 4) - h - (c % 4)) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const n = h + l - 7 * m + 114;
  return dayAt(year, Math.floor(n / 31), (n % 31) + 1);
}

const APOSTROPHE = "['’]?";

/** Monday to Sunday of the week a day falls in. */
function weekAround(day: Day): [Day, Day] {
  const monday = addDays(day, -((weekdayOf(day) + 6) % 7));
  return [monday, addDays(monday, 6)];
}

/** Saturday to the Monday of a Monday holiday. */
const longWeekend =
  (monday: (year: number) => Day): Dates =>
  (year) => [addDays(monday(year), -2), monday(year)];

const mondayHoliday = (name: string, pattern: string, monday: (year: number) => Day): NamedDays[] => [
  { name: `${name} weekend`, pattern: String.raw`${pattern}\s+weekend`, dates: longWeekend(monday) },
  { name, pattern, dates: oneDay(monday) },
];

// Longer names first: "Black Friday weekend" before "Black Friday", "Christmas Eve" before "Christmas".
const NAMED_DAYS: NamedDays[] = [
  {
    name: "Black Friday weekend",
    pattern: String.raw`black\s+friday\s+weekend`,
    dates: (year) => [addDays(thanksgiving(year), 1), addDays(thanksgiving(year), 3)],
  },
  {
    name: "Black Friday",
    pattern: String.raw`black\s+friday`,
    dates: oneDay((y) => addDays(thanksgiving(y), 1)),
  },
  {
    name: "Cyber Monday",
    pattern: String.raw`cyber\s+monday`,
    dates: oneDay((y) => addDays(thanksgiving(y), 4)),
  },
  {
    name: "Thanksgiving week",
    pattern: String.raw`thanksgiving\s+week|(?:the\s+)?(?:whole\s+|entire\s+)?week\s+of\s+thanksgiving`,
    dates: (year) => weekAround(thanksgiving(year)),
    explain: (start, end, underWay) =>
      `I took Thanksgiving week as ${underWay ? "today" : "Monday"} to Sunday: ${spanLabel(start, end)}.`,
  },
  {
    name: "Thanksgiving weekend",
    pattern: String.raw`thanksgiving\s+weekend`,
    dates: (year) => [thanksgiving(year), addDays(thanksgiving(year), 3)],
  },
  { name: "Thanksgiving", pattern: String.raw`thanksgiving(?:\s+day)?`, dates: oneDay(thanksgiving) },
  {
    name: "the holiday season",
    pattern: String.raw`(?:the\s+)?holiday\s+season|the\s+holidays`,
    dates: (year) => [addDays(thanksgiving(year), 1), dayAt(year, 12, 31)],
    explain: (start, end, underWay) =>
      `I took the holiday season as ${underWay ? "today" : "Black Friday"} through New Year's Eve: ${spanLabel(start, end)}.`,
  },
  {
    name: "Christmas week",
    pattern: String.raw`(?:christmas|xmas)\s+week|(?:the\s+)?(?:whole\s+|entire\s+)?week\s+of\s+(?:christmas|xmas)`,
    dates: (year) => weekAround(dayAt(year, 12, 25)),
    explain: (start, end, underWay) =>
      `I took Christmas week as ${underWay ? "today" : "Monday"} to Sunday: ${spanLabel(start, end)}.`,
  },
  {
    name: "Christmas Eve",
    pattern: String.raw`(?:christmas|xmas)\s+eve`,
    dates: oneDay((y) => dayAt(y, 12, 24)),
  },
  {
    name: "Christmas",
    pattern: String.raw`(?:christmas|xmas)(?:\s+day)?`,
    dates: oneDay((y) => dayAt(y, 12, 25)),
  },
  {
    name: "New Year's week",
    pattern: String.raw`new\s+year${APOSTROPHE}s${APOSTROPHE}\s+week`,
    // The week a shop means is the one running up to the day: Dec 26 – Jan 1, across the year's end.
    dates: (year) => [dayAt(year - 1, 12, 26), dayAt(year, 1, 1)],
    explain: (start, end) => `I took New Year's week as ${spanLabel(start, end)}.`,
  },
  {
    name: "New Year's Eve",
    pattern: String.raw`new\s+year${APOSTROPHE}s${APOSTROPHE}\s+eve|nye`,
    dates: oneDay((y) => dayAt(y, 12, 31)),
  },
  {
    name: "New Year's Day",
    // "through new years" means the day itself; "New Year's Eve" is taken before this.
    pattern: String.raw`new\s+year${APOSTROPHE}s${APOSTROPHE}(?:\s+day)?`,
    dates: oneDay((y) => dayAt(y, 1, 1)),
  },
  {
    name: "Valentine's week",
    pattern: String.raw`valentine${APOSTROPHE}s${APOSTROPHE}\s+week|(?:the\s+)?week\s+of\s+valentine${APOSTROPHE}s${APOSTROPHE}(?:\s+day)?`,
    dates: (year) => weekAround(dayAt(year, 2, 14)),
    explain: (start, end, underWay) =>
      `I took Valentine's week as ${underWay ? "today" : "Monday"} to Sunday: ${spanLabel(start, end)}.`,
  },
  {
    name: "Valentine's Day",
    pattern: String.raw`(?:st\.?\s+|saint\s+)?valentine${APOSTROPHE}s${APOSTROPHE}(?:\s+day)?`,
    dates: oneDay((y) => dayAt(y, 2, 14)),
  },
  {
    name: "St. Patrick's Day",
    pattern: String.raw`(?:st\.?|saint)\s+(?:patrick|paddy)${APOSTROPHE}s${APOSTROPHE}(?:\s+day)?`,
    dates: oneDay((y) => dayAt(y, 3, 17)),
  },
  { name: "Easter", pattern: String.raw`easter(?:\s+sunday)?`, dates: oneDay(easter) },
  {
    name: "Mother's Day",
    pattern: String.raw`mother${APOSTROPHE}s${APOSTROPHE}\s+day`,
    dates: oneDay((y) => nthWeekday(y, 5, SUNDAY, 2)),
  },
  ...mondayHoliday("Memorial Day", String.raw`memorial\s+day`, (y) => lastWeekday(y, 5, MONDAY)),
  {
    name: "Father's Day",
    pattern: String.raw`father${APOSTROPHE}s${APOSTROPHE}\s+day`,
    dates: oneDay((y) => nthWeekday(y, 6, SUNDAY, 3)),
  },
  {
    name: "Independence Day",
    // "July 4-10" is a range of days, left to chrono.
    pattern: String.raw`independence\s+day|(?:the\s+)?(?:4th|fourth)\s+of\s+july|july\s+4(?:th)?(?!\s*(?:-|–|to|thru|through)\s*\d)`,
    dates: oneDay((y) => dayAt(y, 7, 4)),
  },
  ...mondayHoliday("Labor Day", String.raw`labou?r\s+day`, (y) => nthWeekday(y, 9, MONDAY, 1)),
  { name: "Halloween", pattern: `hallowe${APOSTROPHE}en`, dates: oneDay((y) => dayAt(y, 10, 31)) },
  ...mondayHoliday("Presidents' Day", String.raw`presidents?${APOSTROPHE}s?${APOSTROPHE}\s+day`, (y) =>
    nthWeekday(y, 2, MONDAY, 3),
  ),
  ...mondayHoliday("MLK Day", String.raw`(?:mlk|martin\s+luther\s+king)(?:,?\s+jr\.?)?(?:\s+day)?`, (y) =>
    nthWeekday(y, 1, MONDAY, 3),
  ),
];

const RECENTLY_PASSED_DAYS = 92;

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** "Nov 27", or "Nov 27 – Nov 29" for several days. */
const shortSpan = (start: Day, end: Day) =>
  isoDay(start) === isoDay(end) ? shortDay(start) : `${shortDay(start)} – ${shortDay(end)}`;

/** The first occurrence that has not ended, and what to tell the marketer about the choice. */
function upcoming(
  named: NamedDays,
  today: Day,
): { start: Day; end: Day; notes: string[]; underWay: boolean } {
  const [start, end] = named.dates(today.year);
  const notes: string[] = [];
  const label = (year: number) => capitalized(`${named.name} ${year}`);
  if (before(end, today)) {
    const [nextStart, nextEnd] = named.dates(today.year + 1);
    // Months after the day, next year's is plainly meant: New Year's asked for in November.
    if (daysFrom(end, today) <= RECENTLY_PASSED_DAYS)
      notes.push(
        `${label(today.year)} (${shortSpan(start, end)}) has passed, so I used ${label(today.year + 1)}: ${spanLabel(nextStart, nextEnd)}.`,
      );
    return { start: nextStart, end: nextEnd, notes, underWay: false };
  }
  if (before(start, today)) {
    if (!named.explain)
      notes.push(`${label(today.year)} is under way, so I started it today: ${spanLabel(today, end)}.`);
    return { start: today, end, notes, underWay: true };
  }
  return { start, end, notes, underWay: false };
}

function firstOnOrAfter(named: NamedDays, day: Day): [Day, Day] {
  const [start, end] = named.dates(day.year);
  return before(start, day) ? named.dates(day.year + 1) : [start, end];
}

const YEAR_AFTER = /^,?\s+(\d{4})\b/;

/** The period a name (with an optional year after it) stands for, taken from the scan. */
function periodFor(named: NamedDays, match: RegExpExecArray, scan: Scan, today: Day): Period {
  const after = match.index + match[0].length;
  const yearText = YEAR_AFTER.exec(scan.text.slice(after));
  const year = plausibleYear(yearText?.[1], today);
  if (yearText && year) scan.mask(after, after + yearText[0].length);
  const found = year
    ? { start: named.dates(year)[0], end: named.dates(year)[1], notes: [], underWay: false }
    : upcoming(named, today);
  const { start, end, underWay } = found;
  const explained = named.explain ? [named.explain(start, end, underWay)] : [];
  const kind = isoDay(start) === isoDay(end) ? "span" : "range";
  const period = {
    ...periodOf(scan, match, { kind, start, end, notes: [...found.notes, ...explained] }),
    named: true,
  };
  if (year) return period;
  return {
    ...period,
    onOrAfter: (day: Day) => {
      const [later, laterEnd] = firstOnOrAfter(named, day);
      return { ...period, start: later, end: laterEnd, notes: [] };
    },
  };
}

const DAYS_AROUND = String.raw`\b(?:the\s+)?(?:(\d{1,2})\s+days|(day)|(week)|(weekend))\s+(after|following|before|leading\s+up\s+to|ahead\s+of)\s+`;

/**
 * "the 10 days after Thanksgiving", "the day after Christmas", "the week before Christmas": days
 * next to a named day, not including it.
 */
function daysAround(named: NamedDays, match: RegExpExecArray): NamedDays {
  const days = match[1] ? Number(match[1]) : match[2] ? 1 : 7;
  const span = match[1] ? `${match[1]} days` : match[2] ? "day" : match[3] ? "week" : "weekend";
  const weekend = match[4] !== undefined;
  const before = !/^(?:after|following)$/i.test(match[5] ?? "");
  return {
    name: named.name,
    pattern: named.pattern,
    dates: (year) => {
      const [start, end] = named.dates(year);
      if (before) {
        if (!weekend) return [addDays(start, -days), addDays(start, -1)];
        // "the weekend before Christmas": the last Saturday and Sunday before the day.
        const sunday = addDays(start, -(((weekdayOf(start) + 6) % 7) + 1));
        return [addDays(sunday, -1), sunday];
      }
      if (!weekend) return [addDays(end, 1), addDays(end, days)];
      // "the weekend after Christmas": the first Saturday and Sunday after the day.
      const saturday = addDays(end, ((SATURDAY - weekdayOf(end) + 6) % 7) + 1);
      return [saturday, addDays(saturday, 1)];
    },
    explain: (start, end) =>
      `I took the ${span} ${before ? "before" : "after"} ${named.name} as ${spanLabel(start, end)}.`,
  };
}

/** "after the holidays", "post-Thanksgiving": a start the day after, the end left open. */
function dayAfter(named: NamedDays): NamedDays {
  return {
    name: named.name,
    pattern: named.pattern,
    dates: (year) => {
      const next = addDays(named.dates(year)[1], 1);
      return [next, next];
    },
    explain: (start) => `I took after ${named.name} as starting ${spanLabel(start, start)}.`,
  };
}

/** Each named day's patterns: the days around it, from the day after it, and the day itself. */
const NAMED_PATTERNS = NAMED_DAYS.map((named) => ({
  named,
  around: new RegExp(String.raw`${DAYS_AROUND}(?:${named.pattern})(?![\w'’])`, "gi"),
  since: new RegExp(String.raw`\b(?:after|post[\s-]?)\s*(?:${named.pattern})(?![\w'’])`, "gi"),
  itself: new RegExp(String.raw`\b(?:${named.pattern})(?![\w'’])`, "gi"),
}));

/** Every retail day named in the message: "Black Friday", "Memorial Day weekend", "the holidays". */
export function namedDays(scan: Scan, today: Day): Period[] {
  const shifted = NAMED_PATTERNS.flatMap(({ named, around }) =>
    scan.take(around).map((match) => periodFor(daysAround(named, match), match, scan, today)),
  );
  const after = NAMED_PATTERNS.flatMap(({ named, since }) =>
    scan
      .take(since)
      .map((match): Period => ({ ...periodFor(dayAfter(named), match, scan, today), role: "start" })),
  );
  return [
    ...shifted,
    ...after,
    ...NAMED_PATTERNS.flatMap(({ named, itself }) =>
      scan.take(itself).map((match) => periodFor(named, match, scan, today)),
    ),
  ];
}
