import type { OfferDraft } from "../draft.js";
import { brandRule } from "./brand.js";
import { codePatternRule } from "./code-pattern.js";
import { codeTypeRule } from "./code-type.js";
import type { Rule, ValidationContext } from "./context.js";
import { datesRule } from "./dates.js";
import { budgetRule } from "./liability.js";
import { offerValueRule } from "./offer-value.js";
import { onlineLinkRule } from "./online-link.js";
import { programChannelsRule } from "./program.js";
import { promoCodeRule } from "./promo-code.js";
import { requiredRule } from "./required.js";
import type { ValidationIssue } from "./types.js";

export { type BrandRules, loadBrandRules } from "./brand-rules.js";
export { codeTypeFor } from "./code-type.js";
export type { ValidationContext } from "./context.js";
export { estimateLiability, type LiabilityEstimate } from "./liability.js";
export type { ValidationIssue } from "./types.js";

/** In the order a marketer would fix things: what is missing, then values, then policy. */
const RULES: Rule[] = [
  requiredRule,
  datesRule,
  offerValueRule,
  promoCodeRule,
  codePatternRule,
  onlineLinkRule,
  programChannelsRule,
  brandRule,
  budgetRule,
  codeTypeRule,
];

/** Every problem with the draft's values; errors block publishing and come before warnings. */
export async function validateDraft(
  draft: OfferDraft,
  context: ValidationContext,
): Promise<ValidationIssue[]> {
  const perRule = await Promise.all(RULES.map((rule) => rule(draft, context)));
  const issues = perRule.flat();
  return [
    ...issues.filter((issue) => issue.severity === "error"),
    ...issues.filter((issue) => issue.severity === "warning"),
  ];
}
