import * as chrono from "chrono-node";
import type { ExtractContext } from "../types.js";
import { readBadDates } from "./bad-dates.js";
import { calendarDay, type Day, isoDay, zoneOffsetMinutes } from "./calendar.js";
import { dayRanges } from "./day-ranges.js";
import { before, dayAt, endOfMonth, firstOfMonth } from "./days.js";
import { durations, type FromStart, monthEnds, type Start } from "./durations.js";
import { namedDays } from "./holidays.js";
import { monthParts } from "./month-parts.js";
import { MONTH_NAME, type Period, periodOf, plausibleYear, type Role } from "./period.js";
import { quarterPeriods } from "./quarters.js";
import { agreedDefined, type Rule, type Scan } from "./scan.js";

const RELATIVE_MONTH = /\b(this|next)\s+month\b/gi;

/** "next month" is the whole of it; chrono would make it the same day a month on. */
function relativeMonths(scan: Scan, today: Day): Period[] {
  return scan.take(RELATIVE_MONTH).map((match) => {
    const ahead = match[1]?.toLowerCase() === "next" ? 1 : 0;
    const year = today.year + Math.floor((today.month - 1 + ahead) / 12);
    const month = ((today.month - 1 + ahead) % 12) + 1;
    // "this month" runs from today: the days already gone cannot be offered.
    return periodOf(scan, match, {
      kind: "span",
      start: ahead === 0 ? today : firstOfMonth(year, month),
      end: endOfMonth(year, month),
    });
  });
}

const componentsDay = (components: chrono.ParsedComponents): Day =>
  dayAt(components.get("year") ?? 0, components.get("month") ?? 0, components.get("day") ?? 0);

const isDay = (components: chrono.ParsedComponents) =>
  components.isCertain("day") || components.isCertain("weekday");

/** "Dec 1st through the 15th": chrono stops at "Dec 1st". */
const THROUGH_DAY = /^\s*(?:-|–|to|through|thru|until|till)\s+(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\b/i;

/** A day typed without a year, read again as its first occurrence on or after `from`. */
const sameDayOnOrAfter =
  (period: Period) =>
  (from: Day): Period => {
    const day = dayAt(from.year, period.start.month, period.start.day);
    const later = before(day, from) ? { ...day, year: from.year + 1 } : day;
    return { ...period, start: later, end: later };
  };

function chronoPeriod(result: chrono.ParsedResult, scan: Scan, today: Day): Period | undefined {
  // "Dec 45" is December 2045 to chrono.
  const year = result.start.get("year");
  if (result.start.isCertain("year") && plausibleYear(String(year), today) === undefined) return undefined;
  const words = { index: result.index, 0: result.text };
  const start = componentsDay(result.start);
  if (result.end) {
    if (!isDay(result.start) || !isDay(result.end)) return undefined;
    return periodOf(scan, words, { kind: "range", start, end: componentsDay(result.end) });
  }
  if (isDay(result.start)) {
    const after = result.index + result.text.length;
    const through = THROUGH_DAY.exec(scan.text.slice(after));
    const endDay = Number(through?.[1]);
    if (through && endDay > start.day && endDay <= endOfMonth(start.year, start.month).day) {
      scan.mask(after, after + through[0].length);
      return periodOf(scan, words, { kind: "range", start, end: { ...start, day: endDay } });
    }
    const day = periodOf(scan, words, { kind: "day", start, end: start });
    return result.start.isCertain("year") ? day : { ...day, onOrAfter: sameDayOnOrAfter(day) };
  }
  if (!result.start.isCertain("month")) return undefined;
  const month = start.month;
  // A bare month is the coming one: this year's while it lasts, otherwise next year's.
  const monthYear = result.start.isCertain("year") ? start.year : today.year + (month < today.month ? 1 : 0);
  const first = firstOfMonth(monthYear, month);
  return periodOf(scan, words, {
    kind: "span",
    // The current month runs from today.
    start: before(first, today) && monthYear === today.year && month === today.month ? today : first,
    end: endOfMonth(monthYear, month),
  });
}

const MONTH_THEN_COMMA = new RegExp(String.raw`\b(?:${MONTH_NAME}),(?=\s*\d)`, "gi");
const COMMA_THEN_NUMBER = /(?<=\d),(?=\s+(\d[\d,]*))/g;

/**
 * In chat a comma right after a month name ends the clause ("in January, 2 per resident"); a
 * date puts its comma after the day ("January 2, 2027"). chrono would read "January, 2" as a day,
 * and the 1000 of "Dec 1-31, 1000 total" as a year. Same length, so indices stay valid.
 */
const chronoInput = (text: string, today: Day) =>
  text
    .replace(MONTH_THEN_COMMA, (month) => `${month.slice(0, -1)};`)
    .replace(COMMA_THEN_NUMBER, (comma, number: string) => (plausibleYear(number, today) ? comma : ";"));

function chronoPeriods(scan: Scan, context: ExtractContext, today: Day): Period[] {
  const reference = { instant: context.now, timezone: zoneOffsetMinutes(context.now, context.timeZone) };
  const periods: Period[] = [];
  for (const result of chrono.parse(chronoInput(scan.text, today), reference, { forwardDate: true })) {
    // "for two weeks", "next week": chrono makes up a day for these.
    if (result.tags().has("result/relativeDate")) continue;
    const period = chronoPeriod(result, scan, today);
    if (!period) continue;
    scan.mask(result.index, result.index + result.text.length);
    periods.push(period);
  }
  return periods;
}

const TO_NEXT = /^\s*(?:-|–|—|to|through|thru|until|till|til)\s*$/i;

/** "Dec 1 thru Dec 7", "next Monday through end of month": a day joined to the next date is the start, and that one the end. */
function withRangeRoles(periods: Period[], pending: FromStart[], text: string): Period[] {
  const spans = [...periods, ...pending].sort((a, b) => a.index - b.index);
  const joined = (a: FromStart | Period | undefined, b: FromStart | Period | undefined) =>
    a !== undefined && b !== undefined && TO_NEXT.test(text.slice(a.index + a.length, b.index));
  return periods.map((period) => {
    if (period.role || period.kind === "range") return period;
    const at = spans.indexOf(period);
    if (joined(period, spans[at + 1])) return { ...period, role: "start" };
    if (joined(spans[at - 1], period)) return { ...period, role: "end" };
    return period;
  });
}

interface Ends {
  start?: Day;
  end?: Day;
}

/** The dates a period sets once its role is known; a lone day without a role sets nothing. */
function endsOf(period: Period): Ends {
  if (period.kind === "range" || (period.kind === "span" && period.role === undefined)) {
    return { start: period.start, end: period.end };
  }
  if (period.role === "start") return { start: period.start };
  if (period.role === "end") return { end: period.end };
  return {};
}

const roleAsked = (context: ExtractContext): Role | undefined =>
  context.expecting === "startDate" ? "start" : context.expecting === "endDate" ? "end" : undefined;

const dayOfIso = (iso: string): Day => {
  const [year = 0, month = 0, day = 0] = iso.split("-").map(Number);
  return dayAt(year, month, day);
};

/** Where dates that count from the start ("for 2 weeks") count from. */
function startOf(periods: Period[], context: ExtractContext, today: Day): Start {
  const stated = settled(periods, (ends) => ends.start);
  if (stated) return { day: stated, source: "message" };
  if (context.draft.startDate) return { day: dayOfIso(context.draft.startDate), source: "draft" };
  return { day: today, source: "today" };
}

/**
 * The start and end dates the message states, each taken so its digits are not read as amounts;
 * what the marketer must know about the reading goes to `notes`. A lone day ("Dec 15") takes the
 * role of the date the bot asked about; `answering` is that role when the message is a bare answer.
 */
export function readDateFields(
  scan: Scan,
  context: ExtractContext,
  notes: string[],
  answering?: Role,
): { startDate?: string; endDate?: string } {
  const today = calendarDay(context.now, context.timeZone);
  readBadDates(scan, today, notes);
  const found = [
    ...namedDays(scan, today),
    ...monthParts(scan, today),
    ...dayRanges(scan, today),
    ...quarterPeriods(scan, today),
    ...relativeMonths(scan, today),
  ];
  const pending = [...durations(scan), ...monthEnds(scan)];
  found.push(...chronoPeriods(scan, context, today));

  const asked = answering ?? roleAsked(context);
  // Asked when it should run, "December" or "Black Friday" is the whole run; asked when it should end, its last day.
  const roled = withRangeRoles(found, pending, scan.text).map((period) =>
    period.role || period.kind === "range" || (period.kind === "span" && answering !== "end")
      ? period
      : { ...period, role: asked },
  );
  const start = startOf(roled, context, today);
  const periods = [
    ...roled.map((period) =>
      start.source === "message" && period.onOrAfter && !endsOf(period).start && before(period.end, start.day)
        ? { ...period.onOrAfter(start.day), role: period.role }
        : period,
    ),
    ...pending.map((words) => words.resolve(start)),
  ];

  const startDay = settled(periods, (ends) => ends.start);
  const endDay = settled(periods, (ends) => ends.end);
  const same = (day: Day | undefined, set: Day | undefined) => !day || (set && isoDay(day) === isoDay(set));
  // What the marketer is told about a reading only if it set what was read.
  for (const period of periods) {
    const ends = endsOf(period);
    if ((ends.start || ends.end) && same(ends.start, startDay) && same(ends.end, endDay))
      notes.push(...period.notes);
  }
  return { ...(startDay && { startDate: isoDay(startDay) }), ...(endDay && { endDate: isoDay(endDay) }) };
}

/**
 * One date field from every reading of it. "For the holidays, Dec 20 - Jan 2": dates typed out say
 * which days of a named stretch (a holiday, a month) are meant, so where the two disagree on a
 * field the typed ones are read; a field only the name gives is still taken from it. Typed dates
 * that disagree set nothing: picking one would be a guess.
 */
function settled(periods: Period[], pick: (ends: Ends) => Day | undefined): Day | undefined {
  const all = agreedDefined(periods.map((period) => pick(endsOf(period))));
  if (all) return all;
  const typed = periods.filter((period) => !period.named && period.kind !== "span");
  return agreedDefined(typed.map((period) => pick(endsOf(period))));
}

export const readDates: Rule = (scan, patch, context, notes) => {
  Object.assign(patch, readDateFields(scan, context, notes));
};
