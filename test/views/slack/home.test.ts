import type { types } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import { appHomeView, decodeButtonValue, NO_THREAD_KEY } from "../../../src/views/slack/index.js";
import { buttonsOf, HOSTILE, offer, textOf } from "./fixtures.js";
import { assertWithinSlackLimits } from "./limits.js";

const draft = (i: number) => ({
  threadKey: `slack:T1:D1:${i}.0`,
  title: `Draft ${i}`,
  status: "collecting" as const,
  updatedAt: "2026-03-01T09:00:00Z",
});

describe("appHomeView", () => {
  it("has a header, the New offer button, recent offers with quick actions and drafts with Resume", () => {
    const view = appHomeView({
      recentOffers: [offer(1), offer(2, { status: "paused" }), offer(3, { status: "expired" })],
      drafts: [draft(1)],
    });
    assertWithinSlackLimits(view, "home");
    expect(view.type).toBe("home");
    expect(view.blocks[0]).toMatchObject({ type: "header", text: { text: "Kigo Offer Manager" } });
    const blocks = view.blocks as types.KnownBlock[];
    const buttons = buttonsOf(blocks);
    expect(buttons[0]).toMatchObject({
      action_id: "home_new_offer",
      style: "primary",
      text: { text: "New offer" },
    });
    const row = (offerId: number) =>
      buttons
        .filter((button) => decodeButtonValue(button.value ?? "")?.value === String(offerId))
        .map((button) => button.action_id);
    expect(row(1)).toEqual(["offer_show", "offer_pause", "offer_analytics"]);
    expect(row(2)).toEqual(["offer_show", "offer_resume", "offer_analytics"]);
    expect(row(3)).toEqual(["offer_show", "offer_analytics"]);
    expect(decodeButtonValue(buttons[1]?.value ?? "")?.threadKey).toBe(NO_THREAD_KEY);
    const resume = buttons.at(-1);
    expect(resume?.action_id).toBe("draft_resume");
    expect(decodeButtonValue(resume?.value ?? "")).toEqual({
      threadKey: "slack:T1:D1:1.0",
      value: "slack:T1:D1:1.0",
    });
  });

  it("says when there is nothing yet", () => {
    const view = appHomeView({ recentOffers: [], drafts: [] });
    assertWithinSlackLimits(view, "home");
    expect(textOf(view.blocks)).toContain("No offers yet.");
    expect(textOf(view.blocks)).toContain("No open drafts.");
  });

  it("fits 40 offers and 80 drafts in 100 blocks, counting what is left out", () => {
    const view = appHomeView({
      recentOffers: Array.from({ length: 40 }, (_, i) => offer(i + 1, { title: `${HOSTILE} ${i}` })),
      drafts: Array.from({ length: 80 }, (_, i) => draft(i)),
    });
    assertWithinSlackLimits(view, "home");
    expect(view.blocks).toHaveLength(100);
    expect(textOf(view.blocks)).toContain("…and 21 more offers");
    expect(textOf(view.blocks)).toMatch(/…and \d+ more drafts/);
    expect(textOf(view.blocks)).not.toContain("<!channel>");
  });
});
