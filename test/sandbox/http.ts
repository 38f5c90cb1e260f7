import { expect } from "vitest";
import type { SqlExecutor } from "../../src/kigo/sandbox/db.js";
import type { Sandbox } from "../../src/kigo/sandbox/server.js";

export const TOKEN = "sandbox-test-token";

// biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON answers by path
export type Json = any;

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed JSON body; undefined when the answer is not JSON. */
  body: Json;
}

/**
 * Calls the sandbox without a port. A string body is sent as is (for malformed JSON); `token`
 * null sends no Authorization header.
 */
export function client(sandbox: Pick<Sandbox, "fetch">, token: string | null = TOKEN) {
  return async (method: string, path: string, body?: unknown): Promise<Answer> => {
    const headers: Record<string, string> = token === null ? {} : { authorization: `Bearer ${token}` };
    if (body !== undefined) headers["content-type"] = "application/json";
    const payload = body === undefined || typeof body === "string" ? body : JSON.stringify(body);
    const response = await sandbox.fetch(
      new Request(`http://sandbox.test${path}`, { method, headers, body: payload }),
    );
    const text = await response.text();
    const isJson = response.headers.get("content-type")?.includes("application/json") ?? false;
    return {
      status: response.status,
      headers: response.headers,
      text,
      body: isJson ? JSON.parse(text) : undefined,
    };
  };
}

export type Call = ReturnType<typeof client>;

/** A 400 in the admin API's error shape naming `field` (with `message`, when given). */
export function expectRefused(answer: Answer, field: string, message?: unknown) {
  expect(answer.status, answer.text).toBe(400);
  expect(answer.body.error).toBe("validation_error");
  expect(answer.body.field_errors).toContainEqual({ field, message: message ?? expect.any(String) });
}

let counter = 0;
/** A short value no other test of the run uses (promo codes allow 4-20 of A-Z0-9). */
export const unique = (prefix = "T") =>
  `${prefix}${Date.now().toString(36)}${(counter++).toString(36)}`.toUpperCase();

/** Merchants go in through SQL so the production profile (no admin merchant routes) can use them too. */
export async function newMerchant(db: SqlExecutor, name = `Merchant ${unique()}`): Promise<number> {
  const [row] = await db.query<{ merchant_id: number }>(
    "INSERT INTO merchants (merchant_name, merchant_type) VALUES ($1, 'retail') RETURNING merchant_id",
    [name],
  );
  return row?.merchant_id as number;
}

/** A store of the merchant, for redemption controls that name locations. */
export async function newLocation(db: SqlExecutor, merchantId: number): Promise<number> {
  const [row] = await db.query<{ location_id: number }>(
    `INSERT INTO merchant_locations (merchant_id, address_line1, city, state, postal_code)
     VALUES ($1, '1 Main St', 'Moline', 'IL', '61265') RETURNING location_id`,
    [merchantId],
  );
  return row?.location_id as number;
}

export function offerBody(merchantId: number, overrides: Record<string, unknown> = {}) {
  return {
    version_active_from: "2025-01-01",
    merchant_owner: merchantId,
    default_language: "en",
    offer_redemption_methods: ["promo_code"],
    code_type: "P",
    short_text: "20% off all equipment",
    long_text: "Valid on every purchase at participating dealers",
    savings_amount: "20",
    savings_type: "percentage",
    ...overrides,
  };
}

/** Creates an offer over HTTP and returns its id; fails the test on anything but 201. */
export async function newOffer(call: Call, merchantId: number, overrides: Record<string, unknown> = {}) {
  const answer = await call("POST", "/dashboard/offers", offerBody(merchantId, overrides));
  if (answer.status !== 201) throw new Error(`creating an offer answered ${answer.status}: ${answer.text}`);
  return answer.body.offer_id as number;
}
