import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSandbox, ROUTES, type Sandbox } from "../../src/kigo/sandbox/server.js";
import { sandboxDatabase } from "../support/sandbox-database.js";
import { type Call, client, newMerchant, newOffer, TOKEN, unique } from "./http.js";

/** The seed's inventory: what production lacks today ("Missing", "Not Implemented", "Partial"). */
const MISSING_IN_PRODUCTION = [
  "GET /dashboard/programs",
  "POST /dashboard/programs",
  "GET /dashboard/programs/:id",
  "PUT /dashboard/programs/:id",
  "GET /dashboard/programs/:id/campaigns",
  "GET /dashboard/campaigns",
  "POST /dashboard/campaigns",
  "GET /dashboard/campaigns/:id",
  "POST /dashboard/campaigns/:id/offers",
  "GET /dashboard/campaigns/:id/offers",
  "GET /dashboard/merchants",
  "POST /dashboard/merchants",
  "GET /dashboard/merchants/:id",
  "PUT /dashboard/merchants/:id",
  "DELETE /dashboard/merchants/:id",
  "GET /dashboard/merchants/:id/locations",
  "POST /dashboard/merchants/:id/locations",
  "GET /dashboard/offers/:id/descriptives",
  "POST /dashboard/offers/:id/descriptives",
  "PUT /dashboard/offers/:id/descriptives",
  "GET /dashboard/offers/:id/customer-lists",
  "POST /dashboard/offers/:id/customer-lists",
  "GET /dashboard/offers/:id/analytics",
  "POST /dashboard/offers/:id/duplicate",
  "POST /dashboard/offers/bulk-create",
  "GET /dashboard/offers/:id/preview",
];

const PRESENT_IN_PRODUCTION = [
  "GET /dashboard/offers",
  "POST /dashboard/offers",
  "GET /dashboard/offers/:id",
  "PUT /dashboard/offers/:id",
  "DELETE /dashboard/offers/:id",
  "GET /dashboard/offers/types",
  "POST /dashboard/offers/types",
  "PUT /dashboard/offers/types/:id",
  "DELETE /dashboard/offers/types/:id",
  "GET /dashboard/offers/redemption-controls",
  "POST /dashboard/offers/redemption-controls",
  "PUT /dashboard/offers/redemption-controls/:id",
  "DELETE /dashboard/offers/redemption-controls/:id",
  "GET /dashboard/promo-codes",
  "POST /dashboard/promo-codes",
  "PUT /dashboard/promo-codes/:id",
  "DELETE /dashboard/promo-codes/:id",
  "GET /api/v1/merchants",
  "GET /api/v1/merchants/:id",
  "POST /__sandbox/faults",
  "DELETE /__sandbox/faults",
];

let production: Sandbox;
let call: Call;

beforeAll(async () => {
  production = await createSandbox({ database: sandboxDatabase(), token: TOKEN, profile: "production" });
  call = client(production);
});

afterAll(async () => {
  await production?.close();
});

/** A concrete request for a route key; ids point at an offer that exists so only the route can be missing. */
function request(key: string, id: number): [string, string, unknown] {
  const [method = "", pattern = ""] = key.split(" ");
  return [method, pattern.replace(":id", String(id)), method === "POST" || method === "PUT" ? {} : undefined];
}

describe("production profile", () => {
  it("covers every sandbox route in exactly one of the two lists", () => {
    expect([...MISSING_IN_PRODUCTION, ...PRESENT_IN_PRODUCTION].sort()).toEqual([...ROUTES].sort());
  });

  it.each(MISSING_IN_PRODUCTION)("%s answers a plain 404 with no JSON body", async (key) => {
    const offer = await newOffer(call, await newMerchant(production.db));
    const answer = await call(...request(key, offer));
    expect(answer.status).toBe(404);
    expect(answer.text).toBe("");
    expect(production.hits(key)).toBe(0);
  });

  it.each(PRESENT_IN_PRODUCTION)("%s is served (JSON answer or 204)", async (key) => {
    const answer = await call(...request(key, 99_999_999));
    const served = answer.status === 204 || typeof answer.body === "object";
    expect(served, `${key} answered ${answer.status} ${answer.text}`).toBe(true);
    expect(production.hits(key)).toBeGreaterThan(0);
  });

  it("works end to end on the routes production has", async () => {
    const merchant = await newMerchant(production.db, unique("Prod"));
    const offer = await newOffer(call, merchant);
    expect((await call("GET", `/dashboard/offers/${offer}`)).body.offer_id).toBe(offer);
    expect((await call("GET", `/dashboard/offers?merchant_owner=${merchant}`)).body.total_count).toBe(1);
    const code = await call("POST", "/dashboard/promo-codes", {
      offer_id: offer,
      promo_code: unique("PROD"),
    });
    expect(code.status).toBe(201);
    const control = await call("POST", "/dashboard/offers/redemption-controls", { offer_id: offer });
    expect(control.status).toBe(201);
    const type = await call("POST", "/dashboard/offers/types", { type_name: unique("prod_type") });
    expect(type.status).toBe(201);
    expect((await client(production, null)("GET", `/api/v1/merchants/${merchant}`)).body.merchant_id).toBe(
      merchant,
    );
    expect((await call("GET", "/dashboard/offers/99999999")).body).toEqual({
      error: "not_found",
      message: "Offer 99999999 not found",
    });
  });
});
