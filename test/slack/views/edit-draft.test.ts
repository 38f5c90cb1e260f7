import { describe, expect, it } from "vitest";
import { modalAnswer, openEditForm, submitModal, textInput, textOf, useSlackHarness } from "../support.js";

/** Saving the Edit form changes the draft: the modal closes and the card updates in place. */

const h = useSlackHarness();

describe("the Edit form's submission", () => {
  it("closes the modal and updates the draft's card in place", async () => {
    const { card, view } = await openEditForm(h, "dealerMarketer", "SAVED20");
    const response = await submitModal(h, "dealerMarketer", view, {
      offerValue: { offerValue: { type: "number_input", value: "25" } },
    });
    expect(await modalAnswer(response)).toEqual({});
    const updated = await h.fake.waitFor("chat.update", (call) => textOf(call).includes("25% off"), 10_000);
    expect(updated.body).toMatchObject({ channel: card.response.channel, ts: card.response.ts });
    expect(textOf(updated)).toContain("SAVED20");
  });

  it("keeps the modal open with the error under the promo code, and leaves the card alone", async () => {
    const { view } = await openEditForm(h, "editorOnly", "KEEPIT20");
    const updates = h.fake.callsTo("chat.update").length;
    const response = await submitModal(h, "editorOnly", view, textInput("promoCode", "no!"));
    const answer = await modalAnswer(response);
    expect(answer.response_action).toBe("errors");
    expect(Object.keys(answer.errors ?? {})).toEqual(["promoCode"]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(h.fake.callsTo("chat.update")).toHaveLength(updates);
  });
});
