import { describe, expect, it } from "vitest";
import type { OfferDraft, OfferType } from "../../../src/graph/draft.js";
import { expectOne, issuesOf } from "./fixtures.js";

function offer(offerType: OfferType, offerValue: number, extra: OfferDraft = {}): OfferDraft {
  return { offerType, offerValue, ...extra };
}

describe("offer value ranges", () => {
  it.each([
    ["percentage_savings", 0.5, "0.5%"],
    ["percentage_savings", 120, "120%"],
    ["bogo", 150, "150%"],
    ["dollars_off", 0, "$0"],
    ["cashback", -5, "-$5"],
    ["loyalty_points", 12.5, "12.5 points"],
    ["spend_and_get", 0, "$0"],
  ] as const)("rejects %s %s", async (type, value, shown) => {
    expectOne(await issuesOf("offer_value", offer(type, value)), {
      severity: "error",
      field: "offerValue",
      mentions: [shown],
    });
  });

  it.each([
    ["percentage_savings", 60, "60%"],
    ["dollars_off", 750, "$750"],
    ["cashback", 150, "$150"],
    ["loyalty_points", 250_000, "250,000 points"],
  ] as const)("warns about an unusually large %s of %s", async (type, value, shown) => {
    expectOne(await issuesOf("offer_value", offer(type, value)), {
      severity: "warning",
      field: "offerValue",
      mentions: [shown],
    });
  });

  it.each([
    ["percentage_savings", 50],
    ["bogo", 100],
    ["dollars_off", 500],
    ["cashback", 100],
    ["loyalty_points", 100_000],
    ["spend_and_get", 20],
  ] as const)("accepts %s %s", async (type, value) => {
    expect(await issuesOf("offer_value", offer(type, value))).toEqual([]);
  });

  it("holds the value to the offer's own maximum discount, naming both", async () => {
    const issue = expectOne(
      await issuesOf("max_discount", { offerValue: 25, maxDiscount: 20, maxDiscountUnit: "%" }),
      { severity: "error", field: "offerValue", mentions: ["25%", "20%"] },
    );
    expect(issue.fix).toContain("20% or less");
    expectOne(
      await issuesOf("max_discount", offer("cashback", 40, { maxDiscount: 25, maxDiscountUnit: "$" })),
      { severity: "error", field: "offerValue", mentions: ["$40", "$25"] },
    );
    expect(await issuesOf("max_discount", { offerValue: 20, maxDiscount: 20, maxDiscountUnit: "%" })).toEqual(
      [],
    );
    // A dollar cap says nothing about a percentage.
    expect(await issuesOf("max_discount", { offerValue: 25, maxDiscount: 20, maxDiscountUnit: "$" })).toEqual(
      [],
    );
  });

  it("needs a spend-and-get minimum spend above the reward", async () => {
    expectOne(await issuesOf("minimum_spend", offer("spend_and_get", 50, { minimumSpend: 50 })), {
      severity: "error",
      field: "minimumSpend",
      mentions: ["$50"],
    });
    expect(await issuesOf("minimum_spend", offer("spend_and_get", 20, { minimumSpend: 100 }))).toEqual([]);
  });
});
