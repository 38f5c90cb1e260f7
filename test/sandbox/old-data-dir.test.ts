import { PGlite } from "@electric-sql/pglite";
import { afterAll, expect, it } from "vitest";
import { SCHEMA_SQL } from "../../src/kigo/sandbox/schema-sql.js";

const db = new PGlite();

afterAll(async () => {
  await db.close();
});

it("opens a data directory from before publish keys were unique, keeping every offer", async () => {
  await db.exec(SCHEMA_SQL);
  // What an older sandbox could hold: the same publish key twice for one merchant.
  await db.exec(`
    DROP INDEX offers_merchant_external_reference_key;
    INSERT INTO merchants (merchant_id, merchant_name) VALUES (1, 'Heartland Ag Equipment');
    INSERT INTO offers (merchant_owner, version_active_from, default_language, external_reference,
      offer_redemption_methods, code_type)
    VALUES (1, '2026-12-01', 'en', 'draft-1', '{promo_code}', 'S'),
           (1, '2026-12-01', 'en', 'draft-1', '{promo_code}', 'S');
  `);
  await db.exec(SCHEMA_SQL);
  const { rows } = await db.query<{ external_reference: string }>(
    "SELECT external_reference FROM offers ORDER BY offer_id",
  );
  expect(rows.map((row) => row.external_reference)).toEqual(["draft-1", "draft-1#2"]);
  await expect(
    db.exec(`INSERT INTO offers (merchant_owner, version_active_from, default_language, external_reference,
      offer_redemption_methods, code_type) VALUES (1, '2026-12-01', 'en', 'draft-1', '{promo_code}', 'S')`),
  ).rejects.toThrow(/unique/i);
});
