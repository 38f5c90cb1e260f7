import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createSandbox, ROUTES, type Sandbox } from "../../src/kigo/sandbox/server.js";
import { sandboxDatabase } from "../support/sandbox-database.js";
import { type Call, client, newMerchant, offerBody, TOKEN, unique } from "./http.js";

const TYPES = "GET /dashboard/offers/types";

let sandbox: Sandbox;
let call: Call;

beforeAll(async () => {
  sandbox = await createSandbox({ database: sandboxDatabase(), token: TOKEN });
  call = client(sandbox);
});

afterEach(() => sandbox.faults.clear());

afterAll(async () => {
  await sandbox?.close();
});

describe("injected faults", () => {
  it("answer the status instead of handling, for `times` calls, all counted by hits()", async () => {
    const before = sandbox.hits(TYPES);
    sandbox.faults.inject({ route: TYPES, status: 503, times: 2 });
    const statuses = [];
    for (let attempt = 0; attempt < 3; attempt++)
      statuses.push((await call("GET", "/dashboard/offers/types")).status);
    expect(statuses).toEqual([503, 503, 200]);
    expect(sandbox.hits(TYPES) - before).toBe(3);
  });

  it("set Retry-After on a 429 and answer the rate limiter's JSON error", async () => {
    sandbox.faults.inject({ route: TYPES, status: 429, retryAfterSeconds: 7 });
    const answer = await call("GET", "/dashboard/offers/types");
    expect(answer.status).toBe(429);
    expect(answer.headers.get("retry-after")).toBe("7");
    expect(answer.body).toEqual({ error: "rate_limited", message: "Too many requests. Retry after 7 s." });
  });

  it("answer 500 as the API's JSON error and other 5xx as a gateway's plain text", async () => {
    sandbox.faults.inject({ route: TYPES, status: 500 });
    sandbox.faults.inject({ route: TYPES, status: 503, retryAfterSeconds: 2 });
    const internal = await call("GET", "/dashboard/offers/types");
    expect(internal.body).toEqual({
      error: "internal_error",
      message: "The server could not complete the request",
    });
    const gateway = await call("GET", "/dashboard/offers/types");
    expect([gateway.status, gateway.text, gateway.body]).toEqual([503, "503 Service Unavailable", undefined]);
    expect(gateway.headers.get("retry-after")).toBe("2");
  });

  it("in the after phase commit the request and then lose the response", async () => {
    const reference = unique("LOST");
    sandbox.faults.inject({ route: "POST /dashboard/offers", status: 500, phase: "after" });
    const body = offerBody(await newMerchant(sandbox.db), { external_reference: reference });
    const answer = await call("POST", "/dashboard/offers", body);
    expect(answer.status).toBe(500);
    const found = await call("GET", `/dashboard/offers?external_reference=${reference}`);
    expect(found.body.total_count).toBe(1);
  });

  it("in the before phase leave no trace of the request", async () => {
    const reference = unique("NEVER");
    sandbox.faults.inject({ route: "POST /dashboard/offers", status: 503 });
    const body = offerBody(await newMerchant(sandbox.db), { external_reference: reference });
    expect((await call("POST", "/dashboard/offers", body)).status).toBe(503);
    expect((await call("GET", `/dashboard/offers?external_reference=${reference}`)).body.total_count).toBe(0);
  });

  it("delay a call and then handle it, or delay and then fail it", async () => {
    sandbox.faults.inject({ route: TYPES, delayMs: 150 });
    let started = performance.now();
    expect((await call("GET", "/dashboard/offers/types")).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);

    sandbox.faults.inject({ route: TYPES, delayMs: 100, status: 504 });
    started = performance.now();
    expect((await call("GET", "/dashboard/offers/types")).status).toBe(504);
    expect(performance.now() - started).toBeGreaterThanOrEqual(90);
  });

  it("are served in injection order and touch only their own route", async () => {
    sandbox.faults.inject({ route: TYPES, status: 502 });
    sandbox.faults.inject({ route: TYPES, status: 503 });
    expect((await call("GET", "/dashboard/offers")).status).toBe(200);
    expect((await call("GET", "/dashboard/offers/types")).status).toBe(502);
    expect((await call("GET", "/dashboard/offers/types")).status).toBe(503);
    expect((await call("GET", "/dashboard/offers/types")).status).toBe(200);
  });

  it("are dropped by clear()", async () => {
    sandbox.faults.inject({ route: TYPES, status: 500, times: 5 });
    sandbox.faults.clear();
    expect((await call("GET", "/dashboard/offers/types")).status).toBe(200);
  });

  it("refuse an unknown route or a fault that does nothing, naming the problem", () => {
    expect(() => sandbox.faults.inject({ route: "GET /dashboard/nope", status: 500 })).toThrow(
      /"GET \/dashboard\/nope" is not a sandbox route/,
    );
    expect(() => sandbox.faults.inject({ route: TYPES })).toThrow(/status/);
    expect(() => sandbox.faults.inject({ route: TYPES, status: 404 })).toThrow(/429 or a 5xx/);
    expect(() => sandbox.faults.inject({ route: TYPES, delayMs: 5, phase: "after" })).toThrow(/phase after/);
  });

  it("hits() refuses a route key it does not know, so a typo cannot pass as zero calls", () => {
    expect(() => sandbox.hits("GET /dashboard/offer")).toThrow(/not a sandbox route/);
    for (const route of ROUTES) expect(sandbox.hits(route)).toBeGreaterThanOrEqual(0);
  });
});

describe("fault control over HTTP", () => {
  it("injects with POST /__sandbox/faults and clears with DELETE", async () => {
    const injected = await call("POST", "/__sandbox/faults", { route: TYPES, status: 503, times: 3 });
    expect(injected.status).toBe(204);
    expect((await call("GET", "/dashboard/offers/types")).status).toBe(503);
    expect((await call("DELETE", "/__sandbox/faults")).status).toBe(204);
    expect((await call("GET", "/dashboard/offers/types")).status).toBe(200);
  });

  it("answers 400 naming the field for a bad spec and 401 without the token", async () => {
    const bad = await call("POST", "/__sandbox/faults", { route: "GET /x", status: 503 });
    expect(bad.status).toBe(400);
    expect(bad.body.field_errors).toEqual([{ field: "route", message: '"GET /x" is not a sandbox route' }]);
    const anonymous = await client(sandbox, null)("POST", "/__sandbox/faults", { route: TYPES, status: 503 });
    expect(anonymous.status).toBe(401);
    expect((await call("GET", "/dashboard/offers/types")).status).toBe(200);
  });
});

describe("listening on a port", () => {
  it("serves real HTTP, and close() releases the port but not a database it did not open", async () => {
    const web = await createSandbox({ database: sandbox.db, token: TOKEN });
    const url = await web.listen(0);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await expect(web.listen(0)).rejects.toThrow(/already listening/);
    const answer = await fetch(`${url}/dashboard/offers/types`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(answer.status).toBe(200);
    await web.close();

    const port = Number(new URL(url).port);
    const again = await createSandbox({ database: sandbox.db, token: TOKEN });
    expect(await again.listen(port)).toBe(url);
    await again.close();
    await expect(fetch(`${url}/api/v1/merchants`)).rejects.toThrow();
    expect((await call("GET", "/dashboard/offers/types")).status).toBe(200);
  });

  it("drops the connection on a reset fault, before the write or after it", async () => {
    const web = await createSandbox({ database: sandbox.db, token: TOKEN });
    const url = await web.listen(0);
    const post = (reference: string) =>
      newMerchant(sandbox.db).then((merchant) =>
        fetch(`${url}/dashboard/offers`, {
          method: "POST",
          headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
          body: JSON.stringify(offerBody(merchant, { external_reference: reference })),
        }),
      );
    const count = async (reference: string) =>
      (await call("GET", `/dashboard/offers?external_reference=${reference}`)).body.total_count;
    try {
      const [before, after] = [unique("RESET"), unique("RESET")];
      web.faults.inject({ route: "POST /dashboard/offers", reset: true });
      await expect(post(before)).rejects.toThrow(/fetch failed/);
      expect(await count(before)).toBe(0);

      web.faults.inject({ route: "POST /dashboard/offers", reset: true, phase: "after" });
      await expect(post(after)).rejects.toThrow(/fetch failed/);
      expect(await count(after)).toBe(1);
      expect(() => web.faults.inject({ route: TYPES, reset: true, status: 503 })).toThrow(/cannot also/);
    } finally {
      await web.close();
    }
  });
});
