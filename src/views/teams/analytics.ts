import { formatDate } from "../../core/format.js";
import type { Reply } from "../../core/view-models.js";
import { redemptionsTrend } from "../chart/trend.js";
import { analyticsFigures } from "../text/offer-words.js";
import { facts, heading, smallPrint, text } from "./card.js";
import type { CardElement } from "./elements.js";

type Analytics = Extract<Reply, { kind: "analytics" }>;

/** The numbers as facts and the last two weeks as a text sparkline. */
export function analyticsBody(reply: Analytics): CardElement[] {
  const trend = redemptionsTrend(reply.byDay);
  return [
    heading(`📈 ${reply.title}`),
    ...smallPrint([
      `Offer #${reply.offerId} · ${formatDate(reply.startDate)} – ${formatDate(reply.endDate)}`,
    ]),
    facts(analyticsFigures(reply)),
    ...(trend
      ? [
          text(`**Redemptions per day**, ${trend.period}`, { spacing: "medium" }),
          text(trend.spark, { fontType: "monospace", size: "large", spacing: "small" }),
          ...smallPrint([trend.summary]),
        ]
      : [text("**Redemptions per day**", { spacing: "medium" }), text("No redemptions recorded yet.")]),
  ];
}
