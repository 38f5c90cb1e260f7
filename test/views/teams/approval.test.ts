import { describe, expect, it } from "vitest";
import { approvalCard, approvalOutcomeCard, decodeCardClick } from "../../../src/views/teams/index.js";
import { preview } from "../slack/fixtures.js";
import { actionsOf, assertValidCard, clickOf, HOSTILE, THREAD, textOf } from "./cards.js";

const nameOf = (userId: string) => ({ "aad-1": "Dana Reyes", "aad-2": "Sam Lee" })[userId];

describe("approval request", () => {
  const card = assertValidCard(
    approvalCard({ threadKey: THREAD, preview: preview(), authorId: "aad-1" }, { nameOf }),
  );

  it("shows the draft and who submitted it, by name", () => {
    expect(card.fallbackText).toBe("Approval requested: 20% off spring service");
    expect(textOf(card)).toContain("20% off spring service\n20% off · Mar 1, 2026 – Apr 30, 2026");
    expect(textOf(card)).toContain("📝 Submitted by Dana Reyes");
  });

  it("approves the version it shows, into the author's conversation", () => {
    const [approve] = card.actions ?? [];
    expect(approve).toMatchObject({ type: "Action.Execute", title: "Approve & publish", style: "positive" });
    expect(decodeCardClick(clickOf(approve ?? {}))).toEqual({
      actionId: "approve",
      threadKey: THREAD,
      value: '{"v":3}',
      version: 3,
    });
  });

  it("asks why before rejecting, and sends the reason with the click", () => {
    const reject = card.actions?.[1];
    expect(reject).toMatchObject({ type: "Action.ShowCard", title: "Reject" });
    const shown = (reject as { card: { body: unknown[] } }).card;
    expect(shown.body[0]).toMatchObject({
      type: "Input.Text",
      id: "reason",
      label: "Why is it rejected?",
      isRequired: true,
      isMultiline: true,
    });
    const [send] = actionsOf(shown);
    expect(send).toMatchObject({ type: "Action.Execute", verb: "reject", style: "destructive" });
    expect(decodeCardClick(clickOf(send ?? {}, { reason: "Too generous for March." }))).toEqual({
      actionId: "reject",
      threadKey: THREAD,
      value: '{"v":3}',
      version: 3,
      reason: "Too generous for March.",
    });
  });

  it("shows an id nobody named as it is, escaped", () => {
    const odd = assertValidCard(
      approvalCard({ threadKey: THREAD, preview: preview(), authorId: "[x](https://e)" }),
    );
    expect(textOf(odd)).toContain("📝 Submitted by \\[x\\](https://e)");
  });
});

describe("approval outcome", () => {
  it("becomes one line with no buttons once approved", () => {
    const card = assertValidCard(
      approvalOutcomeCard({ approverId: "aad-2", publishedOfferId: 901, title: "Spring _sale_" }, { nameOf }),
    );
    expect(textOf(card)).toBe("✅ Approved by Sam Lee and published as offer #901 (Spring \\_sale\\_).");
    expect(actionsOf(card)).toEqual([]);
  });

  it("says who rejected it and why", () => {
    const card = assertValidCard(
      approvalOutcomeCard({ approverId: "aad-2", rejectedReason: HOSTILE }, { nameOf }),
    );
    expect(textOf(card)).toMatch(/^↩️ Rejected by Sam Lee: \\\*\\\*Free\\\*\\\*/);
    expect(card.fallbackText).toBe("Approval request rejected.");
    expect(actionsOf(card)).toEqual([]);
  });
});
