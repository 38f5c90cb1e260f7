/** Calendar arithmetic on ISO `YYYY-MM-DD` days, in the user's time zone, never the server's. */

import { canonicalZone as lookUpZone } from "../time-zone.js";
import { memo } from "./memo.js";

// en-CA formats as YYYY-MM-DD.
const isoDayFormat = memo(
  (timeZone) =>
    new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }),
);

export function todayIn(timeZone: string, now: Date): string {
  return isoDayFormat(timeZone).format(now);
}

export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export function monthRange(day: string, monthsAhead: number): { startDate: string; endDate: string } {
  const [year = 1970, month = 1] = day.split("-").map(Number);
  const first = new Date(Date.UTC(year, month - 1 + monthsAhead, 1));
  const last = new Date(Date.UTC(year, month + monthsAhead, 0));
  return { startDate: first.toISOString().slice(0, 10), endDate: last.toISOString().slice(0, 10) };
}

export function daysBetween(start: string, end: string): number {
  return Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000);
}

/**
 * The IANA spelling of a time zone name, undefined if unknown. Every draft check, time zone read and
 * turn context asks it again for the same zone, and each answer builds an Intl formatter.
 */
export const canonicalZone = memo(lookUpZone);
