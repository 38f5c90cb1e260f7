import type { AlertView, DigestLine, DigestView } from "../../core/digest/view-model.js";
import { sparkline } from "../chart/sparkline.js";

/** A digest as plain text: the console, and the fallback text of chat messages. */
export function renderDigest(digest: DigestView, chart?: { savedTo: string }): string {
  const section = (title: string, items: DigestLine[]) =>
    items.length === 0 ? [] : [title, ...items.map((line) => `  • ${line.title} (#${line.offerId}) — ${line.detail}`)];
  const trend = digest.chart?.series[0];
  return [
    `📊 ${digest.title}`,
    `  ${digest.period}`,
    ...(digest.totals ?? []).map((total) => `  ${total}`),
    ...(digest.note ? [`  ${digest.note}`] : []),
    ...(trend ? [`  Per day: ${sparkline(trend.values)}`] : []),
    ...(chart ? [`  Chart: ${chart.savedTo}`] : []),
    ...section(digest.totals ? "Top offers:" : "Running offers:", digest.top),
    ...section("Needs a look:", digest.bottom),
    ...section("Starting within 7 days:", digest.startingSoon),
    ...section("Ending within 7 days:", digest.expiringSoon),
    ...(digest.more > 0 ? [`  …and ${digest.more} more: ${digest.seeAll}`] : []),
  ].join("\n");
}

/** An alert in one line; the offer's title loses its chat bold marks. */
export function renderAlert(alert: AlertView): string {
  return `🔔 ${alert.text.replace(/\*([^*]+)\*/g, '"$1"')} (offer #${alert.offerId})`;
}
