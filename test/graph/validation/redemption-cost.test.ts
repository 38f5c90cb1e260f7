import { describe, expect, it } from "vitest";
import type { OfferDraft } from "../../../src/graph/draft.js";
import { extractWithRules } from "../../../src/graph/extractor/rules/index.js";
import { estimateLiability } from "../../../src/graph/validation/index.js";
import { CATEGORY } from "../../../src/kigo/sandbox/demo-catalog.js";
import { context } from "../extractor/support.js";
import { benchmarks, contextWith, issuesOf, seedDraft } from "./fixtures.js";

const cafe = benchmarks.categories[String(CATEGORY.dining)];
const fuel = benchmarks.categories[String(CATEGORY.fuel)];
const openLoop = benchmarks.programs.open_loop;

/** An open-loop resident offer with 400 uses, at the demo's coffee shop unless the changes say otherwise. */
const resident = (changes: OfferDraft): OfferDraft => ({
  ...seedDraft(),
  programType: "open_loop",
  merchantCategoryId: CATEGORY.dining,
  totalUsageLimit: 400,
  termsConditions: "Subject to participating merchant terms and availability.",
  maxDiscount: undefined,
  ...changes,
});
const cost = (changes: OfferDraft) => estimateLiability(resident(changes), benchmarks)?.valuePerRedemption;

describe("cost per redemption from the offer itself", () => {
  it("prices a free latte at the café's item price, not an average order", () => {
    expect(cafe?.averageItemPrice).toBeLessThan(openLoop.averageOrderValue);
    const free = { offerType: "free_with_purchase", itemName: "latte", qualifyingItem: "pastry" } as const;
    expect(cost(free)).toBe(cafe?.averageItemPrice);
    const estimate = estimateLiability(resident(free), benchmarks);
    expect(estimate?.assumption).toContain(`latte at an estimated $${cafe?.averageItemPrice}`);
    expect(estimate?.assumption).toContain('say "latte is');
    // The marketer's own price wins, and their correction is read in words.
    const stated = extractWithRules("a latte is $4", context());
    expect(cost({ ...free, ...stated })).toBe(4);
  });

  it("prices a meal at a café-and-restaurant merchant as a meal, not as a coffee", () => {
    const meal = cafe?.items?.find((kind) => kind.label === "restaurant meal");
    expect(meal?.price).toBeGreaterThan(cafe?.averageItemPrice ?? Number.POSITIVE_INFINITY);
    const free = {
      offerType: "free_with_purchase",
      itemName: "burger basket",
      qualifyingItem: "drink",
    } as const;
    expect(cost(free)).toBe(meal?.price);
    expect(estimateLiability(resident(free), benchmarks)?.assumption).toContain(
      `burger basket at an estimated $${meal?.price} (a typical restaurant meal;`,
    );
    expect(cost({ offerType: "bogo", offerValue: 100, itemName: "entrées" })).toBe(meal?.price);
    // "latte" names no class: the category's typical item.
    expect(cost({ ...free, itemName: "latte" })).toBe(cafe?.averageItemPrice);
  });

  it("prices a BOGO on the item, a percentage on the category's order and amounts as they are", () => {
    expect(cost({ offerType: "bogo", offerValue: 100, itemName: "latte", itemPrice: 6 })).toBe(6);
    expect(cost({ offerType: "bogo", offerValue: 50, itemName: "latte", itemPrice: 6 })).toBe(3);
    const plural = resident({ offerType: "bogo", offerValue: 50, itemName: "lattes", itemPrice: 6 });
    expect(estimateLiability(plural, benchmarks)?.assumption).toMatch(
      "50% off the second of two lattes at $6",
    );
    expect(cost({ offerType: "percentage_savings", offerValue: 20, merchantCategoryId: CATEGORY.fuel })).toBe(
      (20 / 100) * (fuel?.averageOrderValue ?? 0),
    );
    expect(cost({ offerType: "cashback", offerValue: 10, valueUnit: "%" })).toBe(
      (10 / 100) * (cafe?.averageOrderValue ?? 0),
    );
    expect(cost({ offerType: "cashback", offerValue: 5, valueUnit: "$" })).toBe(5);
    expect(cost({ offerType: "dollars_off", offerValue: 10, minimumSpend: 50 })).toBe(10);
    expect(cost({ offerType: "spend_and_get", offerValue: 20, minimumSpend: 100 })).toBe(20);
  });

  it("falls back to the program's prices when the merchant's category is unknown", () => {
    expect(cost({ offerType: "percentage_savings", offerValue: 20, merchantCategoryId: 999_999 })).toBe(
      (20 / 100) * openLoop.averageOrderValue,
    );
    expect(cost({ offerType: "free_with_purchase", itemName: "latte", merchantCategoryId: undefined })).toBe(
      openLoop.averageItemPrice,
    );
  });

  it("prices a price point at what it takes off the regular price", () => {
    expect(cost({ offerType: "price_point", offerValue: 9.99, itemName: "oil change", itemPrice: 45 })).toBe(
      35.01,
    );
  });

  it("prices a points multiplier on the extra points an order earns", () => {
    const extra = 2 * benchmarks.pointsPerDollar * (cafe?.averageOrderValue ?? 0) * benchmarks.pointValue;
    expect(cost({ offerType: "loyalty_points", offerValue: 3, valueUnit: "x" })).toBeCloseTo(extra, 2);
    expect(cost({ offerType: "loyalty_points", offerValue: 500, valueUnit: "points" })).toBe(
      500 * benchmarks.pointValue,
    );
  });

  it("has no cost for a click-through link, and no budget problem", async () => {
    const link = { offerType: "clickthrough", offerValue: undefined, totalBudget: 1 } as const;
    expect(estimateLiability(resident(link), benchmarks)).toBeUndefined();
    expect(await issuesOf("budget_liability", resident(link))).toEqual([]);
  });
});

const fixesOf = (fix: string) =>
  fix
    .replace(/^To stay within budget with 10% to spare, /, "")
    .replace(/\.$/, "")
    .split(/,\s+or\s+|\s+or\s+|,\s+/);

describe("budget fixes", () => {
  const overBudget: [string, OfferDraft][] = [
    ["20% off at the seed's limit", { ...seedDraft(), totalBudget: 30_000 }],
    [
      "BOGO free lattes",
      resident({ offerType: "bogo", offerValue: 100, itemName: "latte", totalBudget: 1000 }),
    ],
    ["10% cash back", resident({ offerType: "cashback", offerValue: 10, valueUnit: "%", totalBudget: 800 })],
    [
      "triple points",
      resident({ offerType: "loyalty_points", offerValue: 3, valueUnit: "x", totalBudget: 150 }),
    ],
    [
      "a $9.99 oil change",
      resident({
        offerType: "price_point",
        offerValue: 9.99,
        itemName: "oil change",
        itemPrice: 45,
        totalBudget: 10_000,
      }),
    ],
    [
      "bonus points without a usage limit",
      resident({
        offerType: "loyalty_points",
        offerValue: 2000,
        valueUnit: "points",
        totalUsageLimit: undefined,
        totalBudget: 5000,
      }),
    ],
  ];

  it.each(overBudget)("for %s, each fix typed back is understood and fits the budget", async (_, draft) => {
    const [issue] = await issuesOf("budget_liability", draft, contextWith());
    expect(issue?.severity).toBe("error");
    const fixes = fixesOf(issue?.fix ?? "");
    expect(fixes.length).toBeGreaterThanOrEqual(2);
    for (const fix of fixes) {
      const patch = extractWithRules(fix, context({ draft }));
      expect(Object.keys(patch), fix).not.toHaveLength(0);
      // The number the fix is about changes; the type or unit it restates may stay.
      for (const field of ["offerValue", "totalUsageLimit", "totalBudget"] as const) {
        if (field in patch)
          expect(patch[field], `${fix} repeats the current ${field}`).not.toBe(draft[field]);
      }
      const fixed = { ...draft, ...patch };
      const estimate = estimateLiability(fixed, benchmarks);
      expect(estimate?.amount, fix).toBeLessThanOrEqual((fixed.totalBudget ?? 0) * 0.9 + 0.01);
    }
  });

  it("never suggests the value or limit the offer already has", async () => {
    // $45 off with 401 uses is $18,045: just over 90% of $20,000.
    const draft = resident({
      offerType: "dollars_off",
      offerValue: 45,
      totalUsageLimit: 401,
      totalBudget: 20_000,
    });
    const [issue] = await issuesOf("budget_liability", draft, contextWith());
    expect(issue?.severity).toBe("warning");
    expect(issue?.fix).toContain("lower the total usage limit to 400");
    expect(issue?.fix).not.toMatch(/\b401\b|\$45\b|\$20,000/);
  });

  it("does not warn at exactly 90% of the budget, which already leaves the 10% the fixes aim for", async () => {
    const draft = resident({
      offerType: "dollars_off",
      offerValue: 45,
      totalUsageLimit: 400,
      totalBudget: 20_000,
    });
    expect(await issuesOf("budget_liability", draft, contextWith())).toEqual([]);
  });
});
