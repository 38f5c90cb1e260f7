import { describe, expect, it } from "vitest";
import { type FakeSlackCall, RESPONSE_URL } from "../../fakes/slack/server.js";
import { slashCommand } from "../../fakes/slack/signed.js";
import { buttonsOf, clickOnHome, openHome, textOf, useSlackHarness, waitUntil } from "../support.js";

/**
 * Buttons on offer lists, details and App Home: what they show is for the clicker alone, where they
 * clicked; a duplicate continues as a new draft in the clicker's DM.
 */

const h = useSlackHarness();

/** accountManager types `/offers <text>` in CLISTS. */
const offers = (text: string) =>
  h.send(
    slashCommand({
      user: "accountManager",
      channel: "CLISTS",
      command: "/offers",
      text,
      response_url: h.fake.responseUrl(),
    }),
  );

/** accountManager types `/offers <text>` in CLISTS and clicks `label` in the answer. */
async function clickInAnswer(text: string, label: string) {
  await offers(text);
  const hasLabel = (call: FakeSlackCall) => buttonsOf(call).some((button) => button.text.text === label);
  await h.fake.waitFor(RESPONSE_URL, hasLabel, 10_000);
  await h.click("accountManager", label, { channel: "CLISTS" });
}

/** The Home tab `user` opens, and the offer its first Pause button is for. */
async function homeWithPause(user: string) {
  const home = await openHome(h, user);
  const pause = buttonsOf(home).find((button) => button.text.text === "Pause");
  return { home, offerId: Number((JSON.parse(pause?.value ?? "{}") as { v: string }).v) };
}

const offerStatus = async (id: number) => (await h.app.client.getOffer(id)).offer_status;

describe("offer buttons", () => {
  it("Show on a /offers list in a channel shows the offer to the clicker alone, in that channel", async () => {
    await clickInAnswer("list", "Show");
    const shown = await h.fake.waitFor(
      "chat.postEphemeral",
      (call) => /Offer #\d+/.test(textOf(call)),
      10_000,
    );
    expect(shown.body).toMatchObject({ channel: "CLISTS", user: "accountManager" });
    expect(buttonsOf(shown).map((button) => button.text.text)).toEqual(
      expect.arrayContaining(["Analytics", "Duplicate", "End"]),
    );
    expect(h.fake.callsTo("chat.postMessage").filter((call) => call.body.channel === "CLISTS")).toEqual([]);
  });

  it("Pause on the Home tab pauses the offer and tells the clicker privately", async () => {
    const { home, offerId } = await homeWithPause("dealerMarketer");
    expect(await offerStatus(offerId)).toBe("active");
    await clickOnHome(h, home, "dealerMarketer", "Pause");
    await waitUntil(async () => (await offerStatus(offerId)) === "paused");
    const told = await h.fake.waitFor(
      "chat.postEphemeral",
      (call) => call.body.user === "dealerMarketer",
      10_000,
    );
    expect(told.body).toMatchObject({ channel: "dealerMarketer" });
  });

  it("refuses a viewer's Pause privately and leaves the offer running", async () => {
    const { home, offerId } = await homeWithPause("viewer");
    await clickOnHome(h, home, "viewer", "Pause");
    const refusal = await h.fake.waitFor("chat.postEphemeral", (call) => call.body.user === "viewer", 10_000);
    expect(textOf(refusal)).toMatch(/publisher/);
    expect(await offerStatus(offerId)).toBe("active");
  });

  it("Duplicate starts a new draft, posted to the clicker's DM", async () => {
    await clickInAnswer("show 2", "Duplicate");
    const draft = await h.fake.waitFor(
      "chat.postMessage",
      (call) => /from offer #2/.test(textOf(call)),
      10_000,
    );
    expect(draft.body).toMatchObject({ channel: "accountManager" });
  });
});
