import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSandbox, type Sandbox } from "../../src/kigo/sandbox/server.js";
import { freshSchemaName, POSTGRES_URL, serviceAvailable } from "../support/services.js";
import { type Call, client, newLocation, newMerchant, newOffer, offerBody, TOKEN, unique } from "./http.js";

/** The same API on a real PostgreSQL server: driver differences (arrays, BIGINT, DATE, errors) show here. */
const available = await serviceAvailable("postgres");
const schema = freshSchemaName("sandbox");

describe.skipIf(!available)("sandbox on PostgreSQL", () => {
  let sandbox: Sandbox;
  let call: Call;

  beforeAll(async () => {
    sandbox = await createSandbox({
      database: { kind: "postgres", url: POSTGRES_URL, schema },
      token: TOKEN,
      today: () => "2025-06-15",
    });
    call = client(sandbox);
  });

  afterAll(async () => {
    await sandbox?.db.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await sandbox?.close();
  });

  it("creates, reads, lists and updates an offer with numbers, plain dates and arrays", async () => {
    const merchant = await newMerchant(sandbox.db);
    const id = await newOffer(call, merchant, {
      offer_redemption_methods: ["promo_code", "online_link"],
      offer_expiry_date: "2025-06-01",
    });
    const read = await call("GET", `/dashboard/offers/${id}`);
    expect(read.body).toMatchObject({
      offer_id: id,
      merchant_owner: merchant,
      version_active_from: "2025-01-01",
      offer_expiry_date: "2025-06-01",
      offer_status: "expired",
      offer_redemption_methods: ["promo_code", "online_link"],
    });
    const listed = await call("GET", `/dashboard/offers?merchant_owner=${merchant}&offer_status=expired`);
    expect(listed.body).toMatchObject({ total_count: 1, offers: [{ offer_id: id }] });
    const updated = await call("PUT", `/dashboard/offers/${id}`, { offer_expiry_date: "2025-12-31" });
    expect(updated.body.offer_status).toBe("active");
  });

  it("maps a unique violation to 409 and a missing reference to 400", async () => {
    const offer = await newOffer(call, await newMerchant(sandbox.db));
    const code = unique("PG");
    expect((await call("POST", "/dashboard/promo-codes", { offer_id: offer, promo_code: code })).status).toBe(
      201,
    );
    const taken = await call("POST", "/dashboard/promo-codes", { offer_id: offer, promo_code: code });
    expect(taken.status).toBe(409);
    expect(taken.body.field_errors[0].field).toBe("promo_code");
    const orphan = await call("POST", "/dashboard/offers", offerBody(9_999_999));
    expect(orphan.body.message).toBe("merchant_owner: merchant 9999999 does not exist");
  });

  it("keeps location ids numeric and rolls back a failed bulk create", async () => {
    const merchant = await newMerchant(sandbox.db);
    const offer = await newOffer(call, merchant);
    const stores = [await newLocation(sandbox.db, merchant), await newLocation(sandbox.db, merchant)];
    const control = await call("POST", "/dashboard/offers/redemption-controls", {
      offer_id: offer,
      location_ids: stores,
    });
    expect(control.body.location_ids).toEqual(stores);
    const bulk = await call("POST", "/dashboard/offers/bulk-create", {
      offers: [offerBody(merchant), offerBody(8_888_888)],
    });
    expect(bulk.status).toBe(400);
    expect((await call("GET", `/dashboard/offers?merchant_owner=${merchant}`)).body.total_count).toBe(1);
  });

  it("duplicates, uploads a customer list and aggregates analytics", async () => {
    const offer = await newOffer(call, await newMerchant(sandbox.db));
    const copy = await call("POST", `/dashboard/offers/${offer}/duplicate`);
    expect(copy.body).toMatchObject({ offer_status: "inactive", short_text: "20% off all equipment" });
    const list = await call("POST", `/dashboard/offers/${offer}/customer-lists`, {
      customers: ["a", "a", "b"],
    });
    expect(list.body.customer_count).toBe(2);
    await sandbox.db.query(
      "INSERT INTO redemptions (offer_id, user_id, redeemed_at, revenue) VALUES ($1, 'u1', '2025-03-01T12:00:00Z', 12.5)",
      [offer],
    );
    const analytics = await call(
      "GET",
      `/dashboard/offers/${offer}/analytics?start_date=2025-03-01&end_date=2025-03-01`,
    );
    expect(analytics.body).toMatchObject({ total_redemptions: 1, unique_users: 1, revenue_generated: 12.5 });
  });

  it("serves over a real port", async () => {
    const url = await sandbox.listen(0);
    const answer = await fetch(`${url}/api/v1/merchants?limit=1`);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ limit: 1 });
  });
});
