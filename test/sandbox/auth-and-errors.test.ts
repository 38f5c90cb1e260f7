import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SqlDatabase } from "../../src/kigo/sandbox/db.js";
import { createSandbox, type Sandbox } from "../../src/kigo/sandbox/server.js";
import { sandboxDatabase } from "../support/sandbox-database.js";
import { type Answer, type Call, client, newMerchant, offerBody, TOKEN } from "./http.js";

let sandbox: Sandbox;
let call: Call;
let merchant: number;

beforeAll(async () => {
  sandbox = await createSandbox({ database: sandboxDatabase(), token: TOKEN });
  call = client(sandbox);
  merchant = await newMerchant(sandbox.db);
});

afterAll(async () => {
  await sandbox?.close();
});

function expectNoInternals(answer: Answer) {
  expect(answer.text).not.toMatch(/\bat .*:\d+|\.ts\b|node_modules|Error:/);
}

describe("authentication", () => {
  const protectedCalls = [
    ["GET", "/dashboard/offers"],
    ["POST", "/dashboard/offers"],
    ["GET", "/dashboard/programs"],
    ["DELETE", "/__sandbox/faults"],
  ] as const;

  it.each([
    ["no Authorization header", null],
    ["a wrong token", "not-the-token"],
    ["an empty token", ""],
  ])("answers 401 with %s", async (_, token) => {
    for (const [method, path] of protectedCalls) {
      const answer = await client(sandbox, token)(method, path);
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual({ error: "unauthorized", message: expect.stringContaining("Bearer") });
      expect(answer.headers.get("www-authenticate")).toBe("Bearer");
    }
  });

  it("refuses another scheme and accepts the bearer scheme in any case", async () => {
    const basic = await sandbox.fetch(
      new Request("http://sandbox.test/dashboard/offers", { headers: { authorization: `Basic ${TOKEN}` } }),
    );
    expect(basic.status).toBe(401);
    const lower = await sandbox.fetch(
      new Request("http://sandbox.test/dashboard/offers", { headers: { authorization: `bearer ${TOKEN}` } }),
    );
    expect(lower.status).toBe(200);
  });

  it("does not run the handler of a refused request", async () => {
    const before = await call("GET", `/dashboard/offers?merchant_owner=${merchant}`);
    await client(sandbox, "wrong")("POST", "/dashboard/offers", offerBody(merchant));
    const after = await call("GET", `/dashboard/offers?merchant_owner=${merchant}`);
    expect(after.body.total_count).toBe(before.body.total_count);
  });

  it("refuses to start without a token", async () => {
    await expect(createSandbox({ database: sandbox.db, token: "" })).rejects.toThrow(/token/);
  });
});

describe("validation errors name the field", () => {
  it("code_type of two characters", async () => {
    const answer = await call("POST", "/dashboard/offers", offerBody(merchant, { code_type: "PP" }));
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      error: "validation_error",
      message: "code_type: must be a single character",
      field_errors: [{ field: "code_type", message: "must be a single character" }],
    });
  });

  it("limit above 100 and a negative offset", async () => {
    const answer = await call("GET", "/dashboard/offers?limit=101&offset=-1");
    expect(answer.status).toBe(400);
    expect(answer.body.field_errors.map((error: { field: string }) => error.field)).toEqual([
      "limit",
      "offset",
    ]);
    expect(answer.body.message).toContain("limit: must be at most 100");
  });

  it("a date that is not YYYY-MM-DD and an unknown status", async () => {
    const answer = await call(
      "POST",
      "/dashboard/offers",
      offerBody(merchant, { version_active_from: "01/12/2025", offer_status: "live" }),
    );
    expect(answer.body.field_errors.map((error: { field: string }) => error.field)).toEqual([
      "version_active_from",
      "offer_status",
    ]);
  });

  it("missing required fields read 'is required'", async () => {
    const answer = await call("POST", "/dashboard/offers", { merchant_owner: merchant });
    expect(answer.body.field_errors).toContainEqual({ field: "code_type", message: "is required" });
  });

  it("a malformed, an empty and a non-object body name the body", async () => {
    const malformed = await call("POST", "/dashboard/offers", "{ not json");
    expect(malformed.body).toMatchObject({ error: "validation_error", message: "body: is not valid JSON" });
    const empty = await call("POST", "/dashboard/offers", "");
    expect(empty.body.field_errors[0].field).toBe("body");
    const list = await call("POST", "/dashboard/offers", [1, 2]);
    expect(list.status).toBe(400);
    expect(list.body.field_errors[0].field).toBe("body");
  });

  it("a missing merchant in the body is a 400 naming merchant_owner", async () => {
    const answer = await call("POST", "/dashboard/offers", offerBody(9_999_999));
    expect(answer.status).toBe(400);
    expect(answer.body.message).toBe("merchant_owner: merchant 9999999 does not exist");
  });
});

describe("missing routes and missing entities", () => {
  it("answers a plain 404 without JSON for unknown routes and non-numeric ids", async () => {
    for (const [method, path] of [
      ["GET", "/dashboard/nothing-here"],
      ["GET", "/dashboard/offers/abc"],
      ["PUT", "/dashboard/offers/types/abc"],
      ["PATCH", "/dashboard/offers/1"],
      ["GET", "/"],
    ] as const) {
      const answer = await call(method, path);
      expect(answer.status, `${method} ${path}`).toBe(404);
      expect(answer.body).toBeUndefined();
      expect(answer.text).toBe("");
    }
  });

  it("answers JSON not_found for a missing entity, even beyond BIGINT", async () => {
    const answer = await call("GET", "/dashboard/offers/123456789012345678901234");
    expect(answer.body).toEqual({ error: "not_found", message: "Offer 123456789012345678901234 not found" });
    expect((await call("GET", "/dashboard/merchants/99999999")).body.message).toBe(
      "Merchant 99999999 not found",
    );
  });

  it("keeps static routes apart from :id routes", async () => {
    expect((await call("GET", "/dashboard/offers/types")).body).toHaveProperty("offer_types");
    expect((await call("GET", "/dashboard/offers/redemption-controls")).body).toHaveProperty(
      "redemption_controls",
    );
    const bulk = await call("POST", "/dashboard/offers/bulk-create", { offers: [] });
    expect(bulk.body.field_errors[0].field).toBe("offers");
  });
});

describe("unexpected errors", () => {
  it("answer a generic 500 with no internals and reach onError", async () => {
    const broken: SqlDatabase = {
      ...sandbox.db,
      query: () => Promise.reject(new Error("relation at /srv/app/secret.ts:12 exploded")),
    };
    const seen: unknown[] = [];
    const failing = await createSandbox({
      database: broken,
      token: TOKEN,
      onError: (error) => seen.push(error),
    });
    const answer = await client(failing)("GET", "/dashboard/offers/types");
    expect(answer.status).toBe(500);
    expect(answer.body).toEqual({
      error: "internal_error",
      message: "The server could not complete the request",
    });
    expectNoInternals(answer);
    expect(seen).toHaveLength(1);
    await failing.close();
  });

  it("no error answer carries a stack trace", async () => {
    const answers = [
      await call("POST", "/dashboard/offers", "{"),
      await call("POST", "/dashboard/offers", offerBody(9_999_999)),
      await call("GET", "/dashboard/offers/99999999"),
      await client(sandbox, "wrong")("GET", "/dashboard/offers"),
    ];
    for (const answer of answers) expectNoInternals(answer);
  });
});
