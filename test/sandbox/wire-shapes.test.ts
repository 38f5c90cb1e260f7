import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createSandbox, ROUTES, type Sandbox } from "../../src/kigo/sandbox/server.js";
import {
  bulkCreateResult,
  campaign,
  campaignOfferLink,
  customerList,
  descriptive,
  errorBody,
  merchant,
  merchantList,
  merchantLocation,
  offer,
  offerAnalytics,
  offerList,
  offerPreview,
  offerType,
  offerWithDescriptive,
  program,
  promoCode,
  redemptionControl,
} from "../../src/kigo/schemas.js";
import { sandboxDatabase } from "../support/sandbox-database.js";
import { type Call, client, offerBody, TOKEN, unique } from "./http.js";

const listOf = (key: string, item: z.ZodType) => z.object({ [key]: z.array(item).min(1) });

/** Ids created along the way; later cases refer to earlier ones. */
const ids: Record<string, number> = {};

interface Case {
  key: string;
  path: () => string;
  body?: () => unknown;
  status: number;
  schema?: z.ZodType;
  /** Remembers an id from the answer under this name. */
  keep?: [name: string, field: string];
}

const cases: Case[] = [
  {
    key: "POST /dashboard/merchants",
    path: () => "/dashboard/merchants",
    body: () => ({ merchant_name: "Wire Dealer", merchant_type: "dealer" }),
    status: 201,
    schema: merchant,
    keep: ["merchant", "merchant_id"],
  },
  {
    key: "POST /dashboard/merchants/:id/locations",
    path: () => `/dashboard/merchants/${ids.merchant}/locations`,
    body: () => ({
      address_line1: "1 Main St",
      city: "Moline",
      state: "IL",
      postal_code: "61265",
      latitude: 41.5,
    }),
    status: 201,
    schema: merchantLocation,
    keep: ["location", "location_id"],
  },
  {
    key: "POST /dashboard/offers",
    path: () => "/dashboard/offers",
    body: () => offerBody(ids.merchant as number, { offer_expiry_date: "2030-01-01" }),
    status: 201,
    schema: offer,
    keep: ["offer", "offer_id"],
  },
  { key: "GET /dashboard/offers", path: () => "/dashboard/offers", status: 200, schema: offerList },
  {
    key: "GET /dashboard/offers/:id",
    path: () => `/dashboard/offers/${ids.offer}`,
    status: 200,
    schema: offerWithDescriptive,
  },
  {
    key: "PUT /dashboard/offers/:id",
    path: () => `/dashboard/offers/${ids.offer}`,
    body: () => ({ classification: "open_loop" }),
    status: 200,
    schema: offerWithDescriptive,
  },
  {
    key: "POST /dashboard/offers/types",
    path: () => "/dashboard/offers/types",
    body: () => ({ type_name: unique("wire_type") }),
    status: 201,
    schema: offerType,
    keep: ["type", "offer_type_id"],
  },
  {
    key: "GET /dashboard/offers/types",
    path: () => "/dashboard/offers/types",
    status: 200,
    schema: listOf("offer_types", offerType),
  },
  {
    key: "PUT /dashboard/offers/types/:id",
    path: () => `/dashboard/offers/types/${ids.type}`,
    body: () => ({ type_description: "Wire" }),
    status: 200,
    schema: offerType,
  },
  {
    key: "POST /dashboard/offers/redemption-controls",
    path: () => "/dashboard/offers/redemption-controls",
    body: () => ({ offer_id: ids.offer, usage_limit_per_customer: 2, location_ids: [ids.location] }),
    status: 201,
    schema: redemptionControl,
    keep: ["control", "control_id"],
  },
  {
    key: "GET /dashboard/offers/redemption-controls",
    path: () => `/dashboard/offers/redemption-controls?offer_id=${ids.offer}`,
    status: 200,
    schema: listOf("redemption_controls", redemptionControl),
  },
  {
    key: "PUT /dashboard/offers/redemption-controls/:id",
    path: () => `/dashboard/offers/redemption-controls/${ids.control}`,
    body: () => ({ total_usage_limit: 10 }),
    status: 200,
    schema: redemptionControl,
  },
  {
    key: "POST /dashboard/promo-codes",
    path: () => "/dashboard/promo-codes",
    body: () => ({ offer_id: ids.offer, promo_code: unique("WIRE") }),
    status: 201,
    schema: promoCode,
    keep: ["code", "promo_code_id"],
  },
  {
    key: "GET /dashboard/promo-codes",
    path: () => `/dashboard/promo-codes?offer_id=${ids.offer}`,
    status: 200,
    schema: listOf("promo_codes", promoCode),
  },
  {
    key: "PUT /dashboard/promo-codes/:id",
    path: () => `/dashboard/promo-codes/${ids.code}`,
    body: () => ({ usage_limit: 3 }),
    status: 200,
    schema: promoCode,
  },
  {
    key: "POST /dashboard/offers/:id/descriptives",
    path: () => `/dashboard/offers/${ids.offer}/descriptives`,
    body: () => ({ language_code: "es", short_text: "Hola" }),
    status: 201,
    schema: descriptive,
  },
  {
    key: "PUT /dashboard/offers/:id/descriptives",
    path: () => `/dashboard/offers/${ids.offer}/descriptives`,
    body: () => ({ language_code: "fr", short_text: "Salut" }),
    status: 200,
    schema: descriptive,
  },
  {
    key: "GET /dashboard/offers/:id/descriptives",
    path: () => `/dashboard/offers/${ids.offer}/descriptives`,
    status: 200,
    schema: listOf("descriptives", descriptive),
  },
  {
    key: "POST /dashboard/offers/:id/customer-lists",
    path: () => `/dashboard/offers/${ids.offer}/customer-lists`,
    body: () => ({ list_name: "Wire", customers: ["a", "b"] }),
    status: 201,
    schema: customerList,
  },
  {
    key: "GET /dashboard/offers/:id/customer-lists",
    path: () => `/dashboard/offers/${ids.offer}/customer-lists`,
    status: 200,
    schema: listOf("customer_lists", customerList),
  },
  {
    key: "GET /dashboard/offers/:id/analytics",
    path: () => `/dashboard/offers/${ids.offer}/analytics?start_date=2025-01-01&end_date=2025-01-03`,
    status: 200,
    schema: offerAnalytics,
  },
  {
    key: "GET /dashboard/offers/:id/preview",
    path: () => `/dashboard/offers/${ids.offer}/preview?surface=marketplace`,
    status: 200,
    schema: offerPreview,
  },
  {
    key: "POST /dashboard/offers/:id/duplicate",
    path: () => `/dashboard/offers/${ids.offer}/duplicate`,
    status: 201,
    schema: offerWithDescriptive,
    keep: ["copy", "offer_id"],
  },
  {
    key: "POST /dashboard/offers/bulk-create",
    path: () => "/dashboard/offers/bulk-create",
    body: () => ({ offers: [offerBody(ids.merchant as number), offerBody(ids.merchant as number)] }),
    status: 201,
    schema: bulkCreateResult,
  },
  {
    key: "POST /dashboard/programs",
    path: () => "/dashboard/programs",
    body: () => ({ program_name: "Wire", program_type: "hybrid" }),
    status: 201,
    schema: program,
    keep: ["program", "program_id"],
  },
  {
    key: "GET /dashboard/programs",
    path: () => "/dashboard/programs",
    status: 200,
    schema: listOf("programs", program),
  },
  {
    key: "GET /dashboard/programs/:id",
    path: () => `/dashboard/programs/${ids.program}`,
    status: 200,
    schema: program,
  },
  {
    key: "PUT /dashboard/programs/:id",
    path: () => `/dashboard/programs/${ids.program}`,
    body: () => ({ program_name: "Wire 2" }),
    status: 200,
    schema: program,
  },
  {
    key: "POST /dashboard/campaigns",
    path: () => "/dashboard/campaigns",
    body: () => ({
      program_id: ids.program,
      campaign_name: "W",
      start_date: "2025-01-01",
      end_date: "2025-01-31",
    }),
    status: 201,
    schema: campaign,
    keep: ["campaign", "campaign_id"],
  },
  {
    key: "GET /dashboard/campaigns",
    path: () => "/dashboard/campaigns",
    status: 200,
    schema: listOf("campaigns", campaign),
  },
  {
    key: "GET /dashboard/campaigns/:id",
    path: () => `/dashboard/campaigns/${ids.campaign}`,
    status: 200,
    schema: campaign,
  },
  {
    key: "GET /dashboard/programs/:id/campaigns",
    path: () => `/dashboard/programs/${ids.program}/campaigns`,
    status: 200,
    schema: listOf("campaigns", campaign),
  },
  {
    key: "POST /dashboard/campaigns/:id/offers",
    path: () => `/dashboard/campaigns/${ids.campaign}/offers`,
    body: () => ({ offer_id: ids.offer }),
    status: 201,
    schema: campaignOfferLink,
  },
  {
    key: "GET /dashboard/campaigns/:id/offers",
    path: () => `/dashboard/campaigns/${ids.campaign}/offers`,
    status: 200,
    schema: listOf("offers", campaignOfferLink),
  },
  { key: "GET /dashboard/merchants", path: () => "/dashboard/merchants", status: 200, schema: merchantList },
  {
    key: "GET /dashboard/merchants/:id",
    path: () => `/dashboard/merchants/${ids.merchant}`,
    status: 200,
    schema: merchant,
  },
  {
    key: "PUT /dashboard/merchants/:id",
    path: () => `/dashboard/merchants/${ids.merchant}`,
    body: () => ({ status: "inactive" }),
    status: 200,
    schema: merchant,
  },
  {
    key: "GET /dashboard/merchants/:id/locations",
    path: () => `/dashboard/merchants/${ids.merchant}/locations`,
    status: 200,
    schema: listOf("locations", merchantLocation),
  },
  { key: "GET /api/v1/merchants", path: () => "/api/v1/merchants", status: 200, schema: merchantList },
  {
    key: "GET /api/v1/merchants/:id",
    path: () => `/api/v1/merchants/${ids.merchant}`,
    status: 200,
    schema: merchant,
  },
  {
    key: "POST /__sandbox/faults",
    path: () => "/__sandbox/faults",
    body: () => ({ route: "GET /dashboard/programs", delayMs: 1 }),
    status: 204,
  },
  { key: "DELETE /__sandbox/faults", path: () => "/__sandbox/faults", status: 204 },
  { key: "DELETE /dashboard/promo-codes/:id", path: () => `/dashboard/promo-codes/${ids.code}`, status: 204 },
  {
    key: "DELETE /dashboard/offers/redemption-controls/:id",
    path: () => `/dashboard/offers/redemption-controls/${ids.control}`,
    status: 204,
  },
  {
    key: "DELETE /dashboard/offers/types/:id",
    path: () => `/dashboard/offers/types/${ids.type}`,
    status: 204,
  },
  { key: "DELETE /dashboard/offers/:id", path: () => `/dashboard/offers/${ids.copy}`, status: 204 },
  {
    key: "DELETE /dashboard/merchants/:id",
    path: () => `/dashboard/merchants/${ids.merchant}`,
    status: 409,
    schema: errorBody,
  },
];

let sandbox: Sandbox;
let call: Call;

beforeAll(async () => {
  sandbox = await createSandbox({ database: sandboxDatabase(), token: TOKEN });
  call = client(sandbox);
});

afterAll(async () => {
  await sandbox?.close();
});

describe("every answer parses with its response schema", () => {
  it("has a case for every route", () => {
    expect(cases.map((entry) => entry.key).sort()).toEqual([...ROUTES].sort());
  });

  it.each(cases.map((entry) => [entry.key, entry] as const))("%s", async (_, entry) => {
    const method = entry.key.split(" ")[0] as string;
    const answer = await call(method, entry.path(), entry.body?.());
    expect(answer.status, answer.text).toBe(entry.status);
    if (!entry.schema) {
      expect(answer.text).toBe("");
      return;
    }
    const parsed = entry.schema.safeParse(answer.body);
    expect(parsed.error?.issues ?? []).toEqual([]);
    if (entry.keep) ids[entry.keep[0]] = answer.body[entry.keep[1]];
  });

  it("writes offers in the documented vocabulary: plain dates, one-letter code_type, seed statuses", async () => {
    const { body } = await call("GET", `/dashboard/offers/${ids.offer}`);
    expect(body.version_active_from).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(body.offer_expiry_date).toBe("2030-01-01");
    expect(body.code_type).toHaveLength(1);
    expect(["active", "inactive", "expired"]).toContain(body.offer_status);
    expect(typeof body.offer_id).toBe("number");
  });

  it("lists in the { total, has_more } envelope parse too", async () => {
    const variant = await createSandbox({ database: sandbox.db, token: TOKEN, listShape: "total_has_more" });
    const variantCall = client(variant);
    const offers = offerList.parse((await variantCall("GET", "/dashboard/offers?limit=1")).body);
    expect(offers).toMatchObject({ hasMore: true, items: [expect.anything()] });
    expect(offers.total).toBeGreaterThan(1);
    const merchants = merchantList.parse((await variantCall("GET", "/api/v1/merchants")).body);
    expect(merchants.hasMore).toBe(false);
    await variant.close();
  });

  it("error answers parse with errorBody, field errors included", async () => {
    const answers = [
      await call("POST", "/dashboard/offers", { code_type: "PP" }),
      await call("GET", "/dashboard/offers/99999999"),
      await client(sandbox, null)("GET", "/dashboard/offers"),
      await call("POST", "/dashboard/offers/types", { type_name: "dup_wire" }).then(() =>
        call("POST", "/dashboard/offers/types", { type_name: "dup_wire" }),
      ),
    ];
    const parsed = answers.map((answer) => errorBody.parse(answer.body));
    expect(parsed.map((error) => error.code)).toEqual([
      "validation_error",
      "not_found",
      "unauthorized",
      "conflict",
    ]);
    expect(parsed[0]?.fieldErrors.map((error) => error.field)).toContain("code_type");
    for (const error of parsed) expect(error.message).toBeTruthy();
  });
});
