import { describe, expect, it } from "vitest";
import { modalAnswer, openEditForm, submitModal, textInput, textOf, useSlackHarness } from "../support.js";

/**
 * What both draft forms share: the submission is checked before the modal closes. A form for an
 * older version of the draft, or one whose metadata Slack mangled, is refused and changes nothing.
 */

const h = useSlackHarness();

describe("a draft form's submission", () => {
  it("refuses a form opened before the draft changed, saying to press Edit again", async () => {
    const { view } = await openEditForm(h, "dealerMarketer", "STALE20");
    await h.dm("dealerMarketer", "make it 15%");
    await h.fake.waitFor("chat.update", (call) => textOf(call).includes("15% off"), 10_000);
    const updates = h.fake.callsTo("chat.update").length;

    const response = await submitModal(h, "dealerMarketer", view, textInput("promoCode", "STALE30"));
    const answer = await modalAnswer(response);
    expect(answer.response_action).toBe("errors");
    expect(answer.errors?.promoCode).toMatch(/changed since this form was opened.*Edit again/);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(h.fake.callsTo("chat.update")).toHaveLength(updates);
  });

  it("keeps a form with unreadable metadata open and changes nothing", async () => {
    const before = h.fake.calls.length;
    for (const callback_id of ["edit_draft", "new_offer"]) {
      const response = await submitModal(
        h,
        "dealerMarketer",
        { callback_id, private_metadata: "not json" },
        textInput("promoCode", "LOST20"),
      );
      expect(await modalAnswer(response)).toEqual({ response_action: "errors", errors: {} });
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(h.fake.calls.slice(before)).toEqual([]);
  });
});
