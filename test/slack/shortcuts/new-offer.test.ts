import { describe, expect, it } from "vitest";
import { globalShortcut } from "../../fakes/slack/signed.js";
import { inputsOf, openedModal, submitNewOfferForm, useSlackHarness } from "../support.js";

/** The global "New offer" shortcut opens the whole form; the draft it starts lives in the user's DM. */

const h = useSlackHarness();

describe("the New offer shortcut", () => {
  it("opens the empty new-offer form with the shortcut's trigger", async () => {
    const response = await h.send(
      globalShortcut({ user: "dealerMarketer", callback_id: "new_offer", trigger_id: "777.T1.shortcut" }),
    );
    expect(response.status).toBe(200);
    const { call, view } = await openedModal(h, "new_offer");
    expect(call.body.trigger_id).toBe("777.T1.shortcut");
    expect(view.title.text).toBe("New offer");
    expect(view.submit?.text).toBe("Continue");
    expect(inputsOf(view)).toEqual(
      expect.arrayContaining(["offerType", "offerValue", "promoCode", "startDate"]),
    );
    expect(view.blocks.every((block) => block.element?.initial_value === undefined)).toBe(true);
  });

  it("starts a draft whose card lands in the user's DM", async () => {
    await h.send(
      globalShortcut({ user: "accountManager", callback_id: "new_offer", trigger_id: "778.T1.shortcut" }),
    );
    const { view } = await openedModal(h, "new_offer", (call) => call.body.trigger_id === "778.T1.shortcut");
    const posted = await submitNewOfferForm(h, "accountManager", view, "SHORTCUT5");
    // Posted to the user's id, which Slack delivers in their DM with the bot.
    expect(posted.body).toMatchObject({ channel: "accountManager" });
  });
});
