import { describe, expect, it } from "vitest";
import { ConfigError } from "../../../src/config.js";
import { OFFER_TYPES, PROGRAM_TYPES } from "../../../src/graph/draft.js";
import { VALUE_KINDS } from "../../../src/graph/offer-kinds.js";
import { loadBenchmarks, OBJECTIVE_CATEGORIES } from "../../../src/graph/recommend/index.js";
import { CATEGORY } from "../../../src/kigo/sandbox/demo-catalog.js";
import { benchmarks, brandRules, writeTempJson } from "../validation/fixtures.js";

describe("benchmark table", () => {
  it("covers every objective × program × offer type, with percent cash back and points multipliers apart", () => {
    for (const objective of OBJECTIVE_CATEGORIES) {
      for (const program of PROGRAM_TYPES) {
        const kinds = Object.keys(benchmarks.objectives[objective][program].offers);
        expect(kinds.sort()).toEqual([...VALUE_KINDS].sort());
        for (const type of OFFER_TYPES) expect(kinds).toContain(type);
      }
    }
  });

  it("gives a value range to every kind of offer that has a value, and none to the rest", () => {
    const { offers } = benchmarks.objectives.sales_lift.open_loop;
    for (const kind of VALUE_KINDS) {
      expect(offers[kind].typical === undefined, kind).toBe(
        ["free_with_purchase", "price_point", "clickthrough"].includes(kind),
      );
    }
  });

  it("prices every demo merchant category", () => {
    for (const id of Object.values(CATEGORY))
      expect(benchmarks.categories[String(id)], `${id}`).toBeDefined();
  });

  it("never recommends a percentage the program's brand rules forbid", () => {
    for (const objective of OBJECTIVE_CATEGORIES) {
      for (const program of PROGRAM_TYPES) {
        const { max } = benchmarks.objectives[objective][program].offers.percentage_savings;
        expect(max, `${objective} ${program}`).toBeLessThanOrEqual(brandRules[program].maxDiscountPercent);
      }
    }
  });

  it("names the file and the field of a bad entry", () => {
    const broken = structuredClone(benchmarks);
    broken.objectives.sales_lift.closed_loop.offers.bogo.min = 150;
    const path = writeTempJson("benchmarks.json", broken);
    expect(() => loadBenchmarks(path)).toThrow(ConfigError);
    expect(() => loadBenchmarks(path)).toThrow(
      `Benchmarks file ${path} is invalid: objectives.sales_lift.closed_loop.offers.bogo: must give all of min, typical and max with min <= typical <= max, or none of them`,
    );
  });

  it("names a missing offer type and an impossible redemption rate", () => {
    const broken = structuredClone(benchmarks) as unknown as {
      objectives: Record<string, Record<string, { offers: Record<string, { redemptionRate: number }> }>>;
    };
    const offers = broken.objectives.retention?.hybrid?.offers ?? {};
    delete offers.cashback;
    if (offers.bogo) offers.bogo.redemptionRate = 1.5;
    const path = writeTempJson("benchmarks.json", broken);
    expect(() => loadBenchmarks(path)).toThrow("objectives.retention.hybrid.offers.cashback");
    expect(() => loadBenchmarks(path)).toThrow("objectives.retention.hybrid.offers.bogo.redemptionRate");
  });
});
