/** Words whose dates count from the offer's start: "for 2 weeks", "through end of month". */
import { type Day, lastDayOfMonth } from "./calendar.js";
import {
  addDays,
  dayAt,
  daysFrom,
  endOfMonth,
  longDay,
  monthAfter,
  monthName,
  shortDay,
  spanLabel,
} from "./days.js";
import { readNumber } from "./numbers.js";
import { type Period, periodOf } from "./period.js";
import type { Scan } from "./scan.js";

/** The start the dates count from, and where it came from: the message, the draft, or (no start at all) today. */
export interface Start {
  day: Day;
  source: "message" | "draft" | "today";
}

/** Words whose dates wait for the start; where they are, so "next Monday through end of month" pairs up. */
export interface FromStart {
  index: number;
  length: number;
  resolve: (start: Start) => Period;
}

const fromStart = (match: RegExpExecArray, resolve: (start: Start) => Period): FromStart => ({
  index: match.index,
  length: match[0].length,
  resolve,
});

const DURATION =
  /\b(for\s+|lasting\s+|runs?\s+|running\s+|(?:the\s+)?next\s+)?(?:(?:the\s+)?(?:next|first)\s+)?(\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten)[\s-]*(days?|weeks?|months?)\b/gi;

/** "for 2 weeks", "next 10 days", "10 days starting Dec 3"; a bare "30 days" may be a redemption window, not the run. */
const isRun = (scan: Scan, match: RegExpExecArray) =>
  match[1] !== undefined ||
  /^\s+(?:from|starting|beginning)\b/i.test(scan.text.slice(match.index + match[0].length));

/** The day before the same date `months` later, or that month's last day when it has no such date. */
function lastDayOfMonths(start: Day, months: number): Day {
  const [year, month] = monthAfter(start, months);
  return start.day <= lastDayOfMonth(year, month)
    ? addDays(dayAt(year, month, start.day), -1)
    : endOfMonth(year, month);
}

/** "for 10 days" from the start: Dec 3 for 10 days is Dec 3–12. */
export function durations(scan: Scan): FromStart[] {
  return scan
    .take(DURATION, (match) => isRun(scan, match))
    .map((match) =>
      fromStart(match, (start) => {
        const [, , countText = "", unitText = ""] = match;
        const count = /^an?$/i.test(countText) ? 1 : (readNumber(countText) ?? 1);
        const unit = unitText.toLowerCase().replace(/s$/, "");
        const end =
          unit === "month"
            ? lastDayOfMonths(start.day, count)
            : addDays(start.day, count * (unit === "week" ? 7 : 1) - 1);
        // The draft already has its start; only the end is new.
        if (start.source === "draft")
          return periodOf(scan, match, { kind: "day", role: "end", start: end, end });
        const notes =
          start.source === "today"
            ? [`No start date was given, so I started it today: ${spanLabel(start.day, end)}.`]
            : [];
        return periodOf(scan, match, { kind: "range", start: start.day, end, notes });
      }),
    );
}

const MONTH_END = /\b(?:the\s+)?end\s+of\s+(?:the\s+)?month\b/gi;

/** An offer shorter than this through "end of month" is taken to mean the next month's end. */
const SHORTEST_RUN_DAYS = 7;

/**
 * "end of month" is the end of the start's month, unless that leaves less than a week: "next
 * Monday through end of month" said on Nov 25 (next Monday Nov 30) means Dec 31.
 */
export function monthEnds(scan: Scan): FromStart[] {
  return scan.take(MONTH_END).map((match) =>
    fromStart(match, (start) => {
      const end = endOfMonth(start.day.year, start.day.month);
      const runDays = daysFrom(start.day, end) + 1;
      if (start.source === "today" || runDays >= SHORTEST_RUN_DAYS) {
        return periodOf(scan, match, { kind: "day", role: "end", start: end, end });
      }
      const [year, month] = monthAfter(start.day, 1);
      const later = endOfMonth(year, month);
      const notes = [
        `${shortDay(start.day)} to the end of ${monthName(start.day.month)} would run only ${runDays === 1 ? "1 day" : `${runDays} days`}, so I ended it at the end of ${monthName(month)}: ${longDay(later)}.`,
      ];
      return periodOf(scan, match, { kind: "day", role: "end", start: later, end: later, notes });
    }),
  );
}
