import type { types } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import type { AlertView } from "../../../src/core/digest/view-model.js";
import {
  alertMessage,
  decodeButtonValue,
  decodeOptionValue,
  digestMessage,
  NO_THREAD_KEY,
  OFFER_MENU_ACTION,
} from "../../../src/views/slack/index.js";
import { buttonsOf, digest, digestLine, elementsOf, HOSTILE, long, textOf } from "./fixtures.js";
import { assertWithinSlackLimits } from "./limits.js";

const render = (...args: Parameters<typeof digestMessage>) => {
  const message = digestMessage(...args);
  assertWithinSlackLimits(message.blocks, "message");
  expect(message.text.length).toBeGreaterThan(0);
  expect(message.text.length).toBeLessThanOrEqual(300);
  return message;
};

const menusOf = (blocks: types.KnownBlock[]) =>
  elementsOf(blocks).filter((element) => element.type === "overflow") as unknown as types.Overflow[];

const lines = (count: number, from: number) =>
  Array.from({ length: count }, (_, i) => digestLine(from + i, long(200), long(400)));

describe("digest message", () => {
  it("stays within Slack's limits with every list full and long titles", () => {
    const { blocks } = render(
      digest({
        title: long(300),
        note: long(4000),
        top: lines(5, 1),
        bottom: lines(3, 10),
        startingSoon: lines(5, 20),
        expiringSoon: lines(5, 30),
        more: 1234,
      }),
    );
    expect(menusOf(blocks)).toHaveLength(18);
    expect(blocks.at(-1)).toEqual({
      type: "context",
      elements: [{ type: "mrkdwn", text: "_…and 1,234 more: /offers list_", verbatim: true }],
    });
  });

  it("cuts whole lines, counted in a note, when lists would pass 50 blocks", () => {
    const { blocks } = render(digest({ top: lines(60, 1), more: 3 }));
    expect(blocks).toHaveLength(50);
    expect(textOf(blocks.at(-2))).toMatch(/…and \d+ more offers/);
  });

  it("heads with the title, the period and the totals, each list under its heading", () => {
    const { blocks, text } = render(digest());
    expect(blocks[0]).toMatchObject({
      type: "header",
      text: { text: "📊 Weekly offer digest · All merchants" },
    });
    expect(textOf(blocks[1])).toContain("Nov 23 – Nov 29, 2026");
    expect(textOf(blocks[2])).toContain("• 42 redemptions (+12% vs the previous week)");
    const headings = ["Top offers", "Needs a look", "Starting within 7 days", "Ending within 7 days"];
    for (const heading of headings) expect(textOf(blocks)).toContain(`*${heading}*`);
    expect(textOf(blocks)).toContain("*20% off spring service* (#1) — 12 redemptions");
    expect(text).toMatch(/^📊 Weekly offer digest/);
  });

  it("shows the chart as the uploaded Slack file, named in its alt text", () => {
    const { blocks } = render(digest(), { fileId: "F123" });
    const image = blocks.find((block) => block.type === "image");
    expect(image).toMatchObject({
      slack_file: { id: "F123" },
      alt_text:
        "Line chart of Redemptions per day · Nov 23 – Nov 29, 2026: All offers, 20% off spring service",
    });
  });

  it("falls back to a text sparkline of the total without an uploaded chart, and to nothing without a chart", () => {
    const { blocks } = render(digest());
    expect(blocks.some((block) => block.type === "image")).toBe(false);
    expect(textOf(blocks)).toContain("*Redemptions per day · Nov 23 – Nov 29, 2026*\\n`▃▅▇▄█▆▆`");
    expect(textOf(render(digest({ chart: undefined })).blocks)).not.toContain("Redemptions per day");
  });

  it("says why figures are missing instead of totals", () => {
    const { blocks } = render(digest({ totals: undefined, note: "Redemption figures aren't available." }));
    expect(textOf(blocks)).toContain("ℹ️ Redemption figures aren't available.");
    expect(textOf(blocks)).toContain("*Running offers*");
  });

  it("offers each line's actions in a menu whose options name the action and the offer", () => {
    const { blocks } = render(digest());
    const [menu] = menusOf(blocks);
    expect(menu?.action_id).toBe(OFFER_MENU_ACTION);
    expect(menu?.options.map((option) => option.text.text)).toEqual(["Show", "Pause", "Extend", "Analytics"]);
    expect(menu?.options.map((option) => decodeOptionValue(option.value ?? ""))).toEqual([
      { id: "offer_show", threadKey: NO_THREAD_KEY, value: "1" },
      { id: "offer_pause", threadKey: NO_THREAD_KEY, value: "1" },
      { id: "offer_extend", threadKey: NO_THREAD_KEY, value: "1" },
      { id: "offer_analytics", threadKey: NO_THREAD_KEY, value: "1" },
    ]);
  });

  it("shows what a marketer typed literally", () => {
    const { blocks } = render(digest({ top: [digestLine(1, HOSTILE, HOSTILE)], period: HOSTILE }));
    expect(textOf(blocks)).not.toMatch(/<!channel>|<@U123>|<https:/);
  });
});

describe("alert message", () => {
  const alert: AlertView = {
    kind: "alert",
    offerId: 7,
    text: "*Spring <!channel> sale* has 2 redemptions in 7 days, 80% below its first week.",
    actions: digestLine(7).actions.filter((action) => action.id !== "offer_show"),
  };

  it("says what needs attention, with the offer's actions as buttons", () => {
    const { blocks, text } = alertMessage(alert);
    assertWithinSlackLimits(blocks, "message");
    expect(textOf(blocks[0])).toContain("🔔 *Spring &lt;!channel&gt; sale* has 2 redemptions");
    expect(
      buttonsOf(blocks).map((button) => [button.action_id, decodeButtonValue(button.value ?? "")]),
    ).toEqual([
      ["offer_pause", { threadKey: NO_THREAD_KEY, value: "7" }],
      ["offer_extend", { threadKey: NO_THREAD_KEY, value: "7" }],
      ["offer_analytics", { threadKey: NO_THREAD_KEY, value: "7" }],
    ]);
    expect(text).toBe(
      '🔔 "Spring &lt;!channel&gt; sale" has 2 redemptions in 7 days, 80% below its first week. (offer #7)',
    );
  });
});
