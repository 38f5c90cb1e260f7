import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSandbox, type Sandbox } from "../../src/kigo/sandbox/server.js";
import { sandboxDatabase } from "../support/sandbox-database.js";
import { type Call, client, newLocation, newMerchant, newOffer, TOKEN, unique } from "./http.js";

let sandbox: Sandbox;
let call: Call;

beforeAll(async () => {
  sandbox = await createSandbox({ database: sandboxDatabase(), token: TOKEN });
  call = client(sandbox);
});

afterAll(async () => {
  await sandbox?.close();
});

describe("offer types", () => {
  it("creates, lists, updates partially, refuses a duplicate name and deletes", async () => {
    const name = unique("type_").toLowerCase();
    const created = await call("POST", "/dashboard/offers/types", {
      type_name: name,
      type_description: "Buy one",
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ type_name: name, type_description: "Buy one", is_active: true });
    const id = created.body.offer_type_id;

    const duplicate = await call("POST", "/dashboard/offers/types", { type_name: name });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.field_errors[0].field).toBe("type_name");

    const updated = await call("PUT", `/dashboard/offers/types/${id}`, { is_active: false });
    expect(updated.body).toMatchObject({ type_name: name, type_description: "Buy one", is_active: false });
    const untouched = await call("PUT", `/dashboard/offers/types/${id}`, {});
    expect(untouched.body.is_active).toBe(false);

    const listed = await call("GET", "/dashboard/offers/types");
    expect(listed.body.offer_types).toContainEqual(updated.body);
    expect((await call("DELETE", `/dashboard/offers/types/${id}`)).status).toBe(204);
    expect((await call("PUT", `/dashboard/offers/types/${id}`, {})).body.message).toBe(
      `Offer type ${id} not found`,
    );
  });
});

describe("redemption controls", () => {
  it("creates per offer, filters by offer_id, updates without moving offers, deletes", async () => {
    const merchant = await newMerchant(sandbox.db);
    const offer = await newOffer(call, merchant);
    const stores = [await newLocation(sandbox.db, merchant), await newLocation(sandbox.db, merchant)];
    const created = await call("POST", "/dashboard/offers/redemption-controls", {
      offer_id: offer,
      usage_limit_per_customer: 3,
      total_usage_limit: 1000,
      location_ids: stores,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      offer_id: offer,
      usage_limit_per_customer: 3,
      location_ids: stores,
    });
    const id = created.body.control_id;

    const listed = await call("GET", `/dashboard/offers/redemption-controls?offer_id=${offer}`);
    expect(listed.body.redemption_controls).toEqual([created.body]);

    const updated = await call("PUT", `/dashboard/offers/redemption-controls/${id}`, {
      total_usage_limit: null,
    });
    expect(updated.body).toMatchObject({ usage_limit_per_customer: 3, total_usage_limit: null });
    const moved = await call("PUT", `/dashboard/offers/redemption-controls/${id}`, { offer_id: offer + 1 });
    expect(moved.body.field_errors).toEqual([{ field: "offer_id", message: "cannot be changed" }]);

    expect((await call("DELETE", `/dashboard/offers/redemption-controls/${id}`)).status).toBe(204);
    expect((await call("DELETE", `/dashboard/offers/redemption-controls/${id}`)).status).toBe(404);
  });

  it("refuses a control for a missing offer, naming offer_id", async () => {
    const answer = await call("POST", "/dashboard/offers/redemption-controls", { offer_id: 99_999_999 });
    expect(answer.status).toBe(400);
    expect(answer.body.message).toBe("offer_id: offer 99999999 does not exist");
  });
});

describe("promo codes", () => {
  it("creates, finds by code, refuses a taken code with 409, updates and deletes", async () => {
    const offer = await newOffer(call, await newMerchant(sandbox.db));
    const code = unique("DEALER");
    const created = await call("POST", "/dashboard/promo-codes", {
      offer_id: offer,
      promo_code: code,
      usage_limit: 5,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      promo_code: code,
      code_type: "single",
      usage_limit: 5,
      redemption_count: 0,
    });

    const taken = await call("POST", "/dashboard/promo-codes", { offer_id: offer, promo_code: code });
    expect(taken.status).toBe(409);
    expect(taken.body).toMatchObject({ error: "conflict", field_errors: [{ field: "promo_code" }] });

    const found = await call("GET", `/dashboard/promo-codes?promo_code=${code}`);
    expect(found.body.promo_codes).toEqual([created.body]);
    const byOffer = await call("GET", `/dashboard/promo-codes?offer_id=${offer}`);
    expect(byOffer.body.promo_codes).toHaveLength(1);

    const other = await call("POST", "/dashboard/promo-codes", {
      offer_id: offer,
      promo_code: unique("OTHER"),
    });
    const renamed = await call("PUT", `/dashboard/promo-codes/${other.body.promo_code_id}`, {
      promo_code: code,
    });
    expect(renamed.status).toBe(409);
    const updated = await call("PUT", `/dashboard/promo-codes/${created.body.promo_code_id}`, {
      usage_limit: 10,
    });
    expect(updated.body).toMatchObject({ promo_code: code, usage_limit: 10, code_type: "single" });
    expect((await call("DELETE", `/dashboard/promo-codes/${created.body.promo_code_id}`)).status).toBe(204);
  });

  it("refuses a malformed code naming promo_code", async () => {
    const answer = await call("POST", "/dashboard/promo-codes", { offer_id: 1, promo_code: "no spaces" });
    expect(answer.body.field_errors).toEqual([
      { field: "promo_code", message: "must be 4-20 characters, A-Z and 0-9 only" },
    ]);
  });
});

describe("programs and campaigns", () => {
  it("creates, reads, updates programs and lists their campaigns", async () => {
    const created = await call("POST", "/dashboard/programs", {
      program_name: "John Deere",
      program_type: "closed_loop",
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      program_type: "closed_loop",
      program_status: "active",
      partner_id: null,
    });
    const id = created.body.program_id;
    expect((await call("GET", `/dashboard/programs/${id}`)).body).toEqual(created.body);

    const updated = await call("PUT", `/dashboard/programs/${id}`, { program_status: "inactive" });
    expect(updated.body).toMatchObject({ program_name: "John Deere", program_status: "inactive" });
    expect((await call("GET", "/dashboard/programs")).body.programs).toContainEqual(updated.body);

    const partner = await call("PUT", `/dashboard/programs/${id}`, { partner_id: 424_242 });
    expect(partner.body.message).toBe("partner_id: partner 424242 does not exist");

    const campaign = await call("POST", "/dashboard/campaigns", {
      program_id: id,
      campaign_name: "Q4 Dealer Incentive",
      start_date: "2025-12-01",
      end_date: "2025-12-31",
    });
    const campaigns = await call("GET", `/dashboard/programs/${id}/campaigns`);
    expect(campaigns.body).toEqual({ campaigns: [campaign.body] });
    expect((await call("GET", "/dashboard/programs/99999999/campaigns")).status).toBe(404);
  });

  it("creates campaigns, filters them by program and links offers idempotently", async () => {
    const program = await call("POST", "/dashboard/programs", {
      program_name: "Yardi",
      program_type: "open_loop",
    });
    const programId = program.body.program_id;
    const created = await call("POST", "/dashboard/campaigns", {
      program_id: programId,
      campaign_name: "Spring",
      start_date: "2025-03-01",
      end_date: "2025-05-31",
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ campaign_type: "offer_based", start_date: "2025-03-01" });
    const id = created.body.campaign_id;
    expect((await call("GET", `/dashboard/campaigns/${id}`)).body).toEqual(created.body);
    expect((await call("GET", `/dashboard/campaigns?program_id=${programId}`)).body.campaigns).toEqual([
      created.body,
    ]);

    const offer = await newOffer(call, await newMerchant(sandbox.db));
    const linked = await call("POST", `/dashboard/campaigns/${id}/offers`, { offer_id: offer });
    expect(linked.status).toBe(201);
    expect(linked.body).toMatchObject({ campaign_id: id, offer_id: offer });
    const again = await call("POST", `/dashboard/campaigns/${id}/offers`, { offer_id: offer });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(linked.body);
    expect((await call("GET", `/dashboard/campaigns/${id}/offers`)).body).toEqual({ offers: [linked.body] });

    const missingOffer = await call("POST", `/dashboard/campaigns/${id}/offers`, { offer_id: 99_999_999 });
    expect(missingOffer.body.field_errors[0].field).toBe("offer_id");
    const missingCampaign = await call("POST", "/dashboard/campaigns/99999999/offers", { offer_id: offer });
    expect(missingCampaign.body.message).toBe("Campaign 99999999 not found");
  });

  it("refuses an inverted campaign and a missing program, naming the fields", async () => {
    const inverted = await call("POST", "/dashboard/campaigns", {
      program_id: 1,
      campaign_name: "Backwards",
      start_date: "2025-05-01",
      end_date: "2025-04-01",
    });
    expect(inverted.body.field_errors).toEqual([
      { field: "end_date", message: "must be on or after start_date" },
    ]);
    const orphan = await call("POST", "/dashboard/campaigns", {
      program_id: 99_999_999,
      campaign_name: "Orphan",
      start_date: "2025-05-01",
      end_date: "2025-06-01",
    });
    expect(orphan.body.message).toBe("program_id: program 99999999 does not exist");
  });
});

describe("merchants", () => {
  it("creates, reads, updates and deletes merchants, refusing to orphan offers", async () => {
    const created = await call("POST", "/dashboard/merchants", {
      merchant_name: "Deere Dealer",
      merchant_type: "dealer",
    });
    expect(created.status).toBe(201);
    const id = created.body.merchant_id;
    expect((await call("GET", `/dashboard/merchants/${id}`)).body).toEqual(created.body);
    const updated = await call("PUT", `/dashboard/merchants/${id}`, { primary_category_id: 12 });
    expect(updated.body).toMatchObject({
      merchant_name: "Deere Dealer",
      status: "active",
      primary_category_id: 12,
    });

    const offer = await newOffer(call, id);
    const refused = await call("DELETE", `/dashboard/merchants/${id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toBe("conflict");
    await call("DELETE", `/dashboard/offers/${offer}`);
    expect((await call("DELETE", `/dashboard/merchants/${id}`)).status).toBe(204);
    expect((await call("GET", `/dashboard/merchants/${id}`)).status).toBe(404);
  });

  it("adds and lists locations", async () => {
    const id = await newMerchant(sandbox.db);
    const path = `/dashboard/merchants/${id}/locations`;
    const location = { address_line1: "1 John Deere Pl", city: "Moline", state: "IL", postal_code: "61265" };
    const added = await call("POST", path, { ...location, latitude: 41.5067, longitude: -90.5151 });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ merchant_id: id, latitude: 41.5067, longitude: -90.5151 });
    expect((await call("GET", path)).body).toEqual({ locations: [added.body] });
    expect((await call("POST", "/dashboard/merchants/99999999/locations", location)).status).toBe(404);
    const invalid = await call("POST", path, { ...location, latitude: 123 });
    expect(invalid.body.field_errors[0].field).toBe("latitude");
  });

  it("searches by name case-insensitively and pages, on the admin and the public route alike", async () => {
    const word = unique("Tractor");
    for (const suffix of ["A", "B", "C"]) await newMerchant(sandbox.db, `${word} ${suffix}`);
    for (const base of ["/dashboard/merchants", "/api/v1/merchants"]) {
      const page = await call("GET", `${base}?merchant_name=${word.toLowerCase()}&limit=2&offset=1`);
      expect(page.status).toBe(200);
      expect(page.body).toMatchObject({ total_count: 3, limit: 2, offset: 1 });
      expect(
        page.body.merchants.map((merchant: { merchant_name: string }) => merchant.merchant_name),
      ).toEqual([`${word} B`, `${word} C`]);
    }
    const tooMany = await call("GET", "/dashboard/merchants?limit=101");
    expect(tooMany.body.field_errors).toEqual([{ field: "limit", message: "must be at most 100" }]);
  });

  it("serves the public merchant routes without a token, in both envelopes", async () => {
    const id = await newMerchant(sandbox.db, unique("Public"));
    const anonymous = client(sandbox, null);
    expect((await anonymous("GET", `/api/v1/merchants/${id}`)).body.merchant_id).toBe(id);
    expect((await anonymous("GET", "/api/v1/merchants/99999999")).body.error).toBe("not_found");

    const variant = await createSandbox({ database: sandbox.db, token: TOKEN, listShape: "total_has_more" });
    const page = await client(variant, null)("GET", "/api/v1/merchants?limit=1");
    expect(page.body).toMatchObject({ has_more: true });
    expect(page.body.total).toBeGreaterThan(1);
    await variant.close();
  });
});
