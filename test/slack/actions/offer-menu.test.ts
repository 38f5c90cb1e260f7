import { describe, expect, it } from "vitest";
import { digestMessage, OFFER_MENU_ACTION } from "../../../src/views/slack/index.js";
import { blockAction } from "../../fakes/slack/signed.js";
import { digest, digestLine } from "../../views/slack/fixtures.js";
import { textOf, useSlackHarness, waitUntil } from "../support.js";

/**
 * The "…" menu on a digest's offer lines: choosing an option does what the offer's button does,
 * and answers only the person who chose it, where they chose it.
 */

const h = useSlackHarness();
const CHANNEL = "CDIGEST";

/** The option labelled `label` in the menu of offer `offerId`'s line of a digest, as Slack sends it back. */
function optionOf(
  offerId: number,
  label: string,
): { text: { type: "plain_text"; text: string }; value: string } {
  const only = { top: [digestLine(offerId)], bottom: [], startingSoon: [], expiringSoon: [] };
  const menus = digestMessage(digest(only)).blocks.flatMap((block) =>
    block.type === "section" && block.accessory?.type === "overflow" ? [block.accessory] : [],
  );
  const option = menus[0]?.options.find((candidate) => candidate.text.text === label);
  if (!option?.value) throw new Error(`no ${label} in the menu`);
  return { text: { type: "plain_text", text: label }, value: option.value };
}

const choose = (user: string, option: ReturnType<typeof optionOf>) =>
  h.send(blockAction({ user, action_id: OFFER_MENU_ACTION, selected_option: option, channel: CHANNEL }));

const toldTo = (user: string, pattern: RegExp) =>
  h.fake.waitFor(
    "chat.postEphemeral",
    (call) => call.body.user === user && pattern.test(textOf(call)),
    10_000,
  );

/** An offer that is running, for a pause to change. */
async function activeOfferId(): Promise<number> {
  const { items } = await h.app.client.listOffers({ offer_status: "active" });
  const [offer] = items;
  if (!offer) throw new Error("the sandbox has no active offer");
  return offer.offer_id;
}

describe("offer menu", () => {
  it("Show shows the offer to the chooser alone, in the digest's channel", async () => {
    const response = await choose("accountManager", optionOf(2, "Show"));
    expect(response.status).toBe(200);
    const shown = await toldTo("accountManager", /Offer #2/);
    expect(shown.body).toMatchObject({ channel: CHANNEL, user: "accountManager" });
    expect(h.fake.callsTo("chat.postMessage").filter((call) => call.body.channel === CHANNEL)).toEqual([]);
  });

  it("Analytics shows the offer's figures to the chooser", async () => {
    await choose("accountManager", optionOf(2, "Analytics"));
    const figures = await toldTo("accountManager", /Redemptions per day/);
    expect(figures.body.channel).toBe(CHANNEL);
  });

  it("Pause pauses the offer, and a viewer's Pause is refused privately", async () => {
    const offerId = await activeOfferId();
    await choose("viewer", optionOf(offerId, "Pause"));
    expect(textOf(await toldTo("viewer", /publisher/))).toMatch(/publisher/);
    expect((await h.app.client.getOffer(offerId)).offer_status).toBe("active");
    await choose("accountManager", optionOf(offerId, "Pause"));
    await waitUntil(async () => (await h.app.client.getOffer(offerId)).offer_status === "paused");
  });

  it("ignores an option that is not an offer action", async () => {
    const forged = {
      text: { type: "plain_text" as const, text: "Approve" },
      value: JSON.stringify({ a: "approve", k: "", v: "1" }),
    };
    const before = h.fake.calls.length;
    expect((await choose("approver", forged)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(h.fake.calls.slice(before).filter((call) => call.body.user === "approver")).toEqual([]);
  });
});
