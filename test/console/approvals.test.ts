import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/bot.js";
import { consoleScreen } from "./support.js";

/**
 * Approvals in the console run through the same core workflow as in Slack: an editor submits, an
 * approver (the same terminal, acting as another user from the roles file) approves, and the offer
 * is published once.
 */

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});

afterAll(async () => {
  await app.close();
});

const chat = (lines: string[]) => consoleScreen(app, "viewer", lines);

describe("approvals in the console", () => {
  it("an editor submits, an approver approves as another user, and the offer is published once", async () => {
    const screen = await chat([
      "/as nobody",
      "/as editorOnly",
      "20% off all equipment in December, code CONSOLEOK20, 3 uses per customer, 1000 total, budget $50k",
      "3",
      "/as approver",
      "1",
    ]);
    expect(screen).toMatch(/No one called "nobody" has a role\. Act as: .*approver \(viewer, approver\)/);
    expect(screen).toContain("You are now editorOnly (viewer, editor), in the same conversation.");
    expect(screen).toMatch(/1\) Publish\n\s+2\) Edit\n\s+3\) Submit for approval/);
    expect(screen).toMatch(/📋 Approval requested: ".+", submitted by editorOnly\./);
    expect(screen).toContain("You are now approver (viewer, approver), in the same conversation.");
    const approved = /📋 Approval request: ✅ approved by approver and published as offer #(\d+)/.exec(
      screen,
    );
    expect(approved).not.toBeNull();
    expect(screen.match(/📋 Approval requested/g)).toHaveLength(1);
    expect(screen.match(/✅ Published ".*" as offer #\d+/g)).toHaveLength(1);
    const code = await app.client.findPromoCode("CONSOLEOK20");
    expect(code?.offer_id).toBe(Number(approved?.[1]));
  });

  it("takes 'submit for approval' typed in words the same as the button", async () => {
    const screen = await chat([
      "/as editorOnly",
      "20% off all equipment in December, code CONSOLEWORDS, 3 uses per customer, 1000 total, budget $50k",
      "ok send it for approval",
    ]);
    expect(screen.match(/📋 Approval requested: ".+", submitted by editorOnly\./g)).toHaveLength(1);
  });
});
