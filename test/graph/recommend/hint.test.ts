import { describe, expect, it } from "vitest";
import type { OfferDraft } from "../../../src/graph/draft.js";
import { valueHint } from "../../../src/graph/recommend/index.js";
import { benchmarks } from "../validation/fixtures.js";

// Closed-loop dealer sales percentage discounts run 10–20%: hints above 30% and below 5%.
const salesLift = (offerValue: number, extra: OfferDraft = {}) =>
  valueHint(
    {
      businessObjective: "Increase Q4 sales",
      programType: "closed_loop",
      offerType: "percentage_savings",
      offerValue,
      ...extra,
    },
    benchmarks,
  );

describe("valueHint", () => {
  it("remarks on a value far above the usual range", () => {
    expect(salesLift(31)).toBe(
      "31% is well above the usual 10–20% off for closed-loop dealer sales percentage discount offers; 15% is the usual starting point, and a richer offer eats budget faster.",
    );
  });

  it("remarks on a value far below the usual range", () => {
    expect(salesLift(4)).toContain("4% is well below the usual 10–20% off");
  });

  it("stays quiet near the usual range", () => {
    expect(salesLift(5)).toBeUndefined();
    expect(salesLift(30)).toBeUndefined();
  });

  it("uses the offer type's own unit", () => {
    expect(salesLift(200, { offerType: "dollars_off" })).toContain(
      "$200 is well above the usual $15–$50 off",
    );
  });

  it("compares percentage cash back with percentages and a multiplier with multipliers", () => {
    expect(salesLift(30, { offerType: "cashback", valueUnit: "%" })).toContain(
      "30% is well above the usual 3–8% cash back",
    );
    expect(salesLift(10, { offerType: "loyalty_points", valueUnit: "x" })).toContain(
      "10x points is well above the usual 2–3x points",
    );
    expect(salesLift(5, { offerType: "cashback", valueUnit: "$" })).toBeUndefined();
  });

  it("has no hint without a benchmark or a value", () => {
    expect(salesLift(80, { businessObjective: "Team plan" })).toBeUndefined();
    expect(
      valueHint({ programType: "closed_loop", offerType: "percentage_savings" }, benchmarks),
    ).toBeUndefined();
  });
});
