import type { OfferDraft } from "../draft.js";
import type { BenchmarkTable } from "../recommend/benchmarks.js";
import type { BrandRules } from "./brand-rules.js";
import type { ValidationIssue } from "./types.js";

export interface ValidationContext {
  /** YYYY-MM-DD in the user's time zone: "in the past" means before the user's today. */
  today: string;
  brandRules: BrandRules;
  benchmarks: BenchmarkTable;
  /** Asks the Kigo API whether a promo code exists; absent (e.g. offline previews) skips the check. */
  isPromoCodeTaken?: (code: string) => Promise<boolean>;
}

export type Rule = (
  draft: OfferDraft,
  context: ValidationContext,
) => ValidationIssue[] | Promise<ValidationIssue[]>;
