import { describe, expect, it } from "vitest";
import {
  clickOnHome,
  inputsOf,
  openedModal,
  openHome,
  submitNewOfferForm,
  useSlackHarness,
} from "../support.js";

/** "New offer" on the Home tab opens the empty form; the draft it starts continues in the clicker's DM. */

const h = useSlackHarness();

describe("New offer on App Home", () => {
  it("opens the new-offer form with the click's trigger, and its draft lands with the clicker", async () => {
    const home = await openHome(h, "dealerMarketer");
    const response = await clickOnHome(h, home, "dealerMarketer", "New offer", "55.T1.home");
    expect(response.status).toBe(200);
    const { call, view } = await openedModal(h, "new_offer");
    expect(call.body.trigger_id).toBe("55.T1.home");
    expect(view.title.text).toBe("New offer");
    expect(inputsOf(view)).toEqual(expect.arrayContaining(["offerType", "offerValue", "promoCode"]));

    const posted = await submitNewOfferForm(h, "dealerMarketer", view, "HOMEFORM5");
    expect(posted.body).toMatchObject({ channel: "dealerMarketer" });
  });
});
