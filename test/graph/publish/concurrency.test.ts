import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publishDraft } from "../../../src/graph/publish/saga.js";
import { closedLoopProgram, type Harness, newMerchant, seedDraft, startSandbox, unique } from "./support.js";

let harness: Harness;

beforeAll(async () => {
  harness = await startSandbox();
  await closedLoopProgram(harness.client);
});

afterAll(async () => {
  await harness.sandbox.close();
});

/** The conversation service serialises publishes per thread; the saga must converge even without it. */
describe("racing publishes of one draft", () => {
  it("30 concurrent runs with the same draft key leave one offer, one promo code, one control", async () => {
    const draft = seedDraft(await newMerchant(harness.client), { promoCode: "RACE20" });
    const draftKey = unique("race");
    const results = await Promise.all(
      Array.from({ length: 30 }, () => publishDraft({ client: harness.client, draft, draftKey })),
    );

    const offerIds = new Set(results.map((result) => (result.status === "published" ? result.offerId : 0)));
    expect(offerIds.size).toBe(1);
    const [offerId = 0] = offerIds;
    expect(offerId).toBeGreaterThan(0);
    const reference = results[0]?.progress.externalReference ?? "";
    expect((await harness.client.listOffers({ external_reference: reference })).total).toBe(1);
    expect(
      (await harness.client.promoCodes.list({ offer_id: offerId })).map((code) => code.promo_code),
    ).toEqual(["RACE20"]);
    expect(await harness.client.redemptionControls.list({ offer_id: offerId })).toHaveLength(1);
  });

  it("concurrent runs generating unique codes make exactly the asked-for count", async () => {
    const draft = seedDraft(await newMerchant(harness.client), {
      codeMode: "unique",
      uniqueCodeCount: 20,
      codePattern: "RC?###",
    });
    const draftKey = unique("race-codes");
    const results = await Promise.all(
      Array.from({ length: 5 }, () => publishDraft({ client: harness.client, draft, draftKey })),
    );
    expect(results.map((result) => result.status)).toEqual(Array(5).fill("published"));
    const [first] = results;
    const offerId = first?.status === "published" ? first.offerId : 0;
    const codes = await harness.client.promoCodes.list({ offer_id: offerId });
    expect(codes).toHaveLength(20);
  });
});
