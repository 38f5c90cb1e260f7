import { describe, expect, it } from "vitest";
import { ConfigError } from "../../../src/config.js";
import { OFFER_TYPES, PROGRAM_TYPES } from "../../../src/graph/draft.js";
import { loadBenchmarks, OBJECTIVE_CATEGORIES } from "../../../src/graph/recommend/index.js";
import { benchmarks, brandRules, writeTempJson } from "../validation/fixtures.js";

describe("benchmark table", () => {
  it("covers every objective × program × offer type", () => {
    for (const objective of OBJECTIVE_CATEGORIES) {
      for (const program of PROGRAM_TYPES) {
        expect(Object.keys(benchmarks.objectives[objective][program].offers).sort()).toEqual(
          [...OFFER_TYPES].sort(),
        );
      }
    }
  });

  it("never recommends a percentage the program's brand rules forbid", () => {
    for (const objective of OBJECTIVE_CATEGORIES) {
      for (const program of PROGRAM_TYPES) {
        const { max } = benchmarks.objectives[objective][program].offers.percentage_discount;
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
      `Benchmarks file ${path} is invalid: objectives.sales_lift.closed_loop.offers.bogo: must satisfy min <= typical <= max`,
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
