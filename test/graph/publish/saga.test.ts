import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codeCandidate } from "../../../src/graph/publish/codes.js";
import { type PublishProgress, partialPublishSummary } from "../../../src/graph/publish/progress.js";
import { publishDraft } from "../../../src/graph/publish/saga.js";
import { WORKAROUNDS } from "../../../src/graph/publish/steps/context.js";
import { createSandbox } from "../../../src/kigo/sandbox/server.js";
import {
  clientFor,
  closedLoopProgram,
  type Harness,
  newMerchant,
  publishedState,
  seedDraft,
  startSandbox,
  TOKEN,
  unique,
} from "./support.js";

let harness: Harness;
let merchantId: number;

beforeAll(async () => {
  harness = await startSandbox();
  merchantId = await newMerchant(harness.client);
  await closedLoopProgram(harness.client);
});

afterAll(async () => {
  await harness.sandbox.close();
});

describe("publishDraft on the full API", () => {
  it("publishes the seed example: offer, descriptive, DEALER20, 3/1000 control, campaign link, customer list", async () => {
    const draftKey = unique("seed");
    const steps: PublishProgress[] = [];
    const result = await publishDraft({
      client: harness.client,
      draft: seedDraft(merchantId),
      draftKey,
      onStep: (progress) => {
        steps.push(progress);
      },
    });

    if (result.status !== "published") throw new Error(result.error.message);
    expect(result.workarounds).toEqual([]);
    expect(result.created).toEqual([
      `Offer ${result.offerId}`,
      "Promo code DEALER20",
      "Redemption limits: 3 per customer, 1000 total",
      expect.stringMatching(/^Campaign link: Q4 Dealer Incentive/),
      "Customer list Fleet dealers (2 customers)",
    ]);
    expect(steps.map((progress) => progress.completed.at(-1))).toEqual([
      "offer",
      "descriptives",
      "promoCodes",
      "redemptionControls",
      "campaign",
      "customerList",
      "activate",
    ]);

    const offer = await harness.client.getOffer(result.offerId);
    expect(offer).toMatchObject({
      offer_status: "active",
      merchant_owner: merchantId,
      classification: "closed_loop",
      code_type: "promo_code",
      short_text: "Q4 Dealer Incentive",
      savings_amount: "20",
      savings_type: "percentage",
    });
    const state = await publishedState(harness.client, result.progress.externalReference ?? "");
    expect(state).toMatchObject({
      offers: 1,
      descriptives: 1,
      promoCodes: ["DEALER20"],
      campaignsNamed: 1,
      campaignLinks: 1,
      customerLists: 1,
    });
    expect(state.controls).toMatchObject([{ usage_limit_per_customer: 3, total_usage_limit: 1000 }]);
  });

  it("publishing a published draft again creates nothing", async () => {
    const draftKey = unique("again");
    const draft = seedDraft(merchantId, { promoCode: "AGAIN20" });
    const first = await publishDraft({ client: harness.client, draft, draftKey });
    const posts = harness.sandbox.hits("POST /dashboard/offers");
    const second = await publishDraft({ client: harness.client, draft, draftKey });

    expect(second).toMatchObject({ status: "published", offerId: (first as { offerId: number }).offerId });
    expect(harness.sandbox.hits("POST /dashboard/offers")).toBe(posts);
    expect(await publishedState(harness.client, second.progress.externalReference ?? "")).toMatchObject({
      offers: 1,
      promoCodes: ["AGAIN20"],
      campaignsNamed: 1,
      customerLists: 1,
    });
  });

  it("finds its offer by the key when the campaign changed between attempts", async () => {
    const draftKey = unique("renamed");
    const before = await publishDraft({
      client: harness.client,
      draft: seedDraft(merchantId, { promoCode: "RENAME20", campaign: undefined }),
      draftKey,
    });
    const after = await publishDraft({
      client: harness.client,
      draft: seedDraft(merchantId, { promoCode: "RENAME20", campaign: "Spring Push" }),
      draftKey,
    });
    if (before.status !== "published" || after.status !== "published") throw new Error("not published");
    expect(after.offerId).toBe(before.offerId);
    expect((await harness.client.getOffer(after.offerId)).external_reference).toBe(
      after.progress.externalReference,
    );
    expect(after.progress.externalReference).toContain(";campaign=Spring%20Push");
  });

  it("creates unique codes from JD#### deterministically, and a re-run creates none", async () => {
    const draftKey = unique("codes");
    const draft = seedDraft(merchantId, { codeMode: "unique", uniqueCodeCount: 50, codePattern: "JD####" });
    const result = await publishDraft({ client: harness.client, draft, draftKey });
    if (result.status !== "published") throw new Error(result.error.message);
    const codes = (await harness.client.promoCodes.list({ offer_id: result.offerId })).map(
      (code) => code.promo_code,
    );
    expect(codes).toHaveLength(50);
    expect(new Set(codes).size).toBe(50);
    for (const code of codes) expect(code).toMatch(/^JD\d{4}$/);
    expect(result.created).toContain("50 unique promo codes (JD####)");
    expect((await harness.client.getOffer(result.offerId)).code_type).toBe("unique_codes");

    const posts = harness.sandbox.hits("POST /dashboard/promo-codes");
    const again = await publishDraft({ client: harness.client, draft, draftKey });
    expect(again.status).toBe("published");
    expect(harness.sandbox.hits("POST /dashboard/promo-codes")).toBe(posts);
  });

  it("passes over a generated code another offer holds and still makes the full count", async () => {
    const draftKey = unique("taken");
    const other = await harness.client.createOffer({
      version_active_from: "2030-12-01",
      merchant_owner: merchantId,
      default_language: "en",
      offer_redemption_methods: ["promo_code"],
      code_type: "U",
    });
    const taken = codeCandidate("KB####", draftKey, 0);
    await harness.client.promoCodes.create({ promo_code: taken, offer_id: other.offer_id });

    const result = await publishDraft({
      client: harness.client,
      draft: seedDraft(merchantId, { codeMode: "unique", uniqueCodeCount: 10, codePattern: "KB####" }),
      draftKey,
    });
    if (result.status !== "published") throw new Error(result.error.message);
    const codes = (await harness.client.promoCodes.list({ offer_id: result.offerId })).map(
      (code) => code.promo_code,
    );
    expect(codes).toHaveLength(10);
    expect(codes).not.toContain(taken);
  });

  it("fails with a human message when the universal code belongs to another offer", async () => {
    const other = await publishDraft({
      client: harness.client,
      draft: seedDraft(merchantId, { promoCode: "HELD20", campaign: undefined }),
      draftKey: unique("holder"),
    });
    expect(other.status).toBe("published");
    const result = await publishDraft({
      client: harness.client,
      draft: seedDraft(merchantId, { promoCode: "HELD20" }),
      draftKey: unique("clash"),
    });
    expect(result).toMatchObject({
      status: "failed",
      error: { step: "promoCodes", retryable: false, message: expect.stringContaining("HELD20") },
    });
    expect(result.progress.completed).toEqual(["offer", "descriptives"]);
  });

  it("leaves the offer inactive when a later step fails, and activates it on Retry", async () => {
    const draftKey = unique("partial");
    const draft = seedDraft(merchantId, { promoCode: "PARTIAL20" });
    harness.sandbox.faults.inject({ route: "POST /dashboard/promo-codes", status: 503, times: 1_000 });
    let failed: Awaited<ReturnType<typeof publishDraft>>;
    try {
      failed = await publishDraft({ client: harness.client, draft, draftKey });
    } finally {
      harness.sandbox.faults.clear();
    }
    expect(failed).toMatchObject({ status: "failed", error: { step: "promoCodes" } });
    const offerId = failed.progress.offerId ?? 0;
    expect(offerId).toBeGreaterThan(0);
    expect((await harness.client.getOffer(offerId)).offer_status).toBe("paused");
    expect(partialPublishSummary(failed.progress)).toBe(
      `Offer ${offerId} was created but not activated; it stays inactive.`,
    );

    const retried = await publishDraft({
      client: harness.client,
      draft,
      draftKey,
      progress: failed.progress,
    });
    if (retried.status !== "published") throw new Error(retried.error.message);
    expect(retried.offerId).toBe(offerId);
    expect(retried.progress.completed.at(-1)).toBe("activate");
    expect((await harness.client.getOffer(offerId)).offer_status).toBe("active");
    expect(partialPublishSummary(retried.progress)).toBeUndefined();
  });

  it("a re-run after an edit (progress reset) leaves an activated offer active", async () => {
    const draftKey = unique("edited");
    const first = await publishDraft({
      client: harness.client,
      draft: seedDraft(merchantId, { promoCode: "EDIT20" }),
      draftKey,
    });
    if (first.status !== "published") throw new Error(first.error.message);
    const second = await publishDraft({
      client: harness.client,
      draft: seedDraft(merchantId, { promoCode: "EDIT20", offerTitle: "Edited title" }),
      draftKey,
      progress: { ...first.progress, completed: [] },
    });
    if (second.status !== "published") throw new Error(second.error.message);
    expect(second.offerId).toBe(first.offerId);
    expect(await harness.client.getOffer(first.offerId)).toMatchObject({
      offer_status: "active",
      short_text: "Edited title",
    });
  });

  it("refuses an incomplete draft without calling the API", async () => {
    const posts = harness.sandbox.hits("POST /dashboard/offers");
    const result = await publishDraft({
      client: harness.client,
      draft: { offerTitle: "Half a draft" },
      draftKey: unique("incomplete"),
    });
    expect(result).toMatchObject({
      status: "failed",
      error: { step: "offer", retryable: false, message: expect.stringContaining("a start date") },
    });
    expect(harness.sandbox.hits("POST /dashboard/offers")).toBe(posts);
  });
});

describe("publishDraft on the production profile", () => {
  it("publishes with the documented workarounds", async () => {
    const production = await createSandbox({
      database: harness.sandbox.db,
      token: TOKEN,
      profile: "production",
    });
    try {
      const client = clientFor(await production.listen(0));
      const draft = seedDraft(merchantId, { promoCode: "PROD20" });
      const result = await publishDraft({ client, draft, draftKey: unique("production") });

      if (result.status !== "published") throw new Error(result.error.message);
      expect(result.workarounds).toEqual([
        WORKAROUNDS.descriptives,
        WORKAROUNDS.classification,
        WORKAROUNDS.campaign,
        WORKAROUNDS.customerList,
      ]);
      expect(result.created).toEqual([
        `Offer ${result.offerId}`,
        "Promo code PROD20",
        "Redemption limits: 3 per customer, 1000 total",
      ]);
      const offer = await client.getOffer(result.offerId);
      expect(offer).toMatchObject({
        offer_status: "active",
        classification: "closed_loop",
        short_text: "Q4 Dealer Incentive",
        long_text: "20% off all equipment purchases",
        terms_conditions: "Valid for authorized dealers only",
      });
      expect(offer.external_reference).toBe(
        `kob:v1:${encodeURIComponent(result.progress.draftKey)};campaign=${encodeURIComponent(draft.campaign ?? "")}`,
      );
    } finally {
      await production.close();
    }
  });
});
