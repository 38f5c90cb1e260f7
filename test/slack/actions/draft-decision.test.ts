import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeSlackCall } from "../../fakes/slack/server.js";
import { RESPONSE_URL } from "../../fakes/slack/server.js";
import { blockAction, slashCommand } from "../../fakes/slack/signed.js";
import { SEED_MESSAGE } from "../../support/seed.js";
import { buttonsOf, clickOn, type SlackHarness, startSlackHarness, waitUntil } from "../support.js";

/** Publish turns the card into the published offer; clicks on old cards are answered privately. */

let h: SlackHarness;

beforeAll(async () => {
  h = await startSlackHarness();
});

afterAll(async () => {
  await h.close();
});

const bodyOf = (call: FakeSlackCall) => JSON.stringify(call.body);

describe("Publish", () => {
  it("updates the card in place to the published offer, and answers later clicks on old cards privately", async () => {
    const code = "INPLACE20";
    await h.dm("dealerMarketer", SEED_MESSAGE.replace("DEALER20", code));
    const oldCard = await h.fake.waitFor("chat.postMessage", (call) => bodyOf(call).includes(code), 10_000);

    // Resuming the draft posts the card anew, leaving the first one behind as an old copy.
    await h.send(
      slashCommand({
        user: "dealerMarketer",
        channel: "DdealerMarketer",
        command: "/offers",
        text: "drafts",
        response_url: h.fake.responseUrl(),
      }),
    );
    const drafts = await h.fake.waitFor(RESPONSE_URL, (call) => bodyOf(call).includes("Resume"), 10_000);
    const resumeButton = buttonsOf(drafts).find((button) => button.text.text.startsWith("Resume"));
    if (!resumeButton) throw new Error("no Resume button");
    await h.send(
      blockAction({
        user: "dealerMarketer",
        action_id: resumeButton.action_id,
        value: resumeButton.value,
        channel: "DdealerMarketer",
      }),
    );
    const liveCard = await h.fake.waitFor(
      "chat.postMessage",
      (call) => call !== oldCard && bodyOf(call).includes(code) && buttonsOf(call).length > 0,
      10_000,
    );

    await clickOn(h, liveCard, "dealerMarketer", "Publish");
    const published = await h.fake.waitFor(
      "chat.update",
      (call) => /Published/.test(bodyOf(call)) && (call.body as { ts: string }).ts === liveCard.response.ts,
      10_000,
    );
    const offerId = /offer \*#(\d+)\*/.exec(bodyOf(published))?.[1];
    expect(offerId).toBeDefined();
    expect(buttonsOf(published).map((button) => button.text.text)).toEqual(["Show"]);
    expect(h.fake.callsTo("chat.postMessage").filter((call) => /Published/.test(bodyOf(call)))).toEqual([]);

    const postsBefore = h.fake.callsTo("chat.postMessage").length;
    await clickOn(h, oldCard, "accountManager", "Publish");
    const told = await h.fake.waitFor(
      "chat.postEphemeral",
      (call) => bodyOf(call).includes(`already published as offer #${offerId}`),
      10_000,
    );
    expect(told.body).toMatchObject({ user: "accountManager" });
    await clickOn(h, oldCard, "dealerMarketer", "Edit");
    await h.fake.waitFor("chat.postEphemeral", (call) => /out of date/.test(bodyOf(call)), 10_000);
    expect(h.fake.callsTo("views.open")).toEqual([]);
    expect(h.fake.callsTo("chat.postMessage")).toHaveLength(postsBefore);

    await clickOn(h, published, "accountManager", "Show");
    await waitUntil(() =>
      h.fake.callsTo("chat.postEphemeral").some((call) => bodyOf(call).includes(`Offer #${offerId}:`)),
    );
  });
});
