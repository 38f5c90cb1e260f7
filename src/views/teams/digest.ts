import type { AlertView, DigestLine, DigestView, RedemptionsChart } from "../../core/digest/view-model.js";
import { formatCount } from "../../core/format.js";
import { sparkline } from "../chart/sparkline.js";
import { digestSections, renderAlert, renderDigest } from "../text/digest.js";
import { NO_THREAD_KEY, rowActions, withActions } from "./actions.js";
import { bullet, bytesOf, card, fitGroups, heading, row, smallPrint, text } from "./card.js";
import type { AdaptiveCard, CardElement } from "./elements.js";
import { escapeAndTruncate, escapeText, prefixed, truncatePlain } from "./escape.js";
import { LIMITS } from "./limits.js";

/**
 * A digest as a card. With `chart` (the URL of the digest's chart as a PNG) the chart is an
 * image, if the card stays within its budget with it: a `data:` URL of a week's chart is about
 * 50 KB of base64, so only a URL the bot serves fits. Without it, a text sparkline of the total
 * stands in, so a digest posts either way.
 */
export function digestCard(view: DigestView, chart?: { url: string }): AdaptiveCard {
  const head: CardElement[] = [
    heading(`📊 ${view.title}`),
    ...smallPrint([escapeText(view.period)]),
    ...(view.totals ?? []).map((total) => text(bullet(total), { spacing: "none" })),
    ...(view.note ? [text(prefixed("ℹ️ ", view.note, LIMITS.text))] : []),
  ];
  const more =
    view.more > 0 ? smallPrint([`_…and ${formatCount(view.more)} more: ${escapeText(view.seeAll)}_`]) : [];
  // A heading travels with its first line, so a cut list never ends on a heading alone.
  const groups = digestSections(view).flatMap(({ title, lines }) =>
    lines.map((line, index) => [
      ...(index === 0 ? [text(`**${escapeAndTruncate(title, LIMITS.title)}**`, { spacing: "medium" })] : []),
      lineRow(line),
    ]),
  );
  const digestWith = (chartBody: CardElement[]) =>
    card(renderDigest(view), [
      ...head,
      ...chartBody,
      ...fitGroups(groups, LIMITS.listBytes, "offers"),
      ...more,
    ]);
  const sparkline = view.chart ? sparklineBody(view.chart) : [];
  const withSparkline = digestWith(sparkline);
  if (!view.chart || !chart) return withSparkline;
  const image = imageBody(view.chart, chart.url);
  const fits = bytesOf(withSparkline) - bytesOf(sparkline) + bytesOf(image) <= LIMITS.cardBytes;
  return fits ? digestWith(image) : withSparkline;
}

/** An alert: its sentence, and buttons to act on the offer at once. */
export function alertCard(alert: AlertView): AdaptiveCard {
  const { body, actions } = withActions([text(`🔔 ${alertText(alert.text)}`)], alert.actions, NO_THREAD_KEY);
  return card(renderAlert(alert), body, actions);
}

/** The alert's sentence marks the offer's title `*bold*`: kept bold, and only what was typed escaped. */
function alertText(sentence: string): string {
  return sentence
    .split(/\*([^*]+)\*/)
    .map((part, index) =>
      index % 2 === 1 ? `**${escapeAndTruncate(part, LIMITS.title)}**` : escapeAndTruncate(part, LIMITS.line),
    )
    .join("");
}

/** An offer's line, with Show at hand and its other actions behind the "…" menu. */
function lineRow(line: DigestLine): CardElement {
  return row(
    [
      text(
        prefixed(
          `**${escapeAndTruncate(line.title, LIMITS.title)}** (#${line.offerId}) — `,
          line.detail,
          LIMITS.line,
        ),
      ),
    ],
    rowActions(line.actions, NO_THREAD_KEY),
  );
}

function imageBody(chart: RedemptionsChart, url: string): CardElement[] {
  const series = chart.series.map((line) => line.name).join(", ");
  return [
    text(`**${escapeAndTruncate(chart.title, LIMITS.title)}**`, { spacing: "medium" }),
    {
      type: "Image",
      url,
      altText: truncatePlain(`Line chart of ${chart.title}: ${series}`, LIMITS.line),
      size: "stretch",
    },
  ];
}

function sparklineBody(chart: RedemptionsChart): CardElement[] {
  const total = chart.series[0]?.values ?? [];
  return [
    text(`**${escapeAndTruncate(chart.title, LIMITS.title)}**`, { spacing: "medium" }),
    ...(total.length > 0
      ? [text(sparkline(total), { fontType: "monospace", size: "large", spacing: "small" })]
      : []),
  ];
}
