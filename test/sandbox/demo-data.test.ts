import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aggregateOfferAnalytics } from "../../src/kigo/sandbox/analytics.js";
import { openDatabase, type SqlDatabase } from "../../src/kigo/sandbox/db.js";
import { generateActivity } from "../../src/kigo/sandbox/demo-activity.js";
import { DEMO_OFFERS } from "../../src/kigo/sandbox/demo-catalog.js";
import { type DemoSummary, loadDemoData } from "../../src/kigo/sandbox/demo-data.js";
import { sandboxDatabase } from "../support/sandbox-database.js";

const TODAY = "2025-10-16";
const SEED = 7;
const RANGE = { start_date: "2025-07-19", end_date: TODAY };

/** Every demo offer's analytics over the whole demo period, keyed by its external reference. */
async function analyticsByRef(db: SqlDatabase) {
  const offers = await db.query<{ offer_id: number; external_reference: string }>(
    "SELECT offer_id, external_reference FROM offers ORDER BY external_reference",
  );
  return Promise.all(
    offers.map(async (offer) => ({
      ref: offer.external_reference,
      ...(await aggregateOfferAnalytics(db, offer.offer_id, RANGE)),
    })),
  );
}

describe("loadDemoData", () => {
  let db: SqlDatabase;
  let summary: DemoSummary;

  beforeAll(async () => {
    db = await openDatabase(sandboxDatabase());
    summary = await loadDemoData(db, { today: TODAY, seed: SEED });
  });

  afterAll(async () => {
    await db?.close();
  });

  it("loads the demo world and says what it loaded", async () => {
    expect(summary).toMatchObject({
      loaded: true,
      activity: { from: "2025-07-19", to: TODAY },
      counts: { partners: 2, programs: 3, campaigns: 4, merchants: 13, offers: 8, promoCodes: 3 },
    });
    expect(summary.counts.redemptions).toBeGreaterThan(1000);
    expect(summary.counts.redemptions).toBeLessThan(5000);

    const programs = await db.query(
      `SELECT program_id, program_name, program_type, partner_name
       FROM programs JOIN partners USING (partner_id) ORDER BY program_id`,
    );
    expect(programs).toEqual([
      {
        program_id: summary.johnDeereProgramId,
        program_name: "John Deere Dealer Network",
        program_type: "closed_loop",
        partner_name: "Deere & Company",
      },
      {
        program_id: summary.yardiProgramId,
        program_name: "Yardi Resident Perks",
        program_type: "open_loop",
        partner_name: "Yardi Systems",
      },
      {
        program_id: summary.hybridProgramId,
        program_name: "Deere Family Rewards",
        program_type: "hybrid",
        partner_name: "Deere & Company",
      },
    ]);
    const merchantTypes = await db.query("SELECT DISTINCT merchant_type FROM merchants ORDER BY 1");
    expect(merchantTypes.map((row) => row.merchant_type)).toEqual(["catalog", "dealer", "property"]);
    const [dealer] = await db.query("SELECT merchant_type FROM merchants WHERE merchant_id = $1", [
      summary.dealerMerchantId,
    ]);
    expect(dealer?.merchant_type).toBe("dealer");
    const offerTypes = await db.query("SELECT type_name FROM offer_types ORDER BY type_name");
    expect(offerTypes.map((row) => row.type_name)).toEqual([
      "bogo",
      "cashback",
      "clickthrough",
      "dollars_off",
      "free_with_purchase",
      "lightning",
      "loyalty_points",
      "percentage_savings",
      "price_point",
      "spend_and_get",
    ]);
  });

  it("gives every offer a descriptive, a campaign of its program, and classification = program type", async () => {
    const offers = await db.query(
      `SELECT o.offer_id, o.classification, p.program_type, d.short_text
       FROM offers o
       JOIN offer_descriptives d ON d.offer_id = o.offer_id AND d.language_code = 'en'
       JOIN campaign_offers co ON co.offer_id = o.offer_id
       JOIN program_campaigns c ON c.campaign_id = co.campaign_id
       JOIN programs p ON p.program_id = c.program_id`,
    );
    expect(offers).toHaveLength(DEMO_OFFERS.length);
    for (const offer of offers) {
      expect(offer.classification).toBe(offer.program_type);
      expect(offer.short_text).toEqual(expect.any(String));
    }
  });

  it("keeps activity consistent with the offers' limits, promo codes and dates", async () => {
    const overPerCustomer = await db.query(
      `SELECT r.offer_id, r.user_id FROM redemptions r JOIN redemption_controls c USING (offer_id)
       GROUP BY r.offer_id, r.user_id, c.usage_limit_per_customer
       HAVING count(*) > c.usage_limit_per_customer`,
    );
    expect(overPerCustomer).toEqual([]);
    const promoMismatch = await db.query(
      `SELECT p.promo_code FROM promo_codes p
       WHERE p.redemption_count <> (SELECT count(*) FROM redemptions r WHERE r.promo_code_id = p.promo_code_id)
          OR p.redemption_count > coalesce(p.usage_limit, p.redemption_count)
          OR p.redemption_count = 0`,
    );
    expect(promoMismatch).toEqual([]);
    const [span] = await db.query(
      `SELECT min((redeemed_at AT TIME ZONE 'UTC')::date) AS first, max((redeemed_at AT TIME ZONE 'UTC')::date) AS last,
              bool_and(discount_amount <= revenue) AS discounts_fit
       FROM redemptions`,
    );
    expect(span).toEqual({ first: "2025-07-19", last: TODAY, discounts_fit: true });
  });

  it("does nothing the second time, whatever the options, and reports the same data", async () => {
    const again = await loadDemoData(db, { today: "2026-01-01", seed: SEED + 1 });
    expect(again).toEqual({ ...summary, loaded: false });
  });

  it("rejects a today that is not a calendar date", async () => {
    await expect(loadDemoData(db, { today: "2025-02-30" })).rejects.toThrow(/YYYY-MM-DD/);
  });

  it("produces exactly the same numbers for the same seed and day in a fresh database", async () => {
    const fresh = await openDatabase(sandboxDatabase());
    try {
      expect(await loadDemoData(fresh, { today: TODAY, seed: SEED })).toEqual(summary);
      expect(await analyticsByRef(fresh)).toEqual(await analyticsByRef(db));
    } finally {
      await fresh.close();
    }
  });

  it("draws different numbers from a different seed", () => {
    const offers = DEMO_OFFERS.map((offer, index) => ({
      offerId: index + 1,
      promoCodeId: null,
      locationIds: [1],
      customers: { prefix: "c", size: 500 },
      limits: offer.limits ?? {},
      activity: offer.activity,
    }));
    const first = generateActivity(offers, TODAY, SEED);
    expect(generateActivity(offers, TODAY, SEED)).toEqual(first);
    expect(generateActivity(offers, TODAY, SEED + 1)).not.toEqual(first);
  });
});
