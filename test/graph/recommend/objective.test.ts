import { describe, expect, it } from "vitest";
import { classifyObjective } from "../../../src/graph/recommend/index.js";

describe("classifyObjective", () => {
  it.each([
    ["Increase Q4 sales by 20%", "sales_lift"],
    ["Boost parts revenue this quarter", "sales_lift"],
    ["Attract new customers to the dealership", "acquisition"],
    ["Drive first-time purchases from new residents", "acquisition"],
    ["Win back lapsed service customers", "retention"],
    ["Keep residents renewing their leases", "retention"],
    ["Clear out last season's mower inventory", "clearance"],
    ["Reward our most loyal fleet customers with points", "loyalty"],
    ["Grow VIP member engagement", "loyalty"],
  ] as const)("reads %j as %s", (objective, category) => {
    expect(classifyObjective(objective)).toBe(category);
  });

  it("has no category for an objective it can't read", () => {
    expect(classifyObjective("Q-something for the team")).toBeUndefined();
    expect(classifyObjective("")).toBeUndefined();
  });

  it("matches words, not fragments inside other words", () => {
    expect(classifyObjective("Industrial equipment")).toBeUndefined();
  });
});
