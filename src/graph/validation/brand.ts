import type { OfferDraft } from "../draft.js";
import type { ProgramBrandRules } from "./brand-rules.js";
import type { Rule } from "./context.js";
import { formatOfferValue } from "./format.js";
import { phrasePattern } from "./text.js";
import type { ValidationIssue } from "./types.js";

const TEXT_FIELDS = [
  ["offerTitle", "title"],
  ["offerDescription", "description"],
  ["termsConditions", "terms & conditions"],
] as const;

function bannedWordIssues(draft: OfferDraft, rules: ProgramBrandRules, program: string): ValidationIssue[] {
  return TEXT_FIELDS.flatMap(([field, label]) => {
    const text = draft[field];
    if (text === undefined) return [];
    return rules.bannedWords
      .filter((word) => phrasePattern(word, true).test(text))
      .map(
        (word): ValidationIssue => ({
          field,
          severity: "error",
          rule: "brand_banned_word",
          message: `The ${label} uses "${word}", which ${program} brand rules don't allow.`,
          fix: `Remove or reword "${word}" in the ${label}.`,
        }),
      );
  });
}

function maxDiscountIssues(draft: OfferDraft, rules: ProgramBrandRules, program: string): ValidationIssue[] {
  const value = draft.offerValue;
  if (draft.offerType !== "percentage_savings" || value === undefined || value <= rules.maxDiscountPercent) {
    return [];
  }
  const max = formatOfferValue("percentage_savings", rules.maxDiscountPercent);
  return [
    {
      field: "offerValue",
      severity: "error",
      rule: "brand_max_discount",
      message: `${formatOfferValue("percentage_savings", value)} is above the ${max} maximum discount ${program} brand rules allow.`,
      fix: `Lower the discount to ${max} or less.`,
    },
  ];
}

const normalise = (text: string) => text.replace(/\s+/g, " ").trim().toLowerCase();

/** The program's required sentences the terms do not state (word for word, any case or spacing). */
export function missingRequiredTerms(terms: string | undefined, rules: ProgramBrandRules): string[] {
  const stated = normalise(terms ?? "");
  return rules.requiredTerms.filter((sentence) => !stated.includes(normalise(sentence)));
}

function requiredTermsIssues(
  draft: OfferDraft,
  rules: ProgramBrandRules,
  program: string,
): ValidationIssue[] {
  const terms = normalise(draft.termsConditions ?? "");
  return missingRequiredTerms(draft.termsConditions, rules).map(
    (sentence): ValidationIssue => ({
      field: "termsConditions",
      severity: "error",
      rule: "brand_required_terms",
      message:
        terms === ""
          ? `The offer has no terms & conditions; ${program} offers must state "${sentence}"`
          : `The terms & conditions don't include "${sentence}", which ${program} offers must state.`,
      fix: `Add this sentence to the terms & conditions: "${sentence}"`,
    }),
  );
}

/** Per-program brand compliance from config/brand-rules.json. */
export const brandRule: Rule = (draft, context) => {
  if (draft.programType === undefined) return [];
  const rules = context.brandRules[draft.programType];
  const program = draft.programType.replace("_", "-");
  return [
    ...bannedWordIssues(draft, rules, program),
    ...maxDiscountIssues(draft, rules, program),
    ...requiredTermsIssues(draft, rules, program),
  ];
};
