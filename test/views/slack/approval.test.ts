import type { types } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import { versionOf } from "../../../src/core/view-models.js";
import {
  approvalCard,
  decodeButtonValue,
  decodeModalMetadata,
  readModalValues,
  rejectReasonModal,
} from "../../../src/views/slack/index.js";
import { buttonsOf, HOSTILE, long, preview, THREAD, textOf } from "./fixtures.js";
import { assertWithinSlackLimits } from "./limits.js";

describe("approvalCard", () => {
  const card = approvalCard({
    threadKey: THREAD,
    preview: preview({ status: "pending_approval", approval: { submittedBy: "U42" } }),
    authorId: "U42",
  });

  it("shows the preview, who submitted it and Approve / Reject for the author's thread and version", () => {
    assertWithinSlackLimits(card.blocks, "message");
    expect(card.text).toBe("Approval requested: 20% off spring service");
    expect(card.blocks[0]).toMatchObject({ type: "header", text: { text: "20% off spring service" } });
    expect(textOf(card.blocks)).toContain("📝 Submitted by <@U42>");
    // The card says who submitted it once; the thread's "waiting for approval" line is not repeated.
    expect(textOf(card.blocks)).not.toContain("Waiting for approval");
    const buttons = buttonsOf(card.blocks);
    expect(buttons.map((button) => [button.action_id, button.style])).toEqual([
      ["approve", "primary"],
      ["reject", undefined],
    ]);
    for (const button of buttons) {
      const decoded = decodeButtonValue(button.value ?? "");
      expect(decoded?.threadKey).toBe(THREAD);
      expect(versionOf(decoded?.value ?? "")).toBe(3);
    }
  });

  it("fits a huge, hostile preview", () => {
    const big = approvalCard({
      threadKey: THREAD,
      preview: preview({
        title: HOSTILE,
        summary: long(10_000),
        sections: [{ title: "Offer", fields: [{ label: "Description", value: long(10_000) }] }],
        issues: Array.from({ length: 30 }, (_, i) => ({
          field: "draft" as const,
          severity: "warning" as const,
          message: long(500),
          fix: long(500),
          rule: `r${i}`,
        })),
      }),
      authorId: "<!channel>",
    });
    assertWithinSlackLimits(big.blocks, "message");
    expect(textOf(big.blocks)).toContain("Submitted by &lt;!channel&gt;");
    expect(big.text).not.toContain("<");
  });
});

describe("rejectReasonModal", () => {
  const view = rejectReasonModal({ threadKey: THREAD, version: 3 });

  it("asks for one multiline reason and remembers the thread and version", () => {
    assertWithinSlackLimits(view, "modal");
    expect(view.callback_id).toBe("reject_reason");
    expect(decodeModalMetadata(view.private_metadata ?? "")).toEqual({ threadKey: THREAD, version: 3 });
    const inputs = view.blocks.filter((block): block is types.InputBlock => block.type === "input");
    expect(inputs).toHaveLength(1);
    expect(inputs[0]).toMatchObject({
      block_id: "reason",
      element: { type: "plain_text_input", action_id: "reason", multiline: true },
    });
    expect(inputs[0]?.optional).not.toBe(true);
    expect(
      readModalValues({ reason: { reason: { type: "plain_text_input", value: "Too generous." } } }),
    ).toEqual({ reason: "Too generous." });
  });
});
