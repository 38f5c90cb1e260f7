/** Calendar arithmetic on ISO `YYYY-MM-DD` days, in the user's time zone, never the server's. */

export function todayIn(timeZone: string, now: Date): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
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

export { canonicalZone } from "../time-zone.js";
