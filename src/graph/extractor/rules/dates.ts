import * as chrono from "chrono-node";
import type { ExtractContext } from "../types.js";
import { calendarDay, type Day, isoDay, lastDayOfMonth, zoneOffsetMinutes } from "./calendar.js";
import { agreedDefined, type Rule, type Scan } from "./scan.js";

type Role = "start" | "end";

/** A date expression found in the message. A range or a bare month means both ends; a day means one. */
export interface Period {
  kind: "range" | "month" | "day";
  start: Day;
  end: Day;
  /** What the words before it say it is ("starting", "until"), if anything. */
  role: Role | undefined;
}

const START_CUE =
  /\b(?:start(?:s|ing)?|from|begin(?:s|ning)?|launch(?:es|ing)?|effective|go(?:es)?\s+live|live\s+on|kick(?:s|ing)?\s+off)\b/gi;
const END_CUE =
  /\b(?:end(?:s|ing)?|until|till|til|through|thru|expir(?:e|es|ing|y|ation)|extend(?:s|ed|ing)?|last\s+day|by|stop(?:s|ping)?)\b/gi;

const lastIndexOf = (pattern: RegExp, text: string) =>
  Math.max(-1, ...[...text.matchAll(pattern)].map((match) => match.index));

/** The nearest cue before `index` in the same clause wins: "move the start date from Jan 5, ends Feb 10". */
function roleBefore(text: string, index: number): Role | undefined {
  const clause =
    text
      .slice(0, index)
      .split(/[,;\n]|\.\s/)
      .pop() ?? "";
  const start = lastIndexOf(START_CUE, clause);
  const end = lastIndexOf(END_CUE, clause);
  if (start === end) return undefined;
  return start > end ? "start" : "end";
}

const dayAt = (year: number, month: number, day: number): Day => ({ year, month, day });
const monthOf = (year: number, month: number): [Day, Day] => [
  dayAt(year, month, 1),
  dayAt(year, month, lastDayOfMonth(year, month)),
];
const before = (a: Day, b: Day) => isoDay(a) < isoDay(b);

const PERIOD_END =
  /\b(?:the\s+)?end\s+of\s+(?:the\s+)?(?:q([1-4])|(quarter)|(month)|(year))(?:\s+(\d{4}))?\b/gi;

/** "end of Q1" is the last day of the next Q1 that has not ended; "end of the month/quarter/year", the current one's. */
function periodEnds(scan: Scan, today: Day): Period[] {
  return scan.take(PERIOD_END).map((match) => {
    const [, q, quarter, month, , year] = match;
    const lastMonth = q ? Number(q) * 3 : quarter ? Math.ceil(today.month / 3) * 3 : month ? today.month : 12;
    const endOf = (y: number) => dayAt(y, lastMonth, lastDayOfMonth(y, lastMonth));
    let day = endOf(Number(year ?? today.year));
    if (q && !year && before(day, today)) day = endOf(today.year + 1);
    return { kind: "day", start: day, end: day, role: roleBefore(scan.text, match.index) ?? "end" };
  });
}

const RELATIVE_MONTH = /\b(this|next)\s+month\b/gi;

/** "next month" is the whole of it; chrono would make it the same day a month on. */
function relativeMonths(scan: Scan, today: Day): Period[] {
  return scan.take(RELATIVE_MONTH).map((match) => {
    const ahead = match[1]?.toLowerCase() === "next" ? 1 : 0;
    const year = today.year + Math.floor((today.month - 1 + ahead) / 12);
    const [first, last] = monthOf(year, ((today.month - 1 + ahead) % 12) + 1);
    return { kind: "month", start: first, end: last, role: roleBefore(scan.text, match.index) };
  });
}

const componentsDay = (components: chrono.ParsedComponents): Day =>
  dayAt(components.get("year") ?? 0, components.get("month") ?? 0, components.get("day") ?? 0);

const isDay = (components: chrono.ParsedComponents) =>
  components.isCertain("day") || components.isCertain("weekday");

/** "Dec 1st through the 15th": chrono stops at "Dec 1st". */
const THROUGH_DAY = /^\s*(?:-|–|to|through|thru|until|till)\s+(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\b/i;

function chronoPeriod(result: chrono.ParsedResult, scan: Scan, today: Day): Period | undefined {
  const role = roleBefore(scan.text, result.index);
  const start = componentsDay(result.start);
  if (result.end) {
    if (!isDay(result.start) || !isDay(result.end)) return undefined;
    return { kind: "range", start, end: componentsDay(result.end), role };
  }
  if (isDay(result.start)) {
    const after = result.index + result.text.length;
    const through = THROUGH_DAY.exec(scan.text.slice(after));
    const endDay = Number(through?.[1]);
    if (through && endDay > start.day && endDay <= lastDayOfMonth(start.year, start.month)) {
      scan.mask(after, after + through[0].length);
      return { kind: "range", start, end: { ...start, day: endDay }, role };
    }
    return { kind: "day", start, end: start, role };
  }
  if (!result.start.isCertain("month")) return undefined;
  const month = start.month;
  // A bare month is the coming one: this year's while it lasts, otherwise next year's.
  const year = result.start.isCertain("year") ? start.year : today.year + (month < today.month ? 1 : 0);
  const [first, last] = monthOf(year, month);
  return { kind: "month", start: first, end: last, role };
}

const MONTH_THEN_COMMA =
  /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?),(?=\s*\d)/gi;

/**
 * In chat a comma right after a month name ends the clause ("in January, 2 per resident"); a
 * date puts its comma after the day ("January 2, 2027"). chrono would read "January, 2" as a day.
 */
const chronoInput = (text: string) => text.replace(MONTH_THEN_COMMA, (month) => `${month.slice(0, -1)};`);

/** Every date expression in the message, each taken so its digits are not read as amounts. */
export function findPeriods(scan: Scan, context: ExtractContext): Period[] {
  const today = calendarDay(context.now, context.timeZone);
  const periods = [...periodEnds(scan, today), ...relativeMonths(scan, today)];
  const reference = { instant: context.now, timezone: zoneOffsetMinutes(context.now, context.timeZone) };
  for (const result of chrono.parse(chronoInput(scan.text), reference, { forwardDate: true })) {
    // "for two weeks", "next week": chrono makes up a day for these.
    if (result.tags().has("result/relativeDate")) continue;
    const period = chronoPeriod(result, scan, today);
    if (!period) continue;
    scan.mask(result.index, result.index + result.text.length);
    periods.push(period);
  }
  return periods;
}

/** The dates a period sets once its role is known; a lone day without a role sets nothing. */
export function resolvePeriod(period: Period, role = period.role): { startDate?: string; endDate?: string } {
  if (period.kind === "range" || (period.kind === "month" && role === undefined)) {
    return { startDate: isoDay(period.start), endDate: isoDay(period.end) };
  }
  if (role === "start") return { startDate: isoDay(period.start) };
  if (role === "end") return { endDate: isoDay(period.end) };
  return {};
}

export const readDates: Rule = (scan, patch, context) => {
  const resolved = findPeriods(scan, context).map((period) => resolvePeriod(period));
  const startDate = agreedDefined(resolved.map((dates) => dates.startDate));
  const endDate = agreedDefined(resolved.map((dates) => dates.endDate));
  if (startDate) patch.startDate = startDate;
  if (endDate) patch.endDate = endDate;
};
