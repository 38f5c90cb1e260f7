/**
 * Calendar days in the user's time zone. Offers run on calendar days, so a date is a
 * `{ year, month, day }` read in that zone and printed as ISO `YYYY-MM-DD`; going through UTC
 * would move a late-evening message in America/Los_Angeles to the next day.
 */

import { memo } from "../../memo.js";

export interface Day {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
}

const pad = (value: number, width: number) => String(value).padStart(width, "0");

export const isoDay = ({ year, month, day }: Day): string =>
  `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;

export const lastDayOfMonth = (year: number, month: number): number =>
  new Date(Date.UTC(year, month, 0)).getUTCDate();

export { canonicalZone } from "../../dates.js";

const wallClockFormat = memo(
  (timeZone) =>
    new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    }),
);

function wallClock(instant: Date, timeZone: string): Record<string, number> {
  const parts = wallClockFormat(timeZone).formatToParts(instant);
  return Object.fromEntries(parts.map((part) => [part.type, Number(part.value)]));
}

export function calendarDay(instant: Date, timeZone: string): Day {
  const clock = wallClock(instant, timeZone);
  return { year: clock.year ?? 0, month: clock.month ?? 0, day: clock.day ?? 0 };
}

/** Minutes east of UTC at that instant (Chicago in winter: -360). */
export function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  const clock = wallClock(instant, timeZone);
  const asUtc = Date.UTC(
    clock.year ?? 0,
    (clock.month ?? 1) - 1,
    clock.day ?? 1,
    clock.hour ?? 0,
    clock.minute ?? 0,
    clock.second ?? 0,
  );
  return Math.round((asUtc - instant.getTime()) / 60_000);
}

/** Noon of a calendar day in a time zone: far from both midnights, so DST shifts cannot change the day. */
export function noonIn(day: Day, timeZone: string): Date {
  const guess = new Date(Date.UTC(day.year, day.month - 1, day.day, 12));
  return new Date(guess.getTime() - zoneOffsetMinutes(guess, timeZone) * 60_000);
}
