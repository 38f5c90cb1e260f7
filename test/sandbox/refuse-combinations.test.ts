import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "../../src/kigo/sandbox/server.js";
import { backends } from "./backends.js";
import {
  type Call,
  client,
  expectRefused,
  newLocation,
  newMerchant,
  newOffer,
  offerBody,
  unique,
} from "./http.js";

/** Values fine alone but wrong together, or with what is stored: judged on the row a write would leave. */

describe.each(await backends())("on $name the sandbox refuses", (backend) => {
  let sandbox: Sandbox;
  let call: Call;
  let merchant: number;

  beforeAll(async () => {
    sandbox = await backend.open();
    call = client(sandbox);
    merchant = await newMerchant(sandbox.db);
  });

  afterAll(() => backend.dispose(sandbox));

  const offersOf = async (owner: number) =>
    (await call("GET", `/dashboard/offers?merchant_owner=${owner}`)).body.total_count as number;

  describe("an offer that expires before it starts", () => {
    const message = "must be on or after version_active_from";

    it("on create and in a bulk create, which then creates nothing", async () => {
      const owner = await newMerchant(sandbox.db);
      const backwards = { version_active_from: "2025-12-01", offer_expiry_date: "2025-11-30" };
      expectRefused(
        await call("POST", "/dashboard/offers", offerBody(owner, backwards)),
        "offer_expiry_date",
        message,
      );
      const bulk = { offers: [offerBody(owner), offerBody(owner, backwards)] };
      expectRefused(
        await call("POST", "/dashboard/offers/bulk-create", bulk),
        "offers.1.offer_expiry_date",
        message,
      );
      expect(await offersOf(owner)).toBe(0);
      const oneDay = { version_active_from: "2025-12-01", offer_expiry_date: "2025-12-01" };
      expect((await call("POST", "/dashboard/offers", offerBody(owner, oneDay))).status).toBe(201);
    });

    it("on an update that moves only one of the dates, keeping the offer as it was", async () => {
      const id = await newOffer(call, merchant, {
        version_active_from: "2025-01-01",
        offer_expiry_date: "2025-01-31",
      });
      expectRefused(
        await call("PUT", `/dashboard/offers/${id}`, { version_active_from: "2025-02-01" }),
        "offer_expiry_date",
        message,
      );
      expectRefused(
        await call("PUT", `/dashboard/offers/${id}`, { offer_expiry_date: "2024-12-31" }),
        "offer_expiry_date",
        message,
      );
      expect((await call("GET", `/dashboard/offers/${id}`)).body).toMatchObject({
        version_active_from: "2025-01-01",
        offer_expiry_date: "2025-01-31",
      });
    });
  });

  describe("a saving the preview could not show", () => {
    it.each(["500", "-5", "0", "abc"])("percentage %s", async (amount) => {
      const body = offerBody(merchant, { savings_type: "percentage", savings_amount: amount });
      expectRefused(await call("POST", "/dashboard/offers", body), "savings_amount");
    });

    it("a fixed amount below zero, and a type changed under a stored amount", async () => {
      const negative = offerBody(merchant, { savings_type: "fixed", savings_amount: "-10" });
      expectRefused(await call("POST", "/dashboard/offers", negative), "savings_amount");
      const id = await newOffer(call, merchant, { savings_type: "fixed", savings_amount: "250.00" });
      const retyped = await call("PUT", `/dashboard/offers/${id}`, { savings_type: "percentage" });
      expectRefused(retyped, "savings_amount", "must be at most 100 for a percentage");
      const translation = { language_code: "es", savings_type: "percentage", savings_amount: "150" };
      expectRefused(
        await call("POST", `/dashboard/offers/${id}/descriptives`, translation),
        "savings_amount",
      );
      expect((await call("GET", `/dashboard/offers/${id}/descriptives`)).body.descriptives).toHaveLength(1);
    });

    it("takes 100% off and amounts as marketers type them", async () => {
      for (const [type, amount] of [
        ["percentage", "100"],
        ["percentage", "12.5%"],
        ["fixed", "$10"],
      ]) {
        const answer = await call(
          "POST",
          "/dashboard/offers",
          offerBody(merchant, { savings_type: type, savings_amount: amount }),
        );
        expect(answer.status, answer.text).toBe(201);
      }
    });
  });

  describe("redemption controls", () => {
    const path = "/dashboard/offers/redemption-controls";
    const message = "must not be more than total_usage_limit";

    it("a per-customer limit above the total, on create and when an update lowers the total", async () => {
      const offer = await newOffer(call, merchant);
      const above = { offer_id: offer, usage_limit_per_customer: 5, total_usage_limit: 3 };
      expectRefused(await call("POST", path, above), "usage_limit_per_customer", message);
      const created = await call("POST", path, {
        offer_id: offer,
        usage_limit_per_customer: 3,
        total_usage_limit: 3,
      });
      expect(created.status).toBe(201);
      const lowered = await call("PUT", `${path}/${created.body.control_id}`, { total_usage_limit: 2 });
      expectRefused(lowered, "usage_limit_per_customer", message);
      const [stored] = (await call("GET", `${path}?offer_id=${offer}`)).body.redemption_controls;
      expect(stored.total_usage_limit).toBe(3);
    });

    it("location ids no store has, naming each", async () => {
      const offer = await newOffer(call, merchant);
      const store = await newLocation(sandbox.db, merchant);
      const unknown = await call("POST", path, { offer_id: offer, location_ids: [store, 987_654_321] });
      expectRefused(unknown, "location_ids.1", "location 987654321 does not exist");
      const created = await call("POST", path, { offer_id: offer, location_ids: [store] });
      expect(created.body.location_ids).toEqual([store]);
      const moved = await call("PUT", `${path}/${created.body.control_id}`, { location_ids: [987_654_321] });
      expectRefused(moved, "location_ids.0");
      const cleared = await call("PUT", `${path}/${created.body.control_id}`, { location_ids: null });
      expect(cleared.body.location_ids).toEqual([]);
    });
  });

  describe("a second offer with the merchant's external_reference", () => {
    it("answers 409 naming external_reference, on create, update and duplicate", async () => {
      const reference = unique("kob:v1:");
      const first = await newOffer(call, merchant, { external_reference: reference });
      const again = await call(
        "POST",
        "/dashboard/offers",
        offerBody(merchant, { external_reference: reference }),
      );
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({
        error: "conflict",
        field_errors: [{ field: "external_reference", message: `${reference} already exists` }],
      });
      const other = await newOffer(call, merchant);
      expect(
        (await call("PUT", `/dashboard/offers/${other}`, { external_reference: reference })).status,
      ).toBe(409);
      const copy = await call("POST", `/dashboard/offers/${first}/duplicate`, {
        external_reference: reference,
      });
      expect(copy.status).toBe(409);
      expect((await call("GET", `/dashboard/offers?external_reference=${reference}`)).body.total_count).toBe(
        1,
      );
    });

    it("lets exactly one of two racing creates through", async () => {
      const reference = unique("race, with a comma");
      const body = offerBody(merchant, { external_reference: reference });
      const answers = await Promise.all([
        call("POST", "/dashboard/offers", body),
        call("POST", "/dashboard/offers", body),
      ]);
      expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409]);
      const conflict = answers.find((answer) => answer.status === 409);
      expect(conflict?.body.field_errors).toEqual([
        { field: "external_reference", message: `${reference} already exists` },
      ]);
    });

    it("leaves other merchants free to use the same reference", async () => {
      const reference = unique("REF");
      await newOffer(call, merchant, { external_reference: reference });
      expect(
        await newOffer(call, await newMerchant(sandbox.db), { external_reference: reference }),
      ).toBeGreaterThan(0);
    });
  });
});
