import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";
import type { OfferDraft } from "../../../src/graph/draft.js";
import { loadBenchmarks } from "../../../src/graph/recommend/benchmarks.js";
import {
  loadBrandRules,
  type ValidationContext,
  type ValidationIssue,
  validateDraft,
} from "../../../src/graph/validation/index.js";

export const benchmarks = loadBenchmarks();
export const brandRules = loadBrandRules();
export const TODAY = "2025-11-20";
export const REQUIRED_TERMS = "Valid for authorized John Deere dealers only.";

/** The seed's example offer (shared/seed/offer-manager-data-flow.md), dated next December. */
export function seedDraft(): OfferDraft {
  return {
    businessObjective: "Increase Q4 sales by 20%",
    programType: "closed_loop",
    targetAudience: ["dealers", "fleet"],
    maxDiscount: 20,
    maxDiscountUnit: "%",
    totalBudget: 50_000,
    startDate: "2026-12-01",
    endDate: "2026-12-31",
    offerType: "percentage_savings",
    offerValue: 20,
    offerTitle: "Q4 Dealer Incentive",
    offerDescription: "20% off all equipment purchases",
    termsConditions: `${REQUIRED_TERMS} One use per visit.`,
    redemptionMethod: "promo_code",
    promoCode: "DEALER20",
    usageLimitPerCustomer: 3,
    totalUsageLimit: 1000,
    merchantId: 123,
    channels: ["hub_airdrop", "activation_link"],
  };
}

export function contextWith(overrides: Partial<ValidationContext> = {}): ValidationContext {
  return { today: TODAY, brandRules, benchmarks, ...overrides };
}

/** The issues one rule raised for the seed draft with `changes` applied. */
export async function issuesOf(
  rule: string,
  changes: OfferDraft,
  context: ValidationContext = contextWith(),
): Promise<ValidationIssue[]> {
  const issues = await validateDraft({ ...seedDraft(), ...changes }, context);
  return issues.filter((issue) => issue.rule === rule);
}

/** Exactly one issue, of this severity and field, whose message names every `mentions`, with a fix. */
export function expectOne(
  issues: ValidationIssue[],
  expected: { severity: ValidationIssue["severity"]; field: ValidationIssue["field"]; mentions: string[] },
): ValidationIssue {
  expect(issues).toHaveLength(1);
  const [issue] = issues as [ValidationIssue];
  expect(issue.severity).toBe(expected.severity);
  expect(issue.field).toBe(expected.field);
  for (const text of expected.mentions) expect(issue.message).toContain(text);
  expect(issue.fix.length).toBeGreaterThan(10);
  return issue;
}

export function writeTempJson(name: string, content: unknown): string {
  const path = join(mkdtempSync(join(tmpdir(), "kigo-test-")), name);
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
  return path;
}
