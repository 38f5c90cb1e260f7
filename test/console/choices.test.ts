import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/bot.js";
import { consoleScreen } from "./support.js";

/**
 * Numbers typed in the console: a number picks a choice only from the list just shown, never a
 * value that is itself a number, and never a button of an offer card shown in passing.
 */

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});

afterAll(async () => {
  await app.close();
});

const chat = (lines: string[]) => consoleScreen(app, "dealerMarketer", lines);

describe("numbered choices in the console", () => {
  it("reads a typed number as the value when the suggestions are numbers, and keeps preview numbers stable", async () => {
    const screen = await chat([
      "20% off all equipment for John Deere dealers in December, code CHOICE20, budget $50k",
      "3",
      "1000",
      "/offers show 1",
      "3",
      "publish",
    ]);
    // Numeric suggestions are shown as examples, not numbered.
    expect(screen).toContain("(e.g. 1, 3, 5, Unlimited)");
    expect(screen).toMatch(/Uses per customer: 3\b/);
    expect(screen).toMatch(/1\) Publish\n\s+2\) Edit\n\s+3\) Submit for approval\n\s+4\) Cancel/);
    // After the offer card, "3" is not that card's third button (Duplicate).
    expect(screen).toContain('(type e.g. "pause #1", "duplicate #1", "how is #1 doing?")');
    expect(screen).not.toMatch(/Started a new draft from offer #1/);
    expect(screen).toMatch(/didn't catch a change/);
    const published = /Published ".*" as offer #(\d+)/.exec(screen);
    expect(published).not.toBeNull();
    expect(await app.client.redemptionControls.list({ offer_id: Number(published?.[1]) })).toMatchObject([
      { usage_limit_per_customer: 3, total_usage_limit: 1000 },
    ]);
  });
});
