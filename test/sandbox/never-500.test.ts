import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSandbox, ROUTES, type Sandbox } from "../../src/kigo/sandbox/server.js";
import { sandboxDatabase } from "../support/sandbox-database.js";
import {
  type Answer,
  type Call,
  client,
  newLocation,
  newMerchant,
  newOffer,
  offerBody,
  TOKEN,
  unique,
} from "./http.js";

/**
 * Whatever a client sends, the sandbox answers as the API would: success, or a 4xx in the error
 * shape naming what was wrong. A 500 would tell the bot's tests "the server broke" where the
 * truth is "the request was bad", so no input may produce one.
 */

const RUNS = 100;

let sandbox: Sandbox;
let call: Call;
const unexpected: unknown[] = [];
const ids: Record<string, number> = {};

beforeAll(async () => {
  sandbox = await createSandbox({
    database: sandboxDatabase(),
    token: TOKEN,
    onError: (error) => unexpected.push(error),
  });
  call = client(sandbox);
  ids.merchant = await newMerchant(sandbox.db);
  ids.location = await newLocation(sandbox.db, ids.merchant);
  ids.offer = await newOffer(call, ids.merchant);
  const created = async (path: string, body: unknown, key: string) =>
    (await call("POST", path, body)).body[key];
  ids.type = await created("/dashboard/offers/types", { type_name: unique("type") }, "offer_type_id");
  ids.control = await created("/dashboard/offers/redemption-controls", { offer_id: ids.offer }, "control_id");
  ids.code = await created(
    "/dashboard/promo-codes",
    { offer_id: ids.offer, promo_code: unique("C") },
    "promo_code_id",
  );
  ids.program = await created(
    "/dashboard/programs",
    { program_name: "P", program_type: "hybrid" },
    "program_id",
  );
  ids.campaign = await created(
    "/dashboard/campaigns",
    { program_id: ids.program, campaign_name: "C", start_date: "2025-01-01", end_date: "2025-12-31" },
    "campaign_id",
  );
});

afterAll(async () => {
  await sandbox?.close();
});

/** A write route, the row its `:id` names, and a body it would accept. */
interface Endpoint {
  route: string;
  id?: keyof typeof ids;
  valid: () => Record<string, unknown>;
}

const merchantBody = () => ({ merchant_name: "M", merchant_type: "retail", primary_category_id: 3 });
const offer = () => ({
  ...offerBody(ids.merchant as number),
  external_reference: unique("kob:v1:"),
  offer_expiry_date: "2025-12-31",
  clickthru_url: "https://kigo.io/deal",
  image_url: "https://cdn.kigo.io/a.png",
});

const ENDPOINTS: Endpoint[] = [
  { route: "POST /dashboard/offers", valid: offer },
  { route: "PUT /dashboard/offers/:id", id: "offer", valid: offer },
  { route: "POST /dashboard/offers/bulk-create", valid: () => ({ offers: [offer(), offer()] }) },
  {
    route: "POST /dashboard/offers/:id/descriptives",
    id: "offer",
    valid: () => ({
      language_code: "es",
      short_text: "Hola",
      savings_amount: "10",
      savings_type: "percentage",
    }),
  },
  {
    route: "PUT /dashboard/offers/:id/descriptives",
    id: "offer",
    valid: () => ({ language_code: "en", long_text: "Hi", image_url: "https://cdn.kigo.io/b.png" }),
  },
  {
    route: "POST /dashboard/offers/:id/duplicate",
    id: "offer",
    valid: () => ({ external_reference: unique("D") }),
  },
  {
    route: "POST /dashboard/offers/:id/customer-lists",
    id: "offer",
    valid: () => ({ list_name: "L", customers: ["a@x.io", "b@x.io"] }),
  },
  {
    route: "POST /dashboard/offers/types",
    valid: () => ({ type_name: unique("t"), type_description: "d", is_active: true }),
  },
  {
    route: "PUT /dashboard/offers/types/:id",
    id: "type",
    valid: () => ({ type_description: "d", is_active: false }),
  },
  {
    route: "POST /dashboard/offers/redemption-controls",
    valid: () => ({
      offer_id: ids.offer,
      usage_limit_per_customer: 2,
      total_usage_limit: 10,
      location_ids: [ids.location],
    }),
  },
  {
    route: "PUT /dashboard/offers/redemption-controls/:id",
    id: "control",
    valid: () => ({ usage_limit_per_customer: 1, total_usage_limit: 5, location_ids: [ids.location] }),
  },
  {
    route: "POST /dashboard/promo-codes",
    valid: () => ({ offer_id: ids.offer, promo_code: unique("P"), code_type: "unique", usage_limit: 5 }),
  },
  {
    route: "PUT /dashboard/promo-codes/:id",
    id: "code",
    valid: () => ({ usage_limit: 7, code_type: "single" }),
  },
  {
    route: "POST /dashboard/programs",
    valid: () => ({ program_name: "P", program_type: "open_loop", program_status: "active" }),
  },
  {
    route: "PUT /dashboard/programs/:id",
    id: "program",
    valid: () => ({ program_name: "Q", partner_id: null }),
  },
  {
    route: "POST /dashboard/campaigns",
    valid: () => ({
      program_id: ids.program,
      campaign_name: "C",
      campaign_type: "offer_based",
      start_date: "2025-01-01",
      end_date: "2025-01-31",
    }),
  },
  { route: "POST /dashboard/campaigns/:id/offers", id: "campaign", valid: () => ({ offer_id: ids.offer }) },
  { route: "POST /dashboard/merchants", valid: merchantBody },
  { route: "PUT /dashboard/merchants/:id", id: "merchant", valid: merchantBody },
  {
    route: "POST /dashboard/merchants/:id/locations",
    id: "merchant",
    valid: () => ({
      address_line1: "1 Main St",
      city: "Moline",
      state: "IL",
      postal_code: "61265",
      latitude: 41.5,
      longitude: -90.5,
    }),
  },
  // Deletes go last: they may remove the rows the other endpoints aim at, which only means 404s.
  { route: "DELETE /dashboard/promo-codes/:id", id: "code", valid: () => ({}) },
  { route: "DELETE /dashboard/offers/redemption-controls/:id", id: "control", valid: () => ({}) },
  { route: "DELETE /dashboard/offers/types/:id", id: "type", valid: () => ({}) },
  { route: "DELETE /dashboard/merchants/:id", id: "merchant", valid: () => ({}) },
  { route: "DELETE /dashboard/offers/:id", id: "offer", valid: () => ({}) },
];

/** Injecting faults is that route's job: a valid body makes later calls answer 5xx on purpose. */
const NOT_FUZZED = ["POST /__sandbox/faults", "DELETE /__sandbox/faults"];

/** Values that broke, or could break, a column or a reader: NUL, impossible days, out-of-range numbers, odd text. */
const awkward: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.string({
    unit: fc.constantFrom("\u0000", "\ud800", "\udfff", "%", "_", "\\", "'", "é", "𝄞", " ", "a", "5"),
  }),
  fc.constantFrom(
    "2026-02-30",
    "2026-13-45",
    "0000-01-01",
    "9999-12-31",
    "2025-01-01",
    "javascript:alert(1)",
    "Z",
    "",
  ),
  fc.constantFrom("500", "-5", "percentage", "fixed", "promo_code", "en", "http://x.io"),
  fc.integer(),
  fc.constantFrom(0, -1, 1e12, 2 ** 31, 2 ** 53, -(2 ** 63), 0.5, 1e308),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(fc.integer(), fc.constantFrom("promo_code", "barcode")), { maxLength: 4 }),
  fc.jsonValue({ maxDepth: 2 }),
);

/** Mostly a valid body with a few fields changed, added or removed; sometimes any JSON at all. */
const request = (keys: string[]) =>
  fc.record({
    id: fc.oneof(
      { weight: 6, arbitrary: fc.constant(undefined) },
      { weight: 1, arbitrary: fc.constantFrom("99999999", "9223372036854775808", "0") },
    ),
    body: fc.oneof(
      {
        weight: 4,
        arbitrary: fc.record({
          set: fc.dictionary(fc.constantFrom(...keys, "extra_field"), awkward, { maxKeys: 3 }),
          drop: fc.subarray(keys, { maxLength: Math.min(2, keys.length) }),
        }),
      },
      { weight: 1, arbitrary: fc.record({ raw: fc.jsonValue({ maxDepth: 3 }) }) },
    ),
  });

function expectCleanAnswer(answer: Answer) {
  expect([200, 201, 204, 400, 404, 409], answer.text).toContain(answer.status);
  if (answer.status >= 400 && answer.body !== undefined) {
    expect(answer.body).toMatchObject({ error: expect.any(String), message: expect.any(String) });
  }
  if (answer.status === 400) expect(answer.body.field_errors.length).toBeGreaterThan(0);
}

describe("no input makes the sandbox answer 500", () => {
  it("has a property for every write route", () => {
    const writes = ROUTES.filter((route) => !route.startsWith("GET ") && !NOT_FUZZED.includes(route));
    expect(ENDPOINTS.map((endpoint) => endpoint.route).sort()).toEqual([...writes].sort());
  });

  it.each(ENDPOINTS)("$route", async ({ route, id, valid }) => {
    const [method, pattern] = route.split(" ") as [string, string];
    const keys = Object.keys(valid());
    await fc.assert(
      fc.asyncProperty(request(keys), async ({ id: otherId, body }) => {
        const path = pattern.replace(":id", otherId ?? String(id && ids[id]));
        let payload: unknown;
        if ("raw" in body) payload = body.raw;
        else if (method !== "DELETE") {
          payload = { ...valid(), ...body.set };
          for (const key of body.drop) delete (payload as Record<string, unknown>)[key];
        }
        expectCleanAnswer(await call(method, path, payload));
        expect(unexpected.splice(0)).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  const filters = {
    "/dashboard/offers": [
      "merchant_owner",
      "offer_status",
      "short_text",
      "external_reference",
      "limit",
      "offset",
    ],
    "/dashboard/merchants": ["merchant_name", "limit", "offset"],
    "/api/v1/merchants": ["merchant_name", "limit", "offset"],
    "/dashboard/promo-codes": ["offer_id", "promo_code"],
    "/dashboard/offers/redemption-controls": ["offer_id"],
    "/dashboard/campaigns": ["program_id"],
  };

  it.each(Object.entries(filters))("list filters of GET %s", async (path, names) => {
    const value = fc.oneof(awkward.map(String), fc.string({ unit: "binary" }));
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom(...names), value, { maxKeys: 3 }), async (query) => {
        expectCleanAnswer(await call("GET", `${path}?${new URLSearchParams(query)}`));
        expect(unexpected.splice(0)).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });
});
