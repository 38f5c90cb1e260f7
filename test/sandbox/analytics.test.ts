import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aggregateOfferAnalytics } from "../../src/kigo/sandbox/analytics.js";
import { type DatabaseOptions, openDatabase, type SqlDatabase } from "../../src/kigo/sandbox/db.js";
import { offerAnalytics } from "../../src/kigo/schemas.js";
import { sandboxDatabase } from "../support/sandbox-database.js";
import { freshSchemaName, POSTGRES_URL, serviceAvailable } from "../support/services.js";

/**
 * A hand-made dataset whose answers are worked out below, row by row. Offer A, 1-3 March 2025:
 * - in range: u1 10.10 at 03-01 00:00:00Z (first instant), u2 20.25 at 03-02 05:59:59+06 (which is
 *   03-01 23:59:59Z, so it belongs to 1 March), u1 5.00 at 03-03 23:59:59.999Z (last instant);
 * - out of range: 02-28 23:59:59.999Z and 03-04 00:00:00Z; offer B's redemption on 03-02.
 * Impressions of A in range: 30 + 0 + 40 = 70; 1000 on 02-28 and 500 on 03-04 don't count.
 */
async function insertFixture(db: SqlDatabase) {
  const [merchant] = await db.query<{ merchant_id: number }>(
    "INSERT INTO merchants (merchant_name, merchant_type) VALUES ('Fixture Dealer', 'dealer') RETURNING merchant_id",
  );
  const offers = await db.query<{ offer_id: number }>(
    `INSERT INTO offers (merchant_owner, version_active_from, default_language, offer_redemption_methods, code_type)
     VALUES ($1, '2025-01-01', 'en', '{show_save}', 'S'), ($1, '2025-01-01', 'en', '{show_save}', 'S')
     RETURNING offer_id`,
    [merchant?.merchant_id],
  );
  const [a, b] = offers.map((offer) => offer.offer_id) as [number, number];
  await db.query(
    `INSERT INTO redemptions (offer_id, user_id, redeemed_at, revenue) VALUES
       ($1, 'u1', '2025-03-01T00:00:00Z', 10.10),
       ($1, 'u2', '2025-03-02T05:59:59+06:00', 20.25),
       ($1, 'u1', '2025-03-03T23:59:59.999Z', 5.00),
       ($1, 'u3', '2025-02-28T23:59:59.999Z', 100),
       ($1, 'u4', '2025-03-04T00:00:00Z', 100),
       ($2, 'u5', '2025-03-02T12:00:00Z', 7.77)`,
    [a, b],
  );
  await db.query(
    `INSERT INTO offer_impressions (offer_id, day, impressions) VALUES
       ($1, '2025-02-28', 1000), ($1, '2025-03-01', 30), ($1, '2025-03-02', 0), ($1, '2025-03-03', 40),
       ($1, '2025-03-04', 500), ($2, '2025-02-27', 900), ($2, '2025-03-05', 0)`,
    [a, b],
  );
  return { a, b };
}

const postgresAvailable = await serviceAvailable("postgres");
const schema = freshSchemaName("analytics");
const backends: { name: string; skip: boolean; options: DatabaseOptions }[] = [
  { name: "PGlite", skip: false, options: sandboxDatabase() },
  {
    name: "PostgreSQL",
    skip: !postgresAvailable,
    options: { kind: "postgres", url: POSTGRES_URL, schema },
  },
];

for (const backend of backends) {
  describe.skipIf(backend.skip)(`aggregateOfferAnalytics on ${backend.name}`, () => {
    let db: SqlDatabase;
    let ids: { a: number; b: number };

    beforeAll(async () => {
      db = await openDatabase(backend.options);
      ids = await insertFixture(db);
    });

    afterAll(async () => {
      if (backend.options.kind === "postgres") await db?.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await db?.close();
    });

    it("counts redemptions, distinct users, revenue and conversion over the inclusive range", async () => {
      const analytics = await aggregateOfferAnalytics(db, ids.a, {
        start_date: "2025-03-01",
        end_date: "2025-03-03",
      });
      expect(analytics).toEqual({
        offer_id: ids.a,
        start_date: "2025-03-01",
        end_date: "2025-03-03",
        total_redemptions: 3,
        unique_users: 2,
        revenue_generated: 35.35,
        conversion_rate: 0.0429, // 3 / 70 = 0.042857...
        redemptions_by_day: [
          { date: "2025-03-01", redemptions: 2, revenue: 30.35 },
          { date: "2025-03-02", redemptions: 0, revenue: 0 },
          { date: "2025-03-03", redemptions: 1, revenue: 5 },
        ],
      });
      expect(offerAnalytics.safeParse(analytics).success).toBe(true);
    });

    it("includes both boundary days and nothing outside them", async () => {
      const lastDay = await aggregateOfferAnalytics(db, ids.a, {
        start_date: "2025-03-03",
        end_date: "2025-03-03",
      });
      expect(lastDay).toMatchObject({
        total_redemptions: 1,
        unique_users: 1,
        revenue_generated: 5,
        conversion_rate: 0.025, // 1 / 40
        redemptions_by_day: [{ date: "2025-03-03", redemptions: 1, revenue: 5 }],
      });
      const dayAfter = await aggregateOfferAnalytics(db, ids.a, {
        start_date: "2025-03-04",
        end_date: "2025-03-04",
      });
      expect(dayAfter).toMatchObject({
        total_redemptions: 1,
        revenue_generated: 100,
        conversion_rate: 0.002,
      });
    });

    it("reports null conversion, not a number, when no impressions were recorded in the range", async () => {
      const analytics = await aggregateOfferAnalytics(db, ids.b, {
        start_date: "2025-03-01",
        end_date: "2025-03-05",
      });
      expect(analytics).toMatchObject({
        total_redemptions: 1,
        unique_users: 1,
        revenue_generated: 7.77,
        conversion_rate: null,
      });
      expect(analytics.redemptions_by_day).toHaveLength(5);
    });

    it("returns zeros for every day of a range without activity", async () => {
      const analytics = await aggregateOfferAnalytics(db, ids.a, {
        start_date: "2025-02-26",
        end_date: "2025-02-27",
      });
      expect(analytics).toMatchObject({
        total_redemptions: 0,
        unique_users: 0,
        revenue_generated: 0,
        conversion_rate: null,
        redemptions_by_day: [
          { date: "2025-02-26", redemptions: 0, revenue: 0 },
          { date: "2025-02-27", redemptions: 0, revenue: 0 },
        ],
      });
    });

    // PGlite has a single session, so its time zone can be changed for one test and restored.
    it.skipIf(backend.options.kind !== "pglite")(
      "buckets days in UTC whatever the session time zone",
      async () => {
        const range = { start_date: "2025-03-01", end_date: "2025-03-03" };
        const inUtc = await aggregateOfferAnalytics(db, ids.a, range);
        await db.query("SET TIME ZONE 'Pacific/Kiritimati'");
        try {
          expect(await aggregateOfferAnalytics(db, ids.a, range)).toEqual(inUtc);
        } finally {
          await db.query("RESET TIME ZONE");
        }
      },
    );
  });
}
