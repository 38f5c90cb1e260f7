import type { types } from "@slack/bolt";
import { formatCount, formatDate, formatMoney } from "../../core/format.js";
import type { Reply } from "../../core/view-models.js";
import { sparkline } from "../chart/sparkline.js";
import { context, fieldSections, header, section } from "./blocks.js";

type Analytics = Extract<Reply, { kind: "analytics" }>;

const TREND_DAYS = 14;
const DAY_MS = 86_400_000;

/** The numbers as fields and the last two weeks as a text sparkline (a chart image comes later). */
export function analyticsBlocks(reply: Analytics): types.KnownBlock[] {
  return [
    header(`📈 ${reply.title}`),
    context([`Offer #${reply.offerId} · ${formatDate(reply.startDate)} – ${formatDate(reply.endDate)}`]),
    ...fieldSections(undefined, [
      { label: "Redemptions", value: formatCount(reply.totalRedemptions) },
      { label: "Unique users", value: formatCount(reply.uniqueUsers) },
      { label: "Revenue", value: formatMoney(reply.revenue) },
      {
        label: "Conversion",
        value:
          reply.conversionRate === null
            ? "n/a (no impressions recorded)"
            : `${(reply.conversionRate * 100).toFixed(1)}%`,
      },
    ]),
    section(trendText(reply.byDay)),
  ];
}

function trendText(byDay: Analytics["byDay"]): string {
  const days = lastDays(byDay);
  const [first] = days;
  const last = days.at(-1);
  if (!first || !last) return "*Redemptions per day*\nNo redemptions recorded yet.";
  const peak = days.reduce((best, day) => (day.redemptions > best.redemptions ? day : best), first);
  const total = days.reduce((sum, day) => sum + day.redemptions, 0);
  const spark = sparkline(days.map((day) => day.redemptions));
  return [
    `*Redemptions per day*, ${formatDate(first.date)} – ${formatDate(last.date)}`,
    `\`${spark}\``,
    `Peak ${formatCount(peak.redemptions)} on ${formatDate(peak.date)} · ${formatCount(total)} in ${formatCount(days.length)} days`,
  ].join("\n");
}

/** The last two weeks of data, days without a row counted as zero so the line keeps its time scale. */
function lastDays(byDay: Analytics["byDay"]): Analytics["byDay"] {
  const sorted = byDay.toSorted((a, b) => a.date.localeCompare(b.date));
  const firstDate = sorted[0]?.date;
  const lastDate = sorted.at(-1)?.date;
  if (!firstDate || !lastDate || !isIsoDate(firstDate) || !isIsoDate(lastDate)) {
    return sorted.slice(-TREND_DAYS);
  }
  const counts = new Map(sorted.map((day) => [day.date, day.redemptions]));
  const end = Date.parse(lastDate);
  const start = Math.max(Date.parse(firstDate), end - (TREND_DAYS - 1) * DAY_MS);
  const days: Analytics["byDay"] = [];
  for (let time = start; time <= end; time += DAY_MS) {
    const date = new Date(time).toISOString().slice(0, 10);
    days.push({ date, redemptions: counts.get(date) ?? 0 });
  }
  return days;
}

function isIsoDate(date: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) && !Number.isNaN(Date.parse(date));
}
