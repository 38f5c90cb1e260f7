import type { types } from "@slack/bolt";
import { formatDate } from "../../core/format.js";
import type { Reply } from "../../core/view-models.js";
import { redemptionsTrend } from "../chart/trend.js";
import { analyticsFigures } from "../text/offer-words.js";
import { context, fieldSections, header, section } from "./blocks.js";

type Analytics = Extract<Reply, { kind: "analytics" }>;

/** The numbers as fields and the last two weeks as a text sparkline (a chart image comes later). */
export function analyticsBlocks(reply: Analytics): types.KnownBlock[] {
  return [
    header(`📈 ${reply.title}`),
    context([`Offer #${reply.offerId} · ${formatDate(reply.startDate)} – ${formatDate(reply.endDate)}`]),
    ...fieldSections(undefined, analyticsFigures(reply)),
    section(trendText(reply.byDay)),
  ];
}

function trendText(byDay: Analytics["byDay"]): string {
  const trend = redemptionsTrend(byDay);
  if (!trend) return "*Redemptions per day*\nNo redemptions recorded yet.";
  return [`*Redemptions per day*, ${trend.period}`, `\`${trend.spark}\``, trend.summary].join("\n");
}
