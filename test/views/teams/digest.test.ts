import { describe, expect, it } from "vitest";
import type { AlertView } from "../../../src/core/digest/view-model.js";
import { redemptionsPng } from "../../../src/views/chart/redemptions.js";
import { alertCard, decodeCardClick, digestCard, NO_THREAD_KEY } from "../../../src/views/teams/index.js";
import { digest, digestLine, long } from "../slack/fixtures.js";
import { assertValidCard, buttonsOf, bytesOf, clickOf, HOSTILE, textOf, titlesOf } from "./cards.js";

const render = (...args: Parameters<typeof digestCard>) => assertValidCard(digestCard(...args));

const lines = (count: number, from: number) =>
  Array.from({ length: count }, (_, i) => digestLine(from + i, long(200), long(400)));

const imagesOf = (card: unknown) => JSON.stringify(card).match(/"type":"Image"/g) ?? [];

describe("digest card", () => {
  it("heads with the title, the period and the totals, each list under its heading, a line per offer", () => {
    const card = render(digest());
    const text = textOf(card);
    expect(text).toMatch(
      /^📊 Weekly offer digest · All merchants\nNov 23 – Nov 29, 2026 · as of Nov 30, 2026, 9:00 AM CST\n• 42 redemptions/,
    );
    for (const heading of ["Top offers", "Needs a look", "Starting within 7 days", "Ending within 7 days"])
      expect(text).toContain(`**${heading}**`);
    expect(text).toContain("**20% off spring service** (#1) — 12 redemptions");
    expect(text).toContain("**Winter tires** (#3) — starts Dec 2, 2026");
    expect(card.fallbackText).toMatch(/^📊 Weekly offer digest/);
  });

  it("gives each line Show at hand and Pause / Extend / Analytics behind the … menu", () => {
    const card = render(digest());
    const buttons = buttonsOf(card);
    expect(titlesOf(buttons)).toEqual(
      Array.from({ length: 4 }, () => ["Show", "Pause", "Extend", "Analytics"]).flat(),
    );
    expect(buttons.slice(0, 4).map((button) => button.mode)).toEqual([
      undefined,
      "secondary",
      "secondary",
      "secondary",
    ]);
    expect(buttons.slice(0, 4).map((button) => decodeCardClick(clickOf(button)))).toEqual([
      { actionId: "offer_show", threadKey: NO_THREAD_KEY, value: "1" },
      { actionId: "offer_pause", threadKey: NO_THREAD_KEY, value: "1" },
      { actionId: "offer_extend", threadKey: NO_THREAD_KEY, value: "1" },
      { actionId: "offer_analytics", threadKey: NO_THREAD_KEY, value: "1" },
    ]);
  });

  it("shows the chart from the URL the bot serves it at, named in its alt text", () => {
    const card = render(digest(), { url: "https://bot.example.com/charts/abc.png" });
    expect(card.body).toContainEqual({
      type: "Image",
      url: "https://bot.example.com/charts/abc.png",
      altText:
        "Line chart of Redemptions per day · Nov 23 – Nov 29, 2026: All offers, 20% off spring service",
      size: "stretch",
    });
    expect(textOf(card)).not.toContain("▃▅▇▄█▆▆");
  });

  it("takes a data: URL only while the card stays small: a real week's chart is too big, so the sparkline stands in", () => {
    const view = digest();
    const png = redemptionsPng(view.chart ?? { title: "", days: [], series: [] });
    const url = `data:image/png;base64,${png.toString("base64")}`;
    expect(url.length).toBeGreaterThan(30_000);
    const card = render(view, { url });
    expect(imagesOf(card)).toHaveLength(0);
    expect(textOf(card)).toContain("**Redemptions per day · Nov 23 – Nov 29, 2026**\n▃▅▇▄█▆▆");
    const tiny =
      "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4z8DwHwAFAAH/iZk9HQAAAABJRU5ErkJggg==";
    expect(imagesOf(render(view, { url: tiny }))).toHaveLength(1);
  });

  it("shows a sparkline of the total without a chart image, and nothing without a chart", () => {
    expect(textOf(render(digest()))).toContain("▃▅▇▄█▆▆");
    expect(textOf(render(digest({ chart: undefined })))).not.toContain("Redemptions per day");
  });

  it("says why figures are missing instead of totals", () => {
    const text = textOf(render(digest({ totals: undefined, note: "Redemption figures aren't available." })));
    expect(text).toContain("ℹ️ Redemption figures aren't available.");
    expect(text).toContain("**Running offers**");
  });

  it("keeps every list full of long titles within the card's size, with its chart, counting what is left out", () => {
    const card = render(
      digest({
        title: long(300),
        note: long(4000),
        top: lines(5, 1),
        bottom: lines(3, 10),
        startingSoon: lines(5, 20),
        expiringSoon: lines(5, 30),
        budgets: lines(5, 40),
        more: 1234,
      }),
      { url: `https://bot.example.com/charts/${"a".repeat(40)}.png` },
    );
    expect(imagesOf(card)).toHaveLength(1);
    expect(textOf(card)).toMatch(/…and \d+ more offers/);
    expect(textOf(card).endsWith("_…and 1,234 more: /offers list_")).toBe(true);
    expect(bytesOf(card)).toBeGreaterThan(15_000);
  });

  it("shows what a marketer typed literally", () => {
    const text = textOf(render(digest({ top: [digestLine(1, HOSTILE, HOSTILE)], period: HOSTILE })));
    expect(text).not.toMatch(/(^|[^\\])\[click here\]\(/);
    expect(text).toContain("**\\*\\*Free\\*\\* \\[click here\\](https://evil.example) \\_now\\_");
  });
});

describe("alert card", () => {
  const alert: AlertView = {
    kind: "alert",
    offerId: 7,
    text: "*Spring [sale](https://evil.example)* has 2 redemptions in 7 days, 80% below its first week.",
    actions: digestLine(7).actions.filter((action) => action.id !== "offer_show"),
  };

  it("says what needs attention, the title bold and escaped, with the offer's actions as buttons", () => {
    const card = assertValidCard(alertCard(alert));
    expect(textOf(card)).toBe(
      "🔔 **Spring \\[sale\\](https://evil.example)** has 2 redemptions in 7 days, 80% below its first week.",
    );
    expect((card.actions ?? []).map((action) => decodeCardClick(clickOf(action)))).toEqual([
      { actionId: "offer_pause", threadKey: NO_THREAD_KEY, value: "7" },
      { actionId: "offer_extend", threadKey: NO_THREAD_KEY, value: "7" },
      { actionId: "offer_analytics", threadKey: NO_THREAD_KEY, value: "7" },
    ]);
    expect(card.fallbackText).toBe(
      '🔔 "Spring \\[sale\\](https://evil.example)" has 2 redemptions in 7 days, 80% below its first week. (offer #7)',
    );
  });
});
