import { describe, expect, it } from "vitest";
import { slashCommand } from "../../fakes/slack/signed.js";
import {
  buttonsOf,
  modalAnswer,
  openedModal,
  submitModal,
  textInput,
  textOf,
  useSlackHarness,
} from "../support.js";

/** Continue on the new-offer form starts a draft; its card lands in the user's DM with the bot. */

const h = useSlackHarness();

/** The empty new-offer form, opened for `user` by `/offers new`. */
async function newOfferForm(user: string) {
  const trigger_id = `${Date.now()}.T1.new`;
  await h.send(slashCommand({ user, channel: "CFORMS", command: "/offers", text: "new", trigger_id }));
  return (await openedModal(h, "new_offer", (call) => call.body.trigger_id === trigger_id)).view;
}

describe("the new-offer form's submission", () => {
  it("closes the modal and posts the new draft's card to the user", async () => {
    const view = await newOfferForm("dealerMarketer");
    const response = await submitModal(h, "dealerMarketer", view, {
      offerType: { offerType: { type: "static_select", selected_option: { value: "dollars_off" } } },
      offerValue: { offerValue: { type: "number_input", value: "15" } },
    });
    expect(await modalAnswer(response)).toEqual({});
    const card = await h.fake.waitFor("chat.postMessage", (call) => /\$15 off/.test(textOf(call)), 10_000);
    expect(card.body).toMatchObject({ channel: "dealerMarketer" });
    expect(buttonsOf(card).length).toBeGreaterThan(0);
  });

  it("keeps the modal open with the error under the bad field, and starts nothing", async () => {
    const view = await newOfferForm("accountManager");
    const posts = h.fake.callsTo("chat.postMessage").length;
    const response = await submitModal(h, "accountManager", view, textInput("promoCode", "no!"));
    const answer = await modalAnswer(response);
    expect(answer).toMatchObject({ response_action: "errors" });
    expect(Object.keys(answer.errors ?? {})).toEqual(["promoCode"]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(h.fake.callsTo("chat.postMessage")).toHaveLength(posts);
  });
});
