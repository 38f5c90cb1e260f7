import { describe, expect, it } from "vitest";
import { ConfigError } from "../../../src/config.js";
import { loadBrandRules } from "../../../src/graph/validation/index.js";
import { brandRules, expectOne, issuesOf, REQUIRED_TERMS, writeTempJson } from "./fixtures.js";

describe("brand rules: banned words", () => {
  it("rejects a banned phrase in any case, naming the phrase and the field", async () => {
    const issue = expectOne(
      await issuesOf("brand_banned_word", { offerDescription: "Our BEST EVER deal on mower parts" }),
      { severity: "error", field: "offerDescription", mentions: ['"best ever"', "description"] },
    );
    expect(issue.fix).toContain("best ever");
  });

  it("treats hyphens and spaces alike and checks the title and terms too", async () => {
    const issues = await issuesOf("brand_banned_word", {
      offerTitle: "Risk free savings",
      termsConditions: `${REQUIRED_TERMS} Savings guaranteed.`,
    });
    expect(issues.map((issue) => [issue.field, issue.message.match(/"(.+?)"/)?.[1]])).toEqual([
      ["offerTitle", "risk-free"],
      ["termsConditions", "guaranteed"],
    ]);
  });

  it("matches whole words only", async () => {
    expect(
      await issuesOf("brand_banned_word", { offerDescription: "Guaranteedly cheaper? No: unguaranteed." }),
    ).toEqual([]);
    expect(await issuesOf("brand_banned_word", {})).toEqual([]);
  });
});

describe("brand rules: maximum discount", () => {
  it("holds closed-loop percentage discounts to 30%", async () => {
    const issue = expectOne(
      await issuesOf("brand_max_discount", { offerValue: 35, maxDiscount: undefined }),
      {
        severity: "error",
        field: "offerValue",
        mentions: ["35%", "30%", "closed-loop"],
      },
    );
    expect(issue.fix).toBe("Lower the discount to 30% or less.");
    expect(await issuesOf("brand_max_discount", { offerValue: 30, maxDiscount: undefined })).toEqual([]);
  });

  it("allows open-loop discounts up to 50%", async () => {
    const openLoop = { programType: "open_loop", maxDiscount: undefined } as const;
    expect(await issuesOf("brand_max_discount", { ...openLoop, offerValue: 35 })).toEqual([]);
    expect(await issuesOf("brand_max_discount", { ...openLoop, offerValue: 55 })).toHaveLength(1);
  });
});

describe("brand rules: required terms", () => {
  it("requires the program's sentence and offers it as the fix", async () => {
    const issue = expectOne(
      await issuesOf("brand_required_terms", { termsConditions: "Valid for authorized dealers only" }),
      { severity: "error", field: "termsConditions", mentions: [REQUIRED_TERMS] },
    );
    expect(issue.fix).toBe(`Add this sentence to the terms & conditions: "${REQUIRED_TERMS}"`);
    expectOne(await issuesOf("brand_required_terms", { termsConditions: undefined }), {
      severity: "error",
      field: "termsConditions",
      mentions: ["no terms", REQUIRED_TERMS],
    });
  });

  it("finds the sentence regardless of case and spacing", async () => {
    const terms = "One per visit.  valid for AUTHORIZED john deere\ndealers only.";
    expect(await issuesOf("brand_required_terms", { termsConditions: terms })).toEqual([]);
  });

  it("uses each program's own sentence", async () => {
    const [sentence] = brandRules.open_loop.requiredTerms;
    const issues = await issuesOf("brand_required_terms", { programType: "open_loop" });
    expect(issues.map((issue) => issue.fix)).toEqual([
      `Add this sentence to the terms & conditions: "${sentence}"`,
    ]);
  });
});

describe("loadBrandRules", () => {
  it("loads config/brand-rules.json with rules for every program", () => {
    expect(Object.keys(loadBrandRules()).sort()).toEqual(["closed_loop", "hybrid", "open_loop"]);
    expect(brandRules.closed_loop).toMatchObject({ maxDiscountPercent: 30, requiredTerms: [REQUIRED_TERMS] });
  });

  it("names the file and the field when a value is wrong", () => {
    const path = writeTempJson("brand-rules.json", {
      ...brandRules,
      closed_loop: { ...brandRules.closed_loop, maxDiscountPercent: "thirty" },
    });
    expect(() => loadBrandRules(path)).toThrow(ConfigError);
    expect(() => loadBrandRules(path)).toThrow(
      new RegExp(`^Brand rules file ${path} is invalid: closed_loop\\.maxDiscountPercent: `),
    );
  });

  it("names a missing program and a misspelt key", () => {
    const { hybrid: _, ...withoutHybrid } = brandRules;
    const path = writeTempJson("brand-rules.json", {
      ...withoutHybrid,
      open_loop: { ...brandRules.open_loop, bannedWord: [] },
    });
    expect(() => loadBrandRules(path)).toThrow(/open_loop: Unrecognized key: "bannedWord"/);
    expect(() => loadBrandRules(path)).toThrow(/hybrid: Invalid input: expected object/);
  });

  it("names the file when it is not JSON or missing", () => {
    const path = writeTempJson("brand-rules.json", "{ closed_loop: ");
    expect(() => loadBrandRules(path)).toThrow(`Brand rules file ${path} could not be read`);
    expect(() => loadBrandRules("/nonexistent/brand-rules.json")).toThrow(
      "Brand rules file /nonexistent/brand-rules.json could not be read",
    );
  });
});
