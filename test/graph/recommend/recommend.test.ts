import { describe, expect, it } from "vitest";
import type { OfferDraft } from "../../../src/graph/draft.js";
import { recommendOffer } from "../../../src/graph/recommend/index.js";
import { benchmarks } from "../validation/fixtures.js";

const recommend = (draft: OfferDraft) => recommendOffer(draft, benchmarks);

describe("recommendOffer", () => {
  it("suggests the closed-loop dealer sales starting point", () => {
    expect(recommend({ businessObjective: "Increase Q4 sales by 20%", programType: "closed_loop" })).toEqual({
      offerType: "percentage_savings",
      kind: "percentage_savings",
      offerValue: 15,
      range: { min: 10, max: 20 },
      expectedRedemptionRate: 0.08,
      rationale:
        "Closed-loop dealer sales offers typically run 10–20% off; 15% is the usual starting point, and about 8% of customers redeem it.",
    });
  });

  it.each([
    ["Win back lapsed residents", "open_loop", "retention", "cashback"],
    ["Clear out overstock before spring", "open_loop", "clearance", "bogo"],
    ["Attract new dealers' customers", "closed_loop", "acquisition", "dollars_off"],
    ["Reward loyal members", "hybrid", "loyalty", "loyalty_points"],
    ["Boost holiday sales", "hybrid", "sales_lift", "percentage_savings"],
  ] as const)(
    "for %j (%s) picks the table's %s offer",
    (businessObjective, programType, objective, offerType) => {
      const segment = benchmarks.objectives[objective][programType];
      const { min, typical, max, redemptionRate } = segment.offers[offerType];
      expect(segment.recommended).toBe(offerType);
      expect(recommend({ businessObjective, programType })).toMatchObject({
        offerType,
        offerValue: typical,
        range: { min, max },
        expectedRedemptionRate: redemptionRate,
      });
    },
  );

  it.each([
    ["Increase Q4 sales", "cashback", "%", "cashback_percent", 10, "5–15% cash back"],
    ["Reward our most loyal members", "loyalty_points", "x", "points_multiplier", 3, "2–5x points"],
  ] as const)(
    "for %s with %s in %s suggests a value of its own kind",
    (businessObjective, offerType, valueUnit, kind, offerValue, range) => {
      const recommendation = recommend({ businessObjective, programType: "open_loop", offerType, valueUnit });
      expect(recommendation).toMatchObject({ kind, offerValue });
      expect(recommendation?.rationale).toContain(range);
    },
  );

  it("suggests no value for a free item, only how often such offers are redeemed", () => {
    const recommendation = recommend({
      businessObjective: "Increase Q4 sales",
      programType: "open_loop",
      offerType: "free_with_purchase",
    });
    expect(recommendation?.offerValue).toBeUndefined();
    expect(recommendation?.rationale).toMatch(/of customers redeem/);
  });

  it("keeps the offer type the marketer chose and names it", () => {
    const recommendation = recommend({
      businessObjective: "Increase Q4 sales",
      programType: "closed_loop",
      offerType: "cashback",
    });
    expect(recommendation).toMatchObject({
      offerType: "cashback",
      offerValue: 20,
      range: { min: 10, max: 40 },
    });
    expect(recommendation?.rationale).toBe(
      "Closed-loop dealer sales cashback offers typically run $10–$40 cash back; $20 is the usual starting point, and about 6% of customers redeem it.",
    );
  });

  it("never suggests more than the marketer's maximum discount", () => {
    const recommendation = recommend({
      businessObjective: "Increase Q4 sales",
      programType: "closed_loop",
      maxDiscount: 12,
      maxDiscountUnit: "%",
    });
    expect(recommendation?.offerValue).toBe(12);
    expect(recommendation?.rationale).toContain("I suggest 12%, your maximum discount");
  });

  it("has no recommendation without a program or a readable objective", () => {
    expect(recommend({ businessObjective: "Increase Q4 sales" })).toBeUndefined();
    expect(recommend({ programType: "open_loop" })).toBeUndefined();
    expect(recommend({ businessObjective: "Team plan", programType: "open_loop" })).toBeUndefined();
  });
});
