import type { types } from "@slack/bolt";
import type { AlertView, DigestLine, DigestView, RedemptionsChart } from "../../core/digest/view-model.js";
import { formatCount } from "../../core/format.js";
import { sparkline } from "../chart/sparkline.js";
import { digestSections, renderAlert, renderDigest } from "../text/digest.js";
import {
  context,
  fitGroups,
  fitLines,
  header,
  LINE_MAX,
  notificationText,
  prefixed,
  section,
} from "./blocks.js";
import { actionsBlocks, actionsMenu, NO_THREAD_KEY } from "./buttons.js";
import { escapeAndTruncate, escapeText, truncatePlain } from "./escape.js";
import { LIMITS } from "./limits.js";

/** The action id of a digest line's "…" menu; the chosen option names the offer action. */
export const OFFER_MENU_ACTION = "offer_menu";

type SlackMessage = { text: string; blocks: types.KnownBlock[] };

/**
 * A digest as a Slack message. With `chart` (an uploaded PNG of the digest's chart) the chart is
 * an image; without it, a text sparkline of the total stands in, so a digest posts either way.
 */
export function digestMessage(view: DigestView, chart?: { fileId: string }): SlackMessage {
  const head: types.KnownBlock[] = [
    header(`📊 ${view.title}`),
    context([escapeText(view.period)]),
    ...(view.totals?.length
      ? [
          section(
            fitLines(
              view.totals.map((total) => `• ${escapeText(total)}`),
              LIMITS.text,
              "figures",
            ),
          ),
        ]
      : []),
    ...(view.note ? [section(prefixed("ℹ️ ", view.note))] : []),
    ...(view.chart ? [chartBlock(view.chart, chart)] : []),
  ];
  const more =
    view.more > 0 ? [context([`_…and ${formatCount(view.more)} more: ${escapeText(view.seeAll)}_`])] : [];
  // A heading travels with its first line, so a cut list never ends on a heading alone.
  const groups = digestSections(view).flatMap(({ title, lines }) =>
    lines.map((line, index) => [
      ...(index === 0 ? [section(`*${escapeAndTruncate(title, LIMITS.header)}*`)] : []),
      lineBlock(line),
    ]),
  );
  const room = LIMITS.messageBlocks - head.length - more.length;
  return {
    text: notificationText(renderDigest(view)),
    blocks: [...head, ...fitGroups(groups, room, "offers"), ...more],
  };
}

/** An alert: its sentence, and buttons to act on the offer at once. */
export function alertMessage(alert: AlertView): SlackMessage {
  return {
    text: notificationText(renderAlert(alert)),
    blocks: [
      // The text marks the title bold itself; only what a marketer typed needs escaping.
      section(prefixed("🔔 ", alert.text)),
      ...actionsBlocks(alert.actions, NO_THREAD_KEY),
    ],
  };
}

function lineBlock(line: DigestLine): types.SectionBlock {
  const title = `*${escapeAndTruncate(line.title, LIMITS.header)}* (#${line.offerId}) — `;
  return section(
    prefixed(title, line.detail, LINE_MAX),
    actionsMenu(line.actions, NO_THREAD_KEY, OFFER_MENU_ACTION),
  );
}

function chartBlock(chart: RedemptionsChart, file: { fileId: string } | undefined): types.KnownBlock {
  if (file) {
    const series = chart.series.map((line) => line.name).join(", ");
    return {
      type: "image",
      slack_file: { id: file.fileId },
      alt_text: truncatePlain(`Line chart of ${chart.title}: ${series}`, LIMITS.imageAltText),
      title: { type: "plain_text", text: truncatePlain(chart.title, LIMITS.header), emoji: true },
    };
  }
  const total = chart.series[0]?.values ?? [];
  const title = `*${escapeAndTruncate(chart.title, LIMITS.header)}*`;
  return section(total.length > 0 ? `${title}\n\`${sparkline(total)}\`` : title);
}
