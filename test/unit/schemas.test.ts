import { describe, expect, it } from "vitest";
import {
  codeKindRead,
  completePage,
  createOfferInput,
  errorBody,
  offerList,
  offerStatusRead,
} from "../../src/kigo/schemas.js";
import { parseRetryAfter } from "../../src/kigo/transport.js";

const wireOffer = {
  offer_id: "456",
  merchant_owner: 123,
  version_active_from: "2025-12-01T00:00:00Z",
  default_language: "en",
  offer_status: "active",
  offer_type: "percentage_savings",
  offer_redemption_methods: ["promo_code", "Show and Save"],
  code_type: "P",
  short_text: "Q4 Dealer Incentive",
  external_reference: null,
  some_field_added_later: { nested: true },
};

describe("reading the documented response variants", () => {
  it("normalises both list envelopes to one page shape", () => {
    const requested = { limit: 20, offset: 20 };
    const first = completePage(
      offerList.parse({ offers: [wireOffer], total_count: 41, limit: 20, offset: 20 }),
      requested,
    );
    const second = completePage(
      offerList.parse({ offers: [wireOffer], total: 41, has_more: true }),
      requested,
    );
    expect(first).toEqual({ ...second, items: first.items });
    expect(first).toMatchObject({ total: 41, limit: 20, offset: 20, hasMore: true });
    const last = completePage(offerList.parse({ offers: [wireOffer], total_count: 41, offset: 40 }), {
      limit: 20,
      offset: 40,
    });
    expect(last.hasMore).toBe(false);
    expect(offerList.safeParse({ offers: [] }).success).toBe(false);
    expect(first.items[0]).toMatchObject({
      offer_id: 456,
      version_active_from: "2025-12-01",
      offer_redemption_methods: ["promo_code", "show_save"],
      code_type: "promo_code",
    });
    expect(first.items[0]).not.toHaveProperty("some_field_added_later");
    expect(first.items[0]?.external_reference).toBeUndefined();
  });

  it("maps both status vocabularies to one", () => {
    expect(
      ["active", "published", "inactive", "paused", "Expired", "pending_approval"].map((value) =>
        offerStatusRead.parse(value),
      ),
    ).toEqual(["active", "active", "paused", "paused", "expired", "pending_approval"]);
    expect(offerStatusRead.safeParse("exploded").error?.issues[0]?.message).toBe(
      'unknown offer status "exploded"',
    );
  });

  it("reads every documented code_type letter", () => {
    expect(["P", "c", "U", "B", "S", "L", "N"].map((value) => codeKindRead.parse(value))).toEqual([
      "promo_code",
      "promo_code",
      "unique_codes",
      "barcode",
      // The public dashboard client's "S": one single code.
      "promo_code",
      "online_link",
      "none",
    ]);
  });

  it("reads error bodies of every shape", () => {
    expect(
      errorBody.parse({
        error: "conflict",
        message: "taken",
        field_errors: [{ field: "promo_code", message: "x" }],
      }),
    ).toEqual({ code: "conflict", message: "taken", fieldErrors: [{ field: "promo_code", message: "x" }] });
    expect(
      errorBody.parse({
        error: { code: "bad", message: "Bad thing" },
        field_errors: { code_type: "one char" },
      }),
    ).toEqual({
      code: "bad",
      message: "Bad thing",
      fieldErrors: [{ field: "code_type", message: "one char" }],
    });
    expect(errorBody.parse({ message: "Only a message" })).toEqual({
      code: undefined,
      message: "Only a message",
      fieldErrors: [],
    });
  });
});

describe("writing the documented request shape", () => {
  it("refuses a code_type longer than one character, naming the field", () => {
    const result = createOfferInput.safeParse({
      version_active_from: "2025-12-01",
      merchant_owner: 1,
      default_language: "en",
      offer_redemption_methods: ["promo_code"],
      code_type: "PROMO",
    });
    expect(result.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["code_type", "must be a single character"],
    ]);
  });
});

describe("Retry-After", () => {
  it("reads seconds and HTTP dates", () => {
    const now = Date.parse("2026-11-25T12:00:00Z");
    expect(parseRetryAfter("2", now)).toBe(2000);
    expect(parseRetryAfter("Wed, 25 Nov 2026 12:00:05 GMT", now)).toBe(5000);
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});
