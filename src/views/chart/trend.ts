import { formatCount, formatDate } from "../../core/format.js";
import { sparkline } from "./sparkline.js";

type ByDay = { date: string; redemptions: number }[];

const TREND_DAYS = 14;
const DAY_MS = 86_400_000;

/** An offer's last two weeks in words every channel shows: its dates, a sparkline, peak and total. */
export function redemptionsTrend(
  byDay: ByDay,
): { period: string; spark: string; summary: string } | undefined {
  const days = lastDays(byDay);
  const [first] = days;
  const last = days.at(-1);
  if (!first || !last) return undefined;
  const peak = days.reduce((best, day) => (day.redemptions > best.redemptions ? day : best), first);
  const total = days.reduce((sum, day) => sum + day.redemptions, 0);
  return {
    period: `${formatDate(first.date)} – ${formatDate(last.date)}`,
    spark: sparkline(days.map((day) => day.redemptions)),
    summary: `Peak ${formatCount(peak.redemptions)} on ${formatDate(peak.date)} · ${formatCount(total)} in ${formatCount(days.length)} days`,
  };
}

/** The last two weeks of data, days without a row counted as zero so the line keeps its time scale. */
function lastDays(byDay: ByDay): ByDay {
  const sorted = byDay.toSorted((a, b) => a.date.localeCompare(b.date));
  const firstDate = sorted[0]?.date;
  const lastDate = sorted.at(-1)?.date;
  if (!firstDate || !lastDate || !isIsoDate(firstDate) || !isIsoDate(lastDate)) {
    return sorted.slice(-TREND_DAYS);
  }
  const counts = new Map(sorted.map((day) => [day.date, day.redemptions]));
  const end = Date.parse(lastDate);
  const start = Math.max(Date.parse(firstDate), end - (TREND_DAYS - 1) * DAY_MS);
  const days: ByDay = [];
  for (let time = start; time <= end; time += DAY_MS) {
    const date = new Date(time).toISOString().slice(0, 10);
    days.push({ date, redemptions: counts.get(date) ?? 0 });
  }
  return days;
}

function isIsoDate(date: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) && !Number.isNaN(Date.parse(date));
}
