import { describe, expect, it } from "vitest";
import { estimateLiability } from "../../../src/graph/validation/index.js";
import { benchmarks, expectOne, issuesOf, seedDraft } from "./fixtures.js";

const closedLoop = benchmarks.programs.closed_loop;
const salesLift = benchmarks.objectives.sales_lift.closed_loop.offers;

describe("estimateLiability", () => {
  it("prices the seed offer: 1,000 uses × 20% of the closed-loop average order", () => {
    expect(closedLoop.averageOrderValue).toBe(180);
    const estimate = estimateLiability(seedDraft(), benchmarks);
    expect(estimate).toMatchObject({ redemptions: 1000, valuePerRedemption: 36, amount: 36_000 });
    expect(estimate?.amount).toBe(1000 * 0.2 * closedLoop.averageOrderValue);
    expect(estimate?.assumption).toBe(
      "1,000 redemptions (the total usage limit) × $36 per redemption (20% of the $180 average closed-loop dealer order)",
    );
  });

  it("estimates redemptions from the benchmark rate and the assumed audience without a usage limit", () => {
    const estimate = estimateLiability({ ...seedDraft(), totalUsageLimit: undefined }, benchmarks);
    const redemptions = Math.round(salesLift.percentage_savings.redemptionRate * closedLoop.audienceSize);
    expect(redemptions).toBe(960);
    expect(estimate).toMatchObject({ redemptions, amount: redemptions * 36 });
    expect(estimate?.assumption).toContain("8% expected for closed-loop dealer sales");
    expect(estimate?.assumption).toContain("an assumed audience of 12,000");
  });

  it("uses the uploaded customer list as the audience", () => {
    const customers = Array.from({ length: 500 }, (_, index) => `dealer-${index}@example.com`);
    const estimate = estimateLiability(
      { ...seedDraft(), totalUsageLimit: undefined, customerList: { name: "Fleet", customers } },
      benchmarks,
    );
    expect(estimate?.redemptions).toBe(40);
    expect(estimate?.assumption).toContain("500 customers on the uploaded list");
  });

  it("prices each offer type per redemption", () => {
    const cost = (changes: Parameters<typeof estimateLiability>[0]) =>
      estimateLiability({ ...seedDraft(), ...changes }, benchmarks)?.valuePerRedemption;
    const item = closedLoop.averageItemPrice;
    expect(cost({ offerType: "dollars_off", offerValue: 25 })).toBe(25);
    expect(cost({ offerType: "cashback", offerValue: 10 })).toBe(10);
    expect(cost({ offerType: "spend_and_get", offerValue: 20, minimumSpend: 100 })).toBe(20);
    // A BOGO gives away (part of) an item, not an order.
    expect(cost({ offerType: "bogo", offerValue: 50 })).toBe(item / 2);
    expect(cost({ offerType: "bogo", offerValue: undefined })).toBe(item);
    expect(cost({ offerType: "loyalty_points", offerValue: 500 })).toBe(500 * benchmarks.pointValue);
  });

  it("has no estimate without a basis rather than inventing one", () => {
    const vague = {
      ...seedDraft(),
      totalUsageLimit: undefined,
      businessObjective: "Q-something for the team",
    };
    expect(estimateLiability(vague, benchmarks)).toBeUndefined();
    expect(estimateLiability({ ...seedDraft(), programType: undefined }, benchmarks)).toBeUndefined();
    expect(estimateLiability({ ...seedDraft(), offerValue: undefined }, benchmarks)).toBeUndefined();
  });
});

describe("budget liability rule", () => {
  it("rejects an offer over budget, showing the numbers, the assumption and three fixes", async () => {
    const issue = expectOne(await issuesOf("budget_liability", { totalBudget: 30_000 }), {
      severity: "error",
      field: "totalBudget",
      mentions: ["$36,000", "$30,000", "1,000 redemptions", "$180 average closed-loop dealer order"],
    });
    // Fixes aim at 90% of the budget: $27,000 / $36 = 750 uses; 20% × 27,000 / 36,000 = 15%.
    expect(issue.fix).toBe(
      "To stay within budget with 10% to spare, lower the total usage limit to 750, lower the offer to 15%, or raise the budget to $40,000.",
    );
  });

  it("warns when the liability uses 90–100% of the budget", async () => {
    expectOne(await issuesOf("budget_liability", { totalBudget: 38_000 }), {
      severity: "warning",
      field: "totalBudget",
      mentions: ["95%", "$38,000", "$36,000"],
    });
    expectOne(await issuesOf("budget_liability", { totalBudget: 36_000 }), {
      severity: "warning",
      field: "totalBudget",
      mentions: ["100%"],
    });
  });

  it("is quiet below 90% of the budget or without a budget", async () => {
    expect(await issuesOf("budget_liability", {})).toEqual([]);
    expect(await issuesOf("budget_liability", { totalBudget: 40_001 })).toEqual([]);
    expect(await issuesOf("budget_liability", { totalBudget: undefined })).toEqual([]);
  });

  it("suggests setting a usage limit when redemptions were estimated", async () => {
    const issue = expectOne(
      await issuesOf("budget_liability", {
        totalUsageLimit: undefined,
        offerType: "loyalty_points",
        offerValue: 50_000,
        totalBudget: 30_000,
      }),
      {
        severity: "error",
        field: "totalBudget",
        mentions: ["$540,000", "1,080 redemptions", "50,000 points"],
      },
    );
    expect(issue.fix).toContain("set a total usage limit of 54");
    expect(issue.fix).toContain("lower the offer to 2,500 points");
  });

  it("says when there is no basis for an estimate", async () => {
    expectOne(
      await issuesOf("budget_liability", { totalUsageLimit: undefined, businessObjective: "Team plan" }),
      { severity: "warning", field: "totalBudget", mentions: ["$50,000", "no total usage limit"] },
    );
  });
});
