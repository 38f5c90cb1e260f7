import { describe, expect, it } from "vitest";
import type { OfferDraft } from "../../../src/graph/draft.js";
import { PublishBlockedError } from "../../../src/graph/publish/errors.js";
import { planPublish } from "../../../src/graph/publish/to-kigo.js";
import { createOfferInput } from "../../../src/kigo/schemas.js";

const seed: OfferDraft = {
  programType: "closed_loop",
  startDate: "2030-12-01",
  endDate: "2030-12-31",
  offerType: "percentage_savings",
  offerValue: 20,
  offerTitle: "Q4 Dealer Incentive",
  offerDescription: "20% off all equipment purchases",
  termsConditions: "Valid for authorized dealers only",
  redemptionMethod: "promo_code",
  promoCode: "DEALER20",
  usageLimitPerCustomer: 3,
  totalUsageLimit: 1000,
  merchantId: 123,
};

const plan = (overrides: OfferDraft = {}) => planPublish({ ...seed, ...overrides }, "T1/d1");

describe("draft to Kigo API vocabulary", () => {
  it("maps the seed example to the documented create body", () => {
    const { offer } = plan();
    expect(offer).toEqual({
      version_active_from: "2030-12-01",
      merchant_owner: 123,
      default_language: "en",
      external_reference: "kob:v1:T1%2Fd1",
      offer_expiry_date: "2030-12-31",
      offer_status: "inactive",
      offer_type: "percentage_savings",
      offer_redemption_methods: ["promo_code"],
      code_type: "P",
      clickthru_url: undefined,
      classification: "closed_loop",
      short_text: "Q4 Dealer Incentive",
      long_text: "20% off all equipment purchases",
      terms_conditions: "Valid for authorized dealers only",
      savings_amount: "20",
      savings_type: "percentage",
    });
    expect(createOfferInput.safeParse(offer).success).toBe(true);
  });

  it.each([
    [{ redemptionMethod: "promo_code", codeMode: "universal" }, "P"],
    [{ redemptionMethod: "promo_code", codeMode: "unique", uniqueCodeCount: 5, codePattern: "JD##" }, "U"],
    [{ redemptionMethod: "barcode" }, "B"],
    [{ redemptionMethod: "show_save" }, "S"],
    [{ redemptionMethod: "online_link", clickthruUrl: "https://deere.com/q4" }, "L"],
  ] as const)("code_type for %o is %s", (overrides, letter) => {
    expect(plan(overrides).offer.code_type).toBe(letter);
  });

  it("appends exclusions to the description and carries the clickthru URL", () => {
    const { offer, descriptive } = plan({
      exclusions: "Parts and service",
      redemptionMethod: "online_link",
      clickthruUrl: "https://deere.com/q4",
    });
    expect(offer.long_text).toBe("20% off all equipment purchases\n\nExclusions: Parts and service");
    expect(offer.clickthru_url).toBe("https://deere.com/q4");
    expect(descriptive).toMatchObject({ language_code: "en", long_text: offer.long_text });
  });

  it.each([
    ["percentage_savings", 12.5, { savings_amount: "12.50", savings_type: "percentage" }],
    ["dollars_off", 25, { savings_amount: "25", savings_type: "fixed" }],
    ["cashback", 10, { savings_amount: "10", savings_type: "fixed" }],
    ["spend_and_get", 50, { savings_amount: "50", savings_type: "fixed" }],
  ] as const)("savings for %s %d", (offerType, offerValue, savings) => {
    expect(plan({ offerType, offerValue }).offer).toMatchObject(savings);
  });

  it.each(["bogo", "loyalty_points"] as const)("states no savings for %s", (offerType) => {
    const { offer } = plan({ offerType, offerValue: 100 });
    expect(offer).not.toHaveProperty("savings_amount");
    expect(offer).not.toHaveProperty("savings_type");
  });

  it.each([
    ["10% cash back", { offerType: "cashback", offerValue: 10, valueUnit: "%" }, "10", "percentage"],
    ["$5 cash back", { offerType: "cashback", offerValue: 5, valueUnit: "$" }, "5", "fixed"],
    [
      "a $9.99 oil change that is normally $45",
      { offerType: "price_point", offerValue: 9.99, itemName: "oil change", itemPrice: 45 },
      "35.01",
      "fixed",
    ],
  ] as const)("states the savings of %s honestly", (_, draft, amount, type) => {
    expect(plan(draft).offer).toMatchObject({ savings_amount: amount, savings_type: type });
  });

  it.each([
    ["triple points", { offerType: "loyalty_points", offerValue: 3, valueUnit: "x" }],
    ["a free coffee", { offerType: "free_with_purchase", itemName: "coffee", qualifyingItem: "pastry" }],
    [
      "a price point without its regular price",
      { offerType: "price_point", offerValue: 9.99, itemName: "oil change" },
    ],
    ["a click-through link", { offerType: "clickthrough", offerValue: undefined }],
  ] as const)("states no savings for %s", (_, draft) => {
    const { offer } = plan(draft);
    expect(offer).not.toHaveProperty("savings_amount");
    expect(offer).not.toHaveProperty("savings_type");
  });

  it.each([
    "free_with_purchase",
    "price_point",
    "clickthrough",
    "percentage_savings",
    "dollars_off",
  ] as const)("sends the API's own type name %s", (offerType) => {
    expect(plan({ offerType }).offer.offer_type).toBe(offerType);
  });

  it("states the whole offer, minimum spend and item included, when there is no description", () => {
    const dollarsOff = plan({
      offerType: "dollars_off",
      offerValue: 10,
      minimumSpend: 50,
      offerDescription: undefined,
    });
    expect(dollarsOff.offer.long_text).toBe("$10 off when you spend $50 or more.");
    const freeCoffee = plan({
      offerType: "free_with_purchase",
      itemName: "coffee",
      qualifyingItem: "pastry",
      offerDescription: undefined,
    });
    expect(freeCoffee.offer.long_text).toBe("Free coffee with any pastry.");
  });

  it("carries the campaign in the external reference and plans its creation", () => {
    const { offer, campaign } = plan({ campaign: "Q4 Push" });
    expect(offer.external_reference).toBe("kob:v1:T1%2Fd1;campaign=Q4%20Push");
    expect(campaign).toEqual({
      name: "Q4 Push",
      programType: "closed_loop",
      startDate: "2030-12-01",
      endDate: "2030-12-31",
    });
  });

  it("plans the promo codes: universal with the total limit, unique with the per-customer one", () => {
    expect(plan().codes).toEqual({ kind: "universal", code: "DEALER20", usageLimit: 1000 });
    expect(plan({ codeMode: "unique", uniqueCodeCount: 50, codePattern: "JD####" }).codes).toEqual({
      kind: "unique",
      count: 50,
      pattern: "JD####",
      usageLimit: 3,
    });
    expect(plan({ redemptionMethod: "show_save" }).codes).toEqual({ kind: "none" });
  });

  it("plans one redemption control with both limits and the selected locations", () => {
    expect(plan().control).toEqual({
      body: { usage_limit_per_customer: 3, total_usage_limit: 1000, location_ids: [] },
      line: "Redemption limits: 3 per customer, 1000 total",
    });
    expect(
      plan({ usageLimitPerCustomer: undefined, locationScope: "selected", locationIds: [4, 5] }).control,
    ).toEqual({
      body: { usage_limit_per_customer: null, total_usage_limit: 1000, location_ids: [4, 5] },
      line: "Redemption limits: 1000 total, 2 selected locations",
    });
    expect(plan({ usageLimitPerCustomer: undefined, totalUsageLimit: undefined }).control).toBeUndefined();
  });

  it.each([
    [{ startDate: undefined, merchantId: undefined }, /needs a merchant, a start date\./],
    [{ promoCode: undefined }, /needs a promo code/],
    [{ codeMode: "unique", codePattern: "JD##" }, /needs the number of unique codes/],
    [{ campaign: "Q4", endDate: undefined }, /needs an end date/],
    [{ codeMode: "unique", uniqueCodeCount: 500, codePattern: "JD##" }, /only 100 different codes/],
    [{ codeMode: "unique", uniqueCodeCount: 5, codePattern: "JD-##" }, /may only use/],
  ] as const)("refuses %o in the marketer's words", (overrides, message) => {
    expect(() => plan(overrides)).toThrow(PublishBlockedError);
    expect(() => plan(overrides)).toThrow(message);
  });
});
