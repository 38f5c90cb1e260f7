import type { AlertView, DigestLine, DigestView } from "../../core/digest/view-model.js";
import { sparkline } from "../chart/sparkline.js";

/** A digest's lists under their headings, in reading order; empty lists are left out. */
export function digestSections(digest: DigestView): { title: string; lines: DigestLine[] }[] {
  return [
    { title: digest.totals ? "Top offers" : "Running offers", lines: digest.top },
    { title: "Needs a look", lines: digest.bottom },
    { title: "Starting within 7 days", lines: digest.startingSoon },
    { title: "Ending within 7 days", lines: digest.expiringSoon },
    { title: "Budgets", lines: digest.budgets },
  ].filter((section) => section.lines.length > 0);
}

/** A digest as plain text: the console, and the fallback text of chat messages. */
export function renderDigest(digest: DigestView, chart?: { savedTo: string }): string {
  const trend = digest.chart?.series[0];
  return [
    `📊 ${digest.title}`,
    `  ${digest.period}`,
    ...(digest.totals ?? []).map((total) => `  ${total}`),
    ...(digest.note ? [`  ${digest.note}`] : []),
    ...(trend ? [`  Per day: ${sparkline(trend.values)}`] : []),
    ...(chart ? [`  Chart: ${chart.savedTo}`] : []),
    ...digestSections(digest).flatMap(({ title, lines }) => [
      `${title}:`,
      ...lines.map((line) => `  • ${line.title} (#${line.offerId}) — ${line.detail}`),
    ]),
    ...(digest.more > 0 ? [`  …and ${digest.more} more: ${digest.seeAll}`] : []),
  ].join("\n");
}

/** An alert in one line; the offer's title loses its chat bold marks. */
export function renderAlert(alert: AlertView): string {
  return `🔔 ${alert.text.replace(/\*([^*]+)\*/g, '"$1"')} (offer #${alert.offerId})`;
}
