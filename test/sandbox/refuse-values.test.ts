import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "../../src/kigo/sandbox/server.js";
import { backends } from "./backends.js";
import { type Call, client, expectRefused, newMerchant, newOffer, offerBody } from "./http.js";

/** Values the database cannot store, or the API could not read back, refused up front with the field named. */

const NUL = "20%\u0000 off";

describe.each(await backends())("on $name the sandbox refuses", (backend) => {
  let sandbox: Sandbox;
  let call: Call;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    sandbox = await backend.open();
    call = client(sandbox);
    ids.merchant = await newMerchant(sandbox.db);
    ids.offer = await newOffer(call, ids.merchant);
    ids.type = (
      await call("POST", "/dashboard/offers/types", { type_name: `t${Date.now()}` })
    ).body.offer_type_id;
    ids.program = (
      await call("POST", "/dashboard/programs", { program_name: "P", program_type: "open_loop" })
    ).body.program_id;
  });

  afterAll(() => backend.dispose(sandbox));

  /** A route, how to call it with a NUL in one string, and the field the 400 must name. */
  const nulCases: { route: string; path: () => string; body?: () => unknown; field: string }[] = [
    {
      route: "POST /dashboard/offers",
      path: () => "/dashboard/offers",
      body: () => offerBody(ids.merchant as number, { short_text: NUL }),
      field: "short_text",
    },
    {
      route: "PUT /dashboard/offers/:id",
      path: () => `/dashboard/offers/${ids.offer}`,
      body: () => ({ long_text: NUL }),
      field: "long_text",
    },
    {
      route: "POST /dashboard/offers/bulk-create",
      path: () => "/dashboard/offers/bulk-create",
      body: () => ({
        offers: [
          offerBody(ids.merchant as number),
          offerBody(ids.merchant as number, { terms_conditions: NUL }),
        ],
      }),
      field: "offers.1.terms_conditions",
    },
    {
      route: "POST /dashboard/offers/:id/descriptives",
      path: () => `/dashboard/offers/${ids.offer}/descriptives`,
      body: () => ({ language_code: "es", short_text: NUL }),
      field: "short_text",
    },
    {
      route: "PUT /dashboard/offers/:id/descriptives",
      path: () => `/dashboard/offers/${ids.offer}/descriptives`,
      body: () => ({ language_code: "fr", long_text: NUL }),
      field: "long_text",
    },
    {
      route: "POST /dashboard/offers/:id/duplicate",
      path: () => `/dashboard/offers/${ids.offer}/duplicate`,
      body: () => ({ external_reference: NUL }),
      field: "external_reference",
    },
    {
      route: "POST /dashboard/offers/:id/customer-lists",
      path: () => `/dashboard/offers/${ids.offer}/customer-lists`,
      body: () => ({ customers: ["a@x.io", NUL] }),
      field: "customers.1",
    },
    {
      route: "POST /dashboard/offers/types",
      path: () => "/dashboard/offers/types",
      body: () => ({ type_name: NUL }),
      field: "type_name",
    },
    {
      route: "PUT /dashboard/offers/types/:id",
      path: () => `/dashboard/offers/types/${ids.type}`,
      body: () => ({ type_description: NUL }),
      field: "type_description",
    },
    {
      route: "POST /dashboard/promo-codes",
      path: () => "/dashboard/promo-codes",
      body: () => ({ offer_id: ids.offer, promo_code: NUL }),
      field: "promo_code",
    },
    {
      route: "POST /dashboard/programs",
      path: () => "/dashboard/programs",
      body: () => ({ program_name: NUL, program_type: "hybrid" }),
      field: "program_name",
    },
    {
      route: "PUT /dashboard/programs/:id",
      path: () => `/dashboard/programs/${ids.program}`,
      body: () => ({ program_name: NUL }),
      field: "program_name",
    },
    {
      route: "POST /dashboard/campaigns",
      path: () => "/dashboard/campaigns",
      body: () => ({
        program_id: ids.program,
        campaign_name: NUL,
        start_date: "2025-01-01",
        end_date: "2025-01-31",
      }),
      field: "campaign_name",
    },
    {
      route: "POST /dashboard/merchants",
      path: () => "/dashboard/merchants",
      body: () => ({ merchant_name: NUL, merchant_type: "dealer" }),
      field: "merchant_name",
    },
    {
      route: "PUT /dashboard/merchants/:id",
      path: () => `/dashboard/merchants/${ids.merchant}`,
      body: () => ({ merchant_type: NUL }),
      field: "merchant_type",
    },
    {
      route: "POST /dashboard/merchants/:id/locations",
      path: () => `/dashboard/merchants/${ids.merchant}/locations`,
      body: () => ({ address_line1: "1 Main St", city: NUL, state: "IL", postal_code: "61265" }),
      field: "city",
    },
    { route: "GET /dashboard/offers", path: () => "/dashboard/offers?short_text=%00", field: "short_text" },
    {
      route: "GET /dashboard/offers",
      path: () => "/dashboard/offers?external_reference=a%00b",
      field: "external_reference",
    },
    {
      route: "GET /dashboard/merchants",
      path: () => "/dashboard/merchants?merchant_name=%00",
      field: "merchant_name",
    },
    {
      route: "GET /api/v1/merchants",
      path: () => "/api/v1/merchants?merchant_name=%00",
      field: "merchant_name",
    },
    {
      route: "GET /dashboard/promo-codes",
      path: () => "/dashboard/promo-codes?promo_code=%00",
      field: "promo_code",
    },
  ];

  it.each(nulCases)("a NUL character in $field: $route", async ({ route, path, body, field }) => {
    const method = route.split(" ")[0] as string;
    expectRefused(await call(method, path(), body?.()), field, "must not contain a NUL character");
  });

  it("text that is not Unicode: half of a surrogate pair", async () => {
    const message = "must be valid Unicode text (it holds half of a surrogate pair)";
    const body = offerBody(ids.merchant as number, { short_text: "Save \ud83d big" });
    expectRefused(await call("POST", "/dashboard/offers", body), "short_text", message);
    const emoji = await call(
      "POST",
      "/dashboard/offers",
      offerBody(ids.merchant as number, { short_text: "Save 🎉 big" }),
    );
    expect(emoji.body.short_text).toBe("Save 🎉 big");
  });

  it.each(["2026-02-30", "2026-13-45", "0000-01-01"])("the impossible date %s", async (day) => {
    const message = "is not a day of the calendar";
    const merchant = ids.merchant as number;
    expectRefused(
      await call("POST", "/dashboard/offers", offerBody(merchant, { version_active_from: day })),
      "version_active_from",
      message,
    );
    expectRefused(
      await call("PUT", `/dashboard/offers/${ids.offer}`, { offer_expiry_date: day }),
      "offer_expiry_date",
      message,
    );
    const campaign = { program_id: ids.program, campaign_name: "C", start_date: day, end_date: "2026-12-31" };
    expectRefused(await call("POST", "/dashboard/campaigns", campaign), "start_date", message);
    expectRefused(
      await call("GET", `/dashboard/offers/${ids.offer}/analytics?start_date=${day}`),
      "start_date",
      message,
    );
  });

  it("accepts a leap day", async () => {
    const answer = await call(
      "POST",
      "/dashboard/offers",
      offerBody(ids.merchant as number, { version_active_from: "2028-02-29" }),
    );
    expect(answer.status).toBe(201);
  });

  it("integers beyond the column's range, and takes the largest that fits", async () => {
    const message = "must be at most 2147483647";
    const code = { offer_id: ids.offer, promo_code: `BIG${Date.now()}` };
    expectRefused(
      await call("POST", "/dashboard/promo-codes", { ...code, usage_limit: 1e12 }),
      "usage_limit",
      message,
    );
    const control = { offer_id: ids.offer, total_usage_limit: 2 ** 31 };
    expectRefused(
      await call("POST", "/dashboard/offers/redemption-controls", control),
      "total_usage_limit",
      message,
    );
    const merchant = { merchant_name: "Big", merchant_type: "retail", primary_category_id: 1e12 };
    expectRefused(await call("POST", "/dashboard/merchants", merchant), "primary_category_id", message);
    const largest = await call("POST", "/dashboard/promo-codes", { ...code, usage_limit: 2 ** 31 - 1 });
    expect(largest.body).toMatchObject({ usage_limit: 2 ** 31 - 1 });
  });

  it("a code_type letter the API cannot read back, so lists keep working", async () => {
    const answer = await call(
      "POST",
      "/dashboard/offers",
      offerBody(ids.merchant as number, { code_type: "Z" }),
    );
    expectRefused(answer, "code_type", expect.stringMatching(/^must be one of P, /));
    expectRefused(await call("PUT", `/dashboard/offers/${ids.offer}`, { code_type: "é" }), "code_type");
    expect((await call("GET", `/dashboard/offers?merchant_owner=${ids.merchant}`)).status).toBe(200);
  });

  it("links that are not http(s): javascript: click-throughs and data: images", async () => {
    const merchant = ids.merchant as number;
    const message = "must be an http or https URL";
    const script = offerBody(merchant, { clickthru_url: "javascript:alert(document.cookie)" });
    expectRefused(await call("POST", "/dashboard/offers", script), "clickthru_url", message);
    const page = { image_url: "data:text/html,<script>alert(1)</script>" };
    expectRefused(await call("PUT", `/dashboard/offers/${ids.offer}`, page), "image_url", message);
    const descriptive = { language_code: "de", image_url: "file:///etc/passwd" };
    expectRefused(
      await call("POST", `/dashboard/offers/${ids.offer}/descriptives`, descriptive),
      "image_url",
      message,
    );
    const web = offerBody(merchant, {
      clickthru_url: "https://kigo.io/deal",
      image_url: "http://cdn.kigo.io/a.png",
    });
    expect((await call("POST", "/dashboard/offers", web)).status).toBe(201);
  });

  it("a redemption method listed twice", async () => {
    const body = offerBody(ids.merchant as number, {
      offer_redemption_methods: ["promo_code", "barcode", "promo_code"],
    });
    expectRefused(
      await call("POST", "/dashboard/offers", body),
      "offer_redemption_methods",
      "must not list a method twice",
    );
  });

  it("fields the API does not know, naming each instead of dropping it", async () => {
    const misspelt = await call(
      "POST",
      "/dashboard/offers",
      offerBody(ids.merchant as number, { savings_amt: "20", titel: "x" }),
    );
    expect(misspelt.status).toBe(400);
    expect(misspelt.body.field_errors).toEqual([
      { field: "savings_amt", message: "is not a known field" },
      { field: "titel", message: "is not a known field" },
    ]);
    const nested = { offers: [offerBody(ids.merchant as number, { usage_limit: 5 })] };
    expectRefused(
      await call("POST", "/dashboard/offers/bulk-create", nested),
      "offers.0.usage_limit",
      "is not a known field",
    );
    expectRefused(
      await call("PUT", `/dashboard/offers/types/${ids.type}`, { name: "x" }),
      "name",
      "is not a known field",
    );
    const list = { customers: ["a"], owner: "me" };
    expectRefused(
      await call("POST", `/dashboard/offers/${ids.offer}/customer-lists`, list),
      "owner",
      "is not a known field",
    );
  });
});
