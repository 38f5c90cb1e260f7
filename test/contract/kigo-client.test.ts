import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KigoClient } from "../../src/kigo/client.js";
import { KigoApiError, KigoUnsupportedError } from "../../src/kigo/errors.js";
import type { DatabaseOptions } from "../../src/kigo/sandbox/db.js";
import { createSandbox, type Sandbox } from "../../src/kigo/sandbox/server.js";
import type { CreateOfferInput } from "../../src/kigo/schemas.js";
import { sandboxDatabase } from "../support/sandbox-database.js";
import { freshSchemaName, POSTGRES_URL, serviceAvailable } from "../support/services.js";

/**
 * The typed client against the embedded sandbox, over real HTTP, on both databases the sandbox
 * supports. Every endpoint of the seed's inventory is exercised through the client.
 */

const TOKEN = "contract-token";
const postgresUp = await serviceAvailable("postgres");
const postgresSchema = freshSchemaName("contract");

const databases: { name: string; options: DatabaseOptions; skip: boolean }[] = [
  { name: "PGlite", options: sandboxDatabase(), skip: false },
  {
    name: "PostgreSQL",
    options: { kind: "postgres", url: POSTGRES_URL, schema: postgresSchema },
    skip: !postgresUp,
  },
];

let uniqueCounter = 0;
const unique = (prefix: string) =>
  `${prefix}${Date.now().toString(36).toUpperCase()}${++uniqueCounter}`.slice(0, 20);

function clientFor(url: string, overrides: Partial<ConstructorParameters<typeof KigoClient>[0]> = {}) {
  return new KigoClient({
    baseUrl: url,
    token: TOKEN,
    timeoutMs: 2_000,
    retries: 3,
    retryBaseDelayMs: 5,
    retryMaxDelayMs: 20,
    ...overrides,
  });
}

async function expectApiError(promise: Promise<unknown>): Promise<KigoApiError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(KigoApiError);
  return error as KigoApiError;
}

describe.each(databases)("Kigo client against the sandbox on $name", ({ options, skip }) => {
  let sandbox: Sandbox;
  let url: string;
  let client: KigoClient;
  let merchantId: number;
  /** A merchant with exactly five offers, for paging. */
  let pagedMerchant: number;

  const offerInput = (overrides: Partial<CreateOfferInput> = {}): CreateOfferInput => ({
    version_active_from: "2030-12-01",
    merchant_owner: merchantId,
    default_language: "en",
    offer_expiry_date: "2030-12-31",
    offer_status: "active",
    offer_type: "percentage_savings",
    offer_redemption_methods: ["promo_code"],
    code_type: "P",
    classification: "closed_loop",
    short_text: "Q4 Dealer Incentive",
    long_text: "20% off all equipment purchases",
    terms_conditions: "Valid for authorized dealers only",
    ...overrides,
  });

  beforeAll(async () => {
    if (skip) return;
    sandbox = await createSandbox({ database: options, token: TOKEN });
    url = await sandbox.listen(0);
    client = clientFor(url);
    merchantId = (
      await client.createMerchant({ merchant_name: "Green Valley Equipment", merchant_type: "dealer" })
    ).merchant_id;
    pagedMerchant = (await client.createMerchant({ merchant_name: "Paging Dealer", merchant_type: "dealer" }))
      .merchant_id;
    await client.bulkCreateOffers({
      offers: Array.from({ length: 5 }, () => offerInput({ merchant_owner: pagedMerchant })),
    });
  });

  afterAll(async () => {
    if (skip) return;
    if (options.kind === "postgres")
      await sandbox.db.query(`DROP SCHEMA IF EXISTS ${postgresSchema} CASCADE`);
    await sandbox.close();
  });

  describe.skipIf(skip)("endpoints", () => {
    it("creates, reads, updates, lists and deletes an offer with its descriptive", async () => {
      const created = await client.createOffer(offerInput({ external_reference: unique("REF") }));
      expect(created).toMatchObject({
        merchant_owner: merchantId,
        offer_status: "active",
        code_type: "promo_code",
      });

      const read = await client.getOffer(created.offer_id);
      expect(read.short_text).toBe("Q4 Dealer Incentive");
      expect(read.offer_redemption_methods).toEqual(["promo_code"]);

      const paused = await client.updateOffer(created.offer_id, { offer_status: "inactive" });
      expect(paused.offer_status).toBe("paused");

      const page = await client.listOffers({ merchant_owner: merchantId, offer_status: "inactive" });
      expect(page.items.map((item) => item.offer_id)).toContain(created.offer_id);

      await client.deleteOffer(created.offer_id);
      const missing = await expectApiError(client.getOffer(created.offer_id));
      expect(missing.status).toBe(404);
      expect(missing).not.toBeInstanceOf(KigoUnsupportedError);
    });

    it("searches offers by title text", async () => {
      const title = `Harvest ${unique("S")}`;
      const created = await client.createOffer(offerInput({ short_text: title }));
      const page = await client.listOffers({ short_text: title.toLowerCase() });
      expect(page.items.map((item) => item.offer_id)).toEqual([created.offer_id]);
      expect(page.total).toBe(1);
    });

    it("manages offer types", async () => {
      const name = `lightning_${unique("T").toLowerCase()}`;
      const created = await client.offerTypes.create({ type_name: name, type_description: "Time-limited" });
      expect((await client.offerTypes.list()).map((type) => type.type_name)).toContain(name);
      expect((await client.offerTypes.update(created.offer_type_id, { is_active: false })).is_active).toBe(
        false,
      );
      await client.offerTypes.remove(created.offer_type_id);
      expect((await client.offerTypes.list()).map((type) => type.type_name)).not.toContain(name);
    });

    it("keeps per-customer and total usage limits and locations in redemption controls", async () => {
      const { offer_id } = await client.createOffer(offerInput());
      const location = await client.createMerchantLocation(merchantId, {
        address_line1: "1 John Deere Pl",
        city: "Moline",
        state: "IL",
        postal_code: "61265",
      });
      const control = await client.redemptionControls.create({
        offer_id,
        usage_limit_per_customer: 3,
        total_usage_limit: 1000,
        location_ids: [location.location_id],
      });
      expect(control).toMatchObject({
        usage_limit_per_customer: 3,
        total_usage_limit: 1000,
        location_ids: [location.location_id],
      });
      const updated = await client.redemptionControls.update(control.control_id, { total_usage_limit: 500 });
      expect(updated).toMatchObject({ usage_limit_per_customer: 3, total_usage_limit: 500 });
      expect(await client.redemptionControls.list({ offer_id })).toHaveLength(1);
      await client.redemptionControls.remove(control.control_id);
      expect(await client.redemptionControls.list({ offer_id })).toHaveLength(0);
    });

    it("creates promo codes and refuses a duplicate with 409 naming the field", async () => {
      const { offer_id } = await client.createOffer(offerInput());
      const code = unique("DEALER");
      const created = await client.promoCodes.create({ promo_code: code, offer_id, usage_limit: 1000 });
      expect(created).toMatchObject({ promo_code: code, code_type: "single", redemption_count: 0 });

      const conflict = await expectApiError(client.promoCodes.create({ promo_code: code, offer_id }));
      expect(conflict.status).toBe(409);
      expect(conflict.fieldErrors.map((error) => error.field)).toContain("promo_code");

      expect((await client.findPromoCode(code))?.promo_code_id).toBe(created.promo_code_id);
      expect((await client.promoCodes.update(created.promo_code_id, { usage_limit: 10 })).usage_limit).toBe(
        10,
      );
      await client.promoCodes.remove(created.promo_code_id);
      expect(await client.findPromoCode(code)).toBeUndefined();
    });

    it("manages descriptives (translations)", async () => {
      const { offer_id } = await client.createOffer(offerInput());
      await client.addDescriptive(offer_id, {
        language_code: "es",
        short_text: "Incentivo de concesionario",
      });
      const replaced = await client.putDescriptive(offer_id, {
        language_code: "en",
        short_text: "Dealer Days",
      });
      expect(replaced.short_text).toBe("Dealer Days");
      const languages = (await client.listDescriptives(offer_id)).map((item) => item.language_code).sort();
      expect(languages).toEqual(["en", "es"]);
      expect((await client.getOffer(offer_id)).short_text).toBe("Dealer Days");
      const again = await expectApiError(
        client.addDescriptive(offer_id, { language_code: "es", short_text: "x" }),
      );
      expect(again.status).toBe(409);
    });

    it("manages programs, campaigns and links offers to campaigns once", async () => {
      const created = await client.programs.create({
        program_name: "Dealer Network",
        program_type: "closed_loop",
      });
      expect(await client.programs.get(created.program_id)).toMatchObject({ program_type: "closed_loop" });
      expect(
        (await client.programs.update(created.program_id, { program_name: "JD Dealers" })).program_name,
      ).toBe("JD Dealers");
      expect((await client.programs.list()).map((item) => item.program_id)).toContain(created.program_id);

      const campaign = await client.createCampaign({
        program_id: created.program_id,
        campaign_name: "Q4 Dealer Incentive",
        start_date: "2030-12-01",
        end_date: "2030-12-31",
      });
      expect(await client.getCampaign(campaign.campaign_id)).toMatchObject({ campaign_type: "offer_based" });
      expect((await client.listProgramCampaigns(created.program_id)).map((item) => item.campaign_id)).toEqual(
        [campaign.campaign_id],
      );
      expect((await client.listCampaigns(created.program_id)).length).toBe(1);

      const { offer_id } = await client.createOffer(offerInput());
      expect((await client.linkOfferToCampaign(campaign.campaign_id, offer_id)).created).toBe(true);
      expect((await client.linkOfferToCampaign(campaign.campaign_id, offer_id)).created).toBe(false);
      expect(await client.listCampaignOffers(campaign.campaign_id)).toHaveLength(1);
    });

    it("manages merchants and searches them by name", async () => {
      const name = `Prairie Tractor ${unique("M")}`;
      const created = await client.createMerchant({ merchant_name: name, merchant_type: "dealer" });
      expect((await client.getMerchant(created.merchant_id)).merchant_name).toBe(name);
      const found = await client.listMerchants({ merchant_name: name.toLowerCase() });
      expect(found.items.map((item) => item.merchant_id)).toEqual([created.merchant_id]);
      expect((await client.updateMerchant(created.merchant_id, { status: "inactive" })).status).toBe(
        "inactive",
      );
      await client.createMerchantLocation(created.merchant_id, {
        address_line1: "5 Main St",
        city: "Ames",
        state: "IA",
        postal_code: "50010",
      });
      expect(await client.listMerchantLocations(created.merchant_id)).toHaveLength(1);
      await client.deleteMerchant(created.merchant_id);
      expect((await expectApiError(client.getMerchant(created.merchant_id))).status).toBe(404);
    });

    it("uploads a customer list once, de-duplicating customers", async () => {
      const { offer_id } = await client.createOffer(offerInput());
      const input = { list_name: "Fleet dealers", customers: ["a@deere.com", "b@deere.com", "a@deere.com"] };
      const first = await client.uploadCustomerList(offer_id, input);
      expect(first).toMatchObject({ created: true, value: { customer_count: 2 } });
      expect((await client.uploadCustomerList(offer_id, input)).created).toBe(false);
      expect(await client.listCustomerLists(offer_id)).toHaveLength(1);
    });

    it("reports analytics for a date range", async () => {
      const { offer_id } = await client.createOffer(offerInput({ version_active_from: "2030-01-01" }));
      const analytics = await client.getOfferAnalytics(offer_id, {
        start_date: "2030-01-01",
        end_date: "2030-01-03",
      });
      expect(analytics).toMatchObject({
        offer_id,
        total_redemptions: 0,
        unique_users: 0,
        revenue_generated: 0,
      });
      expect(analytics.redemptions_by_day.map((day) => day.date)).toEqual([
        "2030-01-01",
        "2030-01-02",
        "2030-01-03",
      ]);
    });

    it("duplicates, bulk-creates and previews offers", async () => {
      const original = await client.createOffer(offerInput({ short_text: "Spring Tune-Up" }));
      const copy = await client.duplicateOffer(original.offer_id, { external_reference: unique("DUP") });
      expect(copy.offer_id).not.toBe(original.offer_id);
      expect((await client.getOffer(copy.offer_id)).short_text).toBe("Spring Tune-Up");

      const created = await client.bulkCreateOffers({
        offers: [offerInput(), offerInput({ code_type: "B" })],
      });
      expect(created.map((item) => item.code_type)).toEqual(["promo_code", "barcode"]);

      const preview = await client.getOfferPreview(original.offer_id, "marketplace");
      expect(preview).toMatchObject({
        offer_id: original.offer_id,
        surface: "marketplace",
        title: "Spring Tune-Up",
      });
    });
  });

  describe.skipIf(skip)("errors", () => {
    it("answers 401 for a wrong token with a human message", async () => {
      const error = await expectApiError(clientFor(url, { token: "wrong" }).listOffers());
      expect(error.status).toBe(401);
      expect(error.message).not.toMatch(/at .*\.ts/);
    });

    it("names the field the server refused", async () => {
      const response = await sandbox.fetch(
        new Request(`${url}/dashboard/offers`, {
          method: "POST",
          headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
          body: JSON.stringify({ ...offerInput(), code_type: "PP" }),
        }),
      );
      expect(response.status).toBe(400);
      const body = (await response.json()) as { field_errors: { field: string }[] };
      expect(body.field_errors.map((error) => error.field)).toContain("code_type");
    });

    it("refuses a bad value before sending it, naming the field", async () => {
      const before = sandbox.hits("POST /dashboard/offers");
      const error = await expectApiError(client.createOffer(offerInput({ code_type: "PP" })));
      expect(error).toMatchObject({ status: 400, code: "validation_error" });
      expect(error.fieldErrors[0]?.field).toBe("code_type");
      expect(sandbox.hits("POST /dashboard/offers")).toBe(before);
    });

    it("maps a missing merchant to a 400 naming merchant_owner", async () => {
      const response = await sandbox.fetch(
        new Request(`${url}/dashboard/offers`, {
          method: "POST",
          headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
          body: JSON.stringify(offerInput({ merchant_owner: 999_999 })),
        }),
      );
      expect(response.status).toBe(400);
      expect(JSON.stringify(await response.json())).toContain("merchant_owner");
    });
  });

  describe.skipIf(skip)("pagination", () => {
    it("pages with limit and offset and reports the total", async () => {
      const first = await client.listOffers({ merchant_owner: pagedMerchant, limit: 2 });
      expect(first).toMatchObject({ total: 5, limit: 2, offset: 0, hasMore: true });
      const last = await client.listOffers({ merchant_owner: pagedMerchant, limit: 2, offset: 4 });
      expect(last.items).toHaveLength(1);
      expect(last.hasMore).toBe(false);
      const beyond = await client.listOffers({ merchant_owner: pagedMerchant, limit: 2, offset: 50 });
      expect(beyond).toMatchObject({ items: [], total: 5, hasMore: false });
      const ids = [
        ...first.items,
        ...(await client.listOffers({ merchant_owner: pagedMerchant, limit: 2, offset: 2 })).items,
      ].map((item) => item.offer_id);
      expect(new Set(ids).size).toBe(4);
    });

    it("refuses a page larger than 100 before sending it", async () => {
      const error = await expectApiError(client.listOffers({ limit: 101 }));
      expect(error.fieldErrors[0]?.field).toBe("limit");
    });

    it("reads the total/has_more envelope variant the same way", async () => {
      const variant = await createSandbox({
        database: sandbox.db,
        token: TOKEN,
        listShape: "total_has_more",
      });
      const variantClient = clientFor(await variant.listen(0));
      try {
        const page = await variantClient.listOffers({ merchant_owner: pagedMerchant, limit: 2, offset: 2 });
        expect(page).toMatchObject({ total: 5, offset: 2, hasMore: true });
        expect(page.items).toHaveLength(2);
        expect((await variantClient.listMerchants({ merchant_name: "Paging Dealer" })).total).toBe(1);
      } finally {
        await variant.close();
      }
    });
  });

  describe.skipIf(skip)("faults and retries", () => {
    it("retries a GET through 503s and a 429 with Retry-After, then succeeds", async () => {
      const before = sandbox.hits("GET /dashboard/offers/types");
      sandbox.faults.inject({ route: "GET /dashboard/offers/types", status: 503, times: 2 });
      sandbox.faults.inject({
        route: "GET /dashboard/offers/types",
        status: 429,
        retryAfterSeconds: 1,
        times: 1,
      });
      const started = Date.now();
      await client.offerTypes.list();
      expect(Date.now() - started).toBeGreaterThanOrEqual(950);
      expect(sandbox.hits("GET /dashboard/offers/types") - before).toBe(4);
    });

    it("gives up after the retries with a typed, retryable error", async () => {
      const before = sandbox.hits("GET /dashboard/offers/types");
      sandbox.faults.inject({ route: "GET /dashboard/offers/types", status: 502, times: 10 });
      const error = await expectApiError(client.offerTypes.list());
      sandbox.faults.clear();
      expect(error).toMatchObject({ status: 502, retryable: true });
      expect(error.message).toMatch(/try again/);
      expect(sandbox.hits("GET /dashboard/offers/types") - before).toBe(4);
    });

    it("times out a slow answer and retries it", async () => {
      const quick = clientFor(url, { timeoutMs: 200 });
      sandbox.faults.inject({ route: "GET /dashboard/offers/:id", delayMs: 600, times: 1 });
      const { offer_id } = await client.createOffer(offerInput());
      expect((await quick.getOffer(offer_id)).offer_id).toBe(offer_id);
    });

    it("does not blindly retry a plain POST", async () => {
      const before = sandbox.hits("POST /dashboard/offers");
      sandbox.faults.inject({ route: "POST /dashboard/offers", status: 503, times: 1 });
      const error = await expectApiError(client.createOffer(offerInput()));
      expect(error.status).toBe(503);
      expect(sandbox.hits("POST /dashboard/offers") - before).toBe(1);
    });

    it("creates once when the answer to the first POST is lost", async () => {
      const reference = unique("PUB");
      sandbox.faults.inject({ route: "POST /dashboard/offers", status: 500, phase: "after", times: 1 });
      const result = await client.createOfferOnce({ ...offerInput(), external_reference: reference });
      expect(result.created).toBe(false);
      const page = await client.listOffers({ external_reference: reference });
      expect(page.items).toHaveLength(1);
      expect(result.value.offer_id).toBe(page.items[0]?.offer_id);
    });

    it("creates once across repeated calls with the same idempotency key", async () => {
      const input = { ...offerInput(), external_reference: unique("ONCE") };
      const [first, second] = [await client.createOfferOnce(input), await client.createOfferOnce(input)];
      expect(first.created).toBe(true);
      expect(second).toMatchObject({ created: false, value: { offer_id: first.value.offer_id } });
    });
  });
});

describe("production profile", () => {
  let sandbox: Sandbox;
  let client: KigoClient;
  let merchantId: number;

  let requestsSent = 0;
  const countingFetch: typeof fetch = (input, init) => {
    requestsSent++;
    return fetch(input, init);
  };

  beforeAll(async () => {
    sandbox = await createSandbox({ database: sandboxDatabase(), token: TOKEN, profile: "production" });
    client = clientFor(await sandbox.listen(0), { fetch: countingFetch });
    const full = await createSandbox({ database: sandbox.db, token: TOKEN });
    merchantId = (
      await clientFor(await full.listen(0)).createMerchant({
        merchant_name: "Yardi Plaza",
        merchant_type: "property",
      })
    ).merchant_id;
    await full.close();
  });

  afterAll(async () => {
    await sandbox.close();
  });

  it("reports each missing endpoint as unsupported and remembers it", async () => {
    const input: CreateOfferInput = {
      version_active_from: "2030-12-01",
      merchant_owner: merchantId,
      default_language: "en",
      offer_redemption_methods: ["show_save"],
      code_type: "S",
      classification: "open_loop",
    };
    const offerId = (await client.createOffer(input)).offer_id;

    const calls: [string, () => Promise<unknown>][] = [
      ["programs", () => client.programs.list()],
      ["campaigns", () => client.listCampaigns()],
      ["descriptives", () => client.listDescriptives(offerId)],
      ["customer_lists", () => client.listCustomerLists(offerId)],
      ["analytics", () => client.getOfferAnalytics(offerId)],
      ["duplicate", () => client.duplicateOffer(offerId)],
      ["bulk_create", () => client.bulkCreateOffers({ offers: [input] })],
      ["preview", () => client.getOfferPreview(offerId)],
      ["merchants_admin", () => client.createMerchant({ merchant_name: "X", merchant_type: "catalog" })],
    ];
    for (const [capability, call] of calls) {
      const error = await expectApiError(call());
      expect(error, capability).toBeInstanceOf(KigoUnsupportedError);
      expect((error as KigoUnsupportedError).capability).toBe(capability);
      expect(client.supports(capability as never)).toBe(false);
    }

    const sentBefore = requestsSent;
    expect(await expectApiError(client.programs.list())).toBeInstanceOf(KigoUnsupportedError);
    expect(requestsSent).toBe(sentBefore);
  });

  it("reads merchants through the public API when admin merchants are missing", async () => {
    const page = await client.listMerchants({ merchant_name: "yardi" });
    expect(page.items.map((item) => item.merchant_id)).toContain(merchantId);
    expect((await client.getMerchant(merchantId)).merchant_name).toBe("Yardi Plaza");
  });

  it("still tells a missing offer (404 with an API error) from a missing route", async () => {
    const error = await expectApiError(client.getOffer(987_654));
    expect(error.status).toBe(404);
    expect(error).not.toBeInstanceOf(KigoUnsupportedError);
  });
});
