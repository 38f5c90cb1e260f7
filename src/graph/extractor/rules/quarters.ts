/** Quarters and year ends: "in Q1", "end of Q1", "end of the quarter", "end of the year". */
import type { Day } from "./calendar.js";
import { before, endOfMonth, firstOfMonth, spanLabel } from "./days.js";
import { type Period, periodOf, plausibleYear } from "./period.js";
import type { Scan } from "./scan.js";

const PERIOD_END = /\b(?:the\s+)?end\s+of\s+(?:the\s+)?(?:q([1-4])|(quarter)|(year))(?:\s+(\d{4}))?\b/gi;

/** "end of Q1" is the last day of the next Q1 that has not ended; "end of the quarter/year", the current one's. */
function periodEnds(scan: Scan, today: Day): Period[] {
  return scan.take(PERIOD_END).map((match) => {
    const [, q, quarter, , year] = match;
    const lastMonth = q ? Number(q) * 3 : quarter ? Math.ceil(today.month / 3) * 3 : 12;
    let day = endOfMonth(Number(year ?? today.year), lastMonth);
    if (q && !year && before(day, today)) day = endOfMonth(today.year + 1, lastMonth);
    const period = periodOf(scan, match, { kind: "day", start: day, end: day });
    return { ...period, role: period.role ?? "end" };
  });
}

/** Only after "in"/"during"/"for": "increase Q4 sales" names a goal, not when the offer runs. */
const IN_QUARTER = /\b(?:in|during|throughout|for|all\s+of)\s+(?:the\s+)?q([1-4])(?:\s+(\d{4}))?\b/gi;

/** The next quarter of that number that has not ended; one under way starts today. */
function quarters(scan: Scan, today: Day): Period[] {
  return scan.take(IN_QUARTER).map((match) => {
    const quarter = Number(match[1]);
    const given = plausibleYear(match[2], today);
    const endIn = (year: number) => endOfMonth(year, quarter * 3);
    const year = given ?? (before(endIn(today.year), today) ? today.year + 1 : today.year);
    const [start, end] = [firstOfMonth(year, quarter * 3 - 2), endIn(year)];
    if (given || !before(start, today)) return periodOf(scan, match, { kind: "span", start, end });
    const notes = [`Q${quarter} ${year} is under way, so I started it today: ${spanLabel(today, end)}.`];
    return periodOf(scan, match, { kind: "span", start: today, end, notes });
  });
}

export const quarterPeriods = (scan: Scan, today: Day): Period[] => [
  ...periodEnds(scan, today),
  ...quarters(scan, today),
];
