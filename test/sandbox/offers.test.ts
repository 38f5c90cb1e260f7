import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSandbox, type Sandbox } from "../../src/kigo/sandbox/server.js";
import { sandboxDatabase } from "../support/sandbox-database.js";
import { type Call, client, newMerchant, newOffer, offerBody, TOKEN, unique } from "./http.js";

const TODAY = "2025-06-15";

let sandbox: Sandbox;
let call: Call;

beforeAll(async () => {
  sandbox = await createSandbox({ database: sandboxDatabase(), token: TOKEN, today: () => TODAY });
  call = client(sandbox);
});

afterAll(async () => {
  await sandbox?.close();
});

describe("offers CRUD", () => {
  it("creates an offer with its default-language descriptive in one call", async () => {
    const merchant = await newMerchant(sandbox.db);
    const created = await call("POST", "/dashboard/offers", offerBody(merchant, { clickthru_url: null }));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      merchant_owner: merchant,
      version_active_from: "2025-01-01",
      offer_status: "active",
      code_type: "P",
      offer_redemption_methods: ["promo_code"],
      short_text: "20% off all equipment",
      savings_type: "percentage",
    });
    expect(created.body.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T.*Z$/);

    const read = await call("GET", `/dashboard/offers/${created.body.offer_id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);
    const [descriptive] = await sandbox.db.query(
      "SELECT language_code, short_text FROM offer_descriptives WHERE offer_id = $1",
      [created.body.offer_id],
    );
    expect(descriptive).toEqual({ language_code: "en", short_text: "20% off all equipment" });
  });

  it("updates only the fields sent, writes descriptive fields and bumps updated_at", async () => {
    const id = await newOffer(call, await newMerchant(sandbox.db), { classification: "closed_loop" });
    const before = await call("GET", `/dashboard/offers/${id}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const updated = await call("PUT", `/dashboard/offers/${id}`, {
      offer_status: "inactive",
      terms_conditions: "Dealers only",
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      offer_status: "inactive",
      classification: "closed_loop",
      short_text: "20% off all equipment",
      terms_conditions: "Dealers only",
    });
    expect(updated.body.updated_at > before.body.updated_at).toBe(true);
    expect(updated.body.created_at).toBe(before.body.created_at);
  });

  it("clears clickthru_url with null", async () => {
    const id = await newOffer(call, await newMerchant(sandbox.db), { clickthru_url: "https://kigo.io/x" });
    const updated = await call("PUT", `/dashboard/offers/${id}`, { clickthru_url: null });
    expect(updated.body.clickthru_url).toBeNull();
  });

  it("refuses an update to a missing merchant, naming merchant_owner", async () => {
    const id = await newOffer(call, await newMerchant(sandbox.db));
    const answer = await call("PUT", `/dashboard/offers/${id}`, { merchant_owner: 987_654 });
    expect(answer.status).toBe(400);
    expect(answer.body.message).toBe("merchant_owner: merchant 987654 does not exist");
  });

  it("deletes an offer with everything hanging off it", async () => {
    const id = await newOffer(call, await newMerchant(sandbox.db));
    await call("POST", "/dashboard/promo-codes", { offer_id: id, promo_code: unique("DEL") });
    expect((await call("DELETE", `/dashboard/offers/${id}`)).status).toBe(204);
    expect((await call("GET", `/dashboard/offers/${id}`)).body.error).toBe("not_found");
    expect((await call("DELETE", `/dashboard/offers/${id}`)).status).toBe(404);
    expect(await sandbox.db.query("SELECT 1 FROM promo_codes WHERE offer_id = $1", [id])).toEqual([]);
  });

  it("answers 404 not_found naming the offer for a missing id, PUT and DELETE alike", async () => {
    for (const method of ["GET", "PUT", "DELETE"]) {
      const answer = await call(method, "/dashboard/offers/99999999", method === "PUT" ? {} : undefined);
      expect(answer.status).toBe(404);
      expect(answer.body).toEqual({ error: "not_found", message: "Offer 99999999 not found" });
    }
  });
});

describe("offer list", () => {
  it("filters by merchant, pages with limit and offset, and reports the total", async () => {
    const merchant = await newMerchant(sandbox.db);
    const ids = [];
    for (let index = 0; index < 3; index++) ids.push(await newOffer(call, merchant));

    const first = await call("GET", `/dashboard/offers?merchant_owner=${merchant}&limit=1`);
    expect(first.body).toMatchObject({ total_count: 3, limit: 1, offset: 0 });
    expect(first.body.offers.map((offer: { offer_id: number }) => offer.offer_id)).toEqual([ids[0]]);

    const last = await call("GET", `/dashboard/offers?merchant_owner=${merchant}&limit=2&offset=2`);
    expect(last.body.offers.map((offer: { offer_id: number }) => offer.offer_id)).toEqual([ids[2]]);

    const pastEnd = await call("GET", `/dashboard/offers?merchant_owner=${merchant}&offset=10`);
    expect(pastEnd.body).toEqual({ offers: [], total_count: 3, limit: 20, offset: 10 });
  });

  it("answers the { total, has_more } envelope when configured so", async () => {
    const variant = await createSandbox({ database: sandbox.db, token: TOKEN, listShape: "total_has_more" });
    const merchant = await newMerchant(sandbox.db);
    await newOffer(call, merchant);
    await newOffer(call, merchant);
    const variantCall = client(variant);
    const page = await variantCall("GET", `/dashboard/offers?merchant_owner=${merchant}&limit=1`);
    expect(page.body).toMatchObject({ total: 2, has_more: true });
    expect(page.body).not.toHaveProperty("total_count");
    const end = await variantCall("GET", `/dashboard/offers?merchant_owner=${merchant}&limit=1&offset=1`);
    expect(end.body).toMatchObject({ total: 2, has_more: false });
    await variant.close();
    expect((await call("GET", "/dashboard/offers?limit=1")).status).toBe(200);
  });

  it("searches short_text and long_text case-insensitively, taking % literally", async () => {
    const merchant = await newMerchant(sandbox.db);
    const word = unique("Zebra");
    const inTitle = await newOffer(call, merchant, { short_text: `${word} deal` });
    const inBody = await newOffer(call, merchant, { long_text: `the ${word.toLowerCase()} applies` });
    const percent = await newOffer(call, merchant, { short_text: "100% cashback" });
    await newOffer(call, merchant, { short_text: "100 cashback" });
    const found = await call("GET", `/dashboard/offers?short_text=${word.toUpperCase()}`);
    expect(found.body.offers.map((offer: { offer_id: number }) => offer.offer_id)).toEqual([inTitle, inBody]);
    const literal = await call("GET", `/dashboard/offers?merchant_owner=${merchant}&short_text=%25%20cash`);
    expect(literal.body.offers.map((offer: { offer_id: number }) => offer.offer_id)).toEqual([percent]);
  });

  it("filters by exact external_reference", async () => {
    const reference = unique("REF");
    const id = await newOffer(call, await newMerchant(sandbox.db), { external_reference: reference });
    const found = await call("GET", `/dashboard/offers?external_reference=${reference}`);
    expect(found.body.offers.map((offer: { offer_id: number }) => offer.offer_id)).toEqual([id]);
    const prefix = await call("GET", `/dashboard/offers?external_reference=${reference.slice(0, -1)}`);
    expect(prefix.body.total_count).toBe(0);
  });

  it("derives expired from offer_expiry_date before today, on reads and in the status filter", async () => {
    const merchant = await newMerchant(sandbox.db);
    const expired = await newOffer(call, merchant, { offer_expiry_date: "2025-06-14" });
    const lastDay = await newOffer(call, merchant, { offer_expiry_date: TODAY });
    const paused = await newOffer(call, merchant, { offer_status: "inactive" });
    const pausedAndExpired = await newOffer(call, merchant, {
      offer_status: "inactive",
      offer_expiry_date: "2025-01-31",
    });
    expect((await call("GET", `/dashboard/offers/${expired}`)).body.offer_status).toBe("expired");
    expect((await call("GET", `/dashboard/offers/${lastDay}`)).body.offer_status).toBe("active");

    const idsWith = async (status: string) =>
      (
        await call("GET", `/dashboard/offers?merchant_owner=${merchant}&offer_status=${status}`)
      ).body.offers.map((offer: { offer_id: number; offer_status: string }) => [
        offer.offer_id,
        offer.offer_status,
      ]);
    expect(await idsWith("expired")).toEqual([
      [expired, "expired"],
      [pausedAndExpired, "expired"],
    ]);
    expect(await idsWith("active")).toEqual([[lastDay, "active"]]);
    expect(await idsWith("inactive")).toEqual([[paused, "inactive"]]);
  });
});

describe("descriptives", () => {
  it("lists, adds a translation (409 when it exists) and upserts by language", async () => {
    const id = await newOffer(call, await newMerchant(sandbox.db));
    const path = `/dashboard/offers/${id}/descriptives`;
    const added = await call("POST", path, { language_code: "es", short_text: "20% de descuento" });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ offer_id: id, language_code: "es", short_text: "20% de descuento" });

    const again = await call("POST", path, { language_code: "es", short_text: "otra" });
    expect(again.status).toBe(409);
    expect(again.body.field_errors).toEqual([{ field: "language_code", message: "es already exists" }]);

    const upserted = await call("PUT", path, { language_code: "es", long_text: "Texto" });
    expect(upserted.status).toBe(200);
    expect(upserted.body).toMatchObject({ short_text: "20% de descuento", long_text: "Texto" });
    const inserted = await call("PUT", path, { language_code: "fr", short_text: "20% de remise" });
    expect(inserted.status).toBe(200);

    const listed = await call("GET", path);
    expect(listed.body.descriptives.map((d: { language_code: string }) => d.language_code)).toEqual([
      "en",
      "es",
      "fr",
    ]);
    expect((await call("GET", "/dashboard/offers/99999999/descriptives")).status).toBe(404);
  });
});

describe("duplicate", () => {
  it("copies the offer inactive with descriptives and controls, but not promo codes", async () => {
    const source = await newOffer(call, await newMerchant(sandbox.db), { external_reference: unique("SRC") });
    await call("POST", `/dashboard/offers/${source}/descriptives`, {
      language_code: "es",
      short_text: "Hola",
    });
    await call("POST", "/dashboard/offers/redemption-controls", { offer_id: source, total_usage_limit: 50 });
    await call("POST", "/dashboard/promo-codes", { offer_id: source, promo_code: unique("DUP") });

    const copy = await call("POST", `/dashboard/offers/${source}/duplicate`);
    expect(copy.status).toBe(201);
    const copyId = copy.body.offer_id;
    expect(copyId).not.toBe(source);
    expect(copy.body).toMatchObject({
      offer_status: "inactive",
      external_reference: null,
      short_text: "20% off all equipment",
    });
    const languages = await call("GET", `/dashboard/offers/${copyId}/descriptives`);
    expect(languages.body.descriptives).toHaveLength(2);
    const controls = await call("GET", `/dashboard/offers/redemption-controls?offer_id=${copyId}`);
    expect(controls.body.redemption_controls).toMatchObject([{ offer_id: copyId, total_usage_limit: 50 }]);
    const codes = await call("GET", `/dashboard/promo-codes?offer_id=${copyId}`);
    expect(codes.body.promo_codes).toEqual([]);
  });

  it("takes an optional external_reference and 404s for a missing source", async () => {
    const source = await newOffer(call, await newMerchant(sandbox.db));
    const reference = unique("COPY");
    const copy = await call("POST", `/dashboard/offers/${source}/duplicate`, {
      external_reference: reference,
    });
    expect(copy.body.external_reference).toBe(reference);
    expect((await call("POST", "/dashboard/offers/99999999/duplicate")).status).toBe(404);
  });
});

describe("bulk-create", () => {
  it("creates every offer in order", async () => {
    const merchant = await newMerchant(sandbox.db);
    const answer = await call("POST", "/dashboard/offers/bulk-create", {
      offers: [offerBody(merchant, { short_text: "one" }), offerBody(merchant, { short_text: "two" })],
    });
    expect(answer.status).toBe(201);
    expect(answer.body.offers.map((offer: { short_text: string }) => offer.short_text)).toEqual([
      "one",
      "two",
    ]);
  });

  it("creates nothing when one item is bad, naming its index", async () => {
    const merchant = await newMerchant(sandbox.db);
    const invalid = await call("POST", "/dashboard/offers/bulk-create", {
      offers: [offerBody(merchant), offerBody(merchant, { code_type: "PP" })],
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.field_errors).toEqual([
      { field: "offers.1.code_type", message: "must be a single character" },
    ]);

    const unknownMerchant = await call("POST", "/dashboard/offers/bulk-create", {
      offers: [offerBody(merchant), offerBody(merchant), offerBody(888_888)],
    });
    expect(unknownMerchant.status).toBe(400);
    expect(unknownMerchant.body.field_errors).toEqual([
      { field: "offers.2.merchant_owner", message: "merchant 888888 does not exist" },
    ]);
    const listed = await call("GET", `/dashboard/offers?merchant_owner=${merchant}`);
    expect(listed.body.total_count).toBe(0);
  });
});

describe("preview", () => {
  it("renders title, badge and call to action by redemption method", async () => {
    const merchant = await newMerchant(sandbox.db);
    const id = await newOffer(call, merchant, { offer_expiry_date: "2025-12-31" });
    const hub = await call("GET", `/dashboard/offers/${id}/preview`);
    expect(hub.body).toMatchObject({
      offer_id: id,
      surface: "hub",
      title: "20% off all equipment",
      badge: "20% off",
      cta_label: "Get code",
      valid_from: "2025-01-01",
      valid_until: "2025-12-31",
    });

    const online = await newOffer(call, merchant, {
      short_text: undefined,
      offer_type: "dollars_off",
      offer_redemption_methods: ["online_link"],
      clickthru_url: "https://shop.example.com/deal",
      savings_amount: "10",
      savings_type: "fixed",
    });
    const market = await call("GET", `/dashboard/offers/${online}/preview?surface=marketplace`);
    expect(market.body).toMatchObject({
      surface: "marketplace",
      title: "Dollars off",
      badge: "$10 off",
      cta_label: "Shop now",
      cta_url: "https://shop.example.com/deal",
    });
    expect(market.body).not.toHaveProperty("valid_until");
    expect(
      (await call("GET", `/dashboard/offers/${id}/preview?surface=email`)).body.field_errors[0].field,
    ).toBe("surface");
  });
});

describe("analytics", () => {
  it("aggregates redemptions over the requested range", async () => {
    const id = await newOffer(call, await newMerchant(sandbox.db));
    await sandbox.db.query(
      `INSERT INTO redemptions (offer_id, user_id, redeemed_at, revenue) VALUES
       ($1, 'u1', '2025-03-01T10:00:00Z', 10), ($1, 'u1', '2025-03-02T10:00:00Z', 5), ($1, 'u2', '2025-03-02T11:00:00Z', 2.5)`,
      [id],
    );
    await sandbox.db.query(
      "INSERT INTO offer_impressions (offer_id, day, impressions) VALUES ($1, '2025-03-01', 30)",
      [id],
    );
    const answer = await call(
      "GET",
      `/dashboard/offers/${id}/analytics?start_date=2025-03-01&end_date=2025-03-02`,
    );
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      offer_id: id,
      total_redemptions: 3,
      unique_users: 2,
      revenue_generated: 17.5,
      conversion_rate: 0.1,
      redemptions_by_day: [
        { date: "2025-03-01", redemptions: 1, revenue: 10 },
        { date: "2025-03-02", redemptions: 2, revenue: 7.5 },
      ],
    });
  });

  it("defaults to the offer's life up to today or its expiry, whichever is first", async () => {
    const merchant = await newMerchant(sandbox.db);
    const running = await newOffer(call, merchant, { version_active_from: "2025-06-01" });
    const ended = await newOffer(call, merchant, {
      version_active_from: "2025-02-01",
      offer_expiry_date: "2025-02-10",
    });
    const range = async (id: number) => {
      const { body } = await call("GET", `/dashboard/offers/${id}/analytics`);
      return [body.start_date, body.end_date, body.conversion_rate];
    };
    expect(await range(running)).toEqual(["2025-06-01", TODAY, null]);
    expect(await range(ended)).toEqual(["2025-02-01", "2025-02-10", null]);
  });

  it("refuses a bad date and an inverted range, naming the field", async () => {
    const id = await newOffer(call, await newMerchant(sandbox.db));
    const bad = await call("GET", `/dashboard/offers/${id}/analytics?start_date=2025-13`);
    expect(bad.body.field_errors).toEqual([
      { field: "start_date", message: "must be an ISO date YYYY-MM-DD" },
    ]);
    const inverted = await call(
      "GET",
      `/dashboard/offers/${id}/analytics?start_date=2025-03-02&end_date=2025-03-01`,
    );
    expect(inverted.body.field_errors[0].field).toBe("end_date");
    expect((await call("GET", "/dashboard/offers/99999999/analytics")).status).toBe(404);
  });
});

describe("customer lists", () => {
  it("stores a list, counting customers once, and lists them per offer", async () => {
    const id = await newOffer(call, await newMerchant(sandbox.db));
    const path = `/dashboard/offers/${id}/customer-lists`;
    const uploaded = await call("POST", path, {
      list_name: "Dealers",
      customers: ["a@example.com", "b@example.com", " a@example.com ", "acct-42"],
    });
    expect(uploaded.status).toBe(201);
    expect(uploaded.body).toMatchObject({ offer_id: id, list_name: "Dealers", customer_count: 3 });
    await call("POST", path, { customers: ["x"] });
    const listed = await call("GET", path);
    expect(listed.body.customer_lists.map((list: { customer_count: number }) => list.customer_count)).toEqual(
      [3, 1],
    );
    expect((await call("POST", path, { customers: [] })).body.field_errors[0].field).toBe("customers");
    expect(
      (await call("POST", "/dashboard/offers/99999999/customer-lists", { customers: ["x"] })).status,
    ).toBe(404);
  });

  it("keeps a list's name unique per offer, so a late retried upload cannot make a second list", async () => {
    const [first, second] = [await newMerchant(sandbox.db), await newMerchant(sandbox.db)];
    const [one, other] = [await newOffer(call, first), await newOffer(call, second)];
    const upload = (offer: number, customers: string[]) =>
      call("POST", `/dashboard/offers/${offer}/customer-lists`, { list_name: "Fleet", customers });
    expect((await upload(one, ["a@example.com"])).status).toBe(201);
    const again = await upload(one, ["b@example.com"]);
    expect(again.status).toBe(409);
    expect(again.body.field_errors).toEqual([{ field: "list_name", message: "Fleet already exists" }]);
    expect((await upload(other, ["a@example.com"])).status).toBe(201);
    expect((await call("POST", `/dashboard/offers/${one}/customer-lists`, { customers: ["x"] })).status).toBe(
      201,
    );
    expect((await call("POST", `/dashboard/offers/${one}/customer-lists`, { customers: ["y"] })).status).toBe(
      201,
    );
  });
});
