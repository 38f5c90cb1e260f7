/** Arithmetic on calendar days; going through UTC midnight keeps it free of any zone's DST. */
import { formatDate } from "../../describe.js";
import { type Day, isoDay, lastDayOfMonth } from "./calendar.js";

export const dayAt = (year: number, month: number, day: number): Day => ({ year, month, day });

const utc = ({ year, month, day }: Day) => Date.UTC(year, month - 1, day);

const fromUtc = (time: number): Day => {
  const date = new Date(time);
  return dayAt(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
};

export const addDays = (day: Day, days: number): Day => fromUtc(utc(day) + days * 86_400_000);

/** 0 is Sunday, as in Date. */
export const weekdayOf = (day: Day): number => new Date(utc(day)).getUTCDay();

export const daysFrom = (from: Day, to: Day): number => Math.round((utc(to) - utc(from)) / 86_400_000);

export const before = (a: Day, b: Day): boolean => utc(a) < utc(b);

export const firstOfMonth = (year: number, month: number): Day => dayAt(year, month, 1);

export const endOfMonth = (year: number, month: number): Day =>
  dayAt(year, month, lastDayOfMonth(year, month));

/** The month `months` after the day's, as [year, month]; December plus one is next January. */
export function monthAfter(day: Day, months: number): [number, number] {
  const index = day.year * 12 + day.month - 1 + months;
  return [Math.floor(index / 12), (index % 12) + 1];
}

/** The `nth` (1-based) given weekday of a month: Thanksgiving is the 4th Thursday of November. */
export function nthWeekday(year: number, month: number, weekday: number, nth: number): Day {
  const first = firstOfMonth(year, month);
  return addDays(first, ((weekday - weekdayOf(first) + 7) % 7) + (nth - 1) * 7);
}

export function lastWeekday(year: number, month: number, weekday: number): Day {
  const last = endOfMonth(year, month);
  return addDays(last, -((weekdayOf(last) - weekday + 7) % 7));
}

/** "Nov 26, 2027", as the preview shows dates. */
export const longDay = (day: Day): string => formatDate(isoDay(day));

/** "Nov 27", for a day whose year is plain from the sentence. */
export const shortDay = (day: Day): string => longDay(day).replace(/, \d+$/, "");

/** "Nov 27 – Nov 29, 2026", or "Nov 27, 2026" when both ends are one day. */
export const spanLabel = (start: Day, end: Day): string =>
  isoDay(start) === isoDay(end)
    ? longDay(start)
    : `${start.year === end.year ? shortDay(start) : longDay(start)} – ${longDay(end)}`;

/** "December". */
export const monthName = (month: number): string =>
  new Date(Date.UTC(2000, month - 1, 1)).toLocaleDateString("en-US", { timeZone: "UTC", month: "long" });
