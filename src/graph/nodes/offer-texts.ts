import { describeOfferValue, formatMoney, multiplierText, sentenceCase } from "../describe.js";
import type { OfferDraft } from "../draft.js";
import { offerValueOf, valueKindOf } from "../offer-kinds.js";
import { rewardText } from "../offer-words.js";
import type { GeneratedTexts } from "../state.js";
import { missingRequiredTerms } from "../validation/brand.js";
import type { BrandRules } from "../validation/brand-rules.js";

/**
 * The title and terms the bot writes from the offer's values. They follow the values (a new value
 * means a new title) until the marketer writes their own; the program's required sentences stay in
 * the terms whoever writes them.
 */

/** "25% off all equipment", "Buy one latte, get one free", "$9.99 oil change". */
export function titleFor(draft: OfferDraft): string | undefined {
  const offer = describeOfferValue(draft);
  return offer && sentenceCase(offer);
}

/** What a customer must know to redeem this kind of offer, beyond its title. */
function conditionsFor(draft: OfferDraft): string[] {
  const value = offerValueOf(draft);
  const spend = draft.minimumSpend;
  switch (valueKindOf(draft)) {
    case "percentage_savings":
    case "dollars_off":
      return spend === undefined ? [] : [`Minimum purchase of ${formatMoney(spend)}.`];
    case "spend_and_get":
      return spend === undefined || value === undefined
        ? []
        : [
            `Spend ${formatMoney(spend)} or more${draft.qualifyingItem ? ` on ${draft.qualifyingItem}` : ""} in one purchase to get ${rewardText(value, draft.itemName)}.`,
          ];
    case "bogo":
      return [
        `The ${value !== undefined && value < 100 ? "discounted" : "free"} item must be of equal or lesser value.`,
      ];
    case "free_with_purchase":
      return draft.itemName
        ? [`One free ${draft.itemName} per qualifying ${draft.qualifyingItem ?? "purchase"}.`]
        : [];
    case "price_point":
      return draft.itemName ? [`One ${draft.itemName} at the offer price per redemption.`] : [];
    case "points_multiplier":
      return value === undefined
        ? []
        : [`${sentenceCase(multiplierText(value))} apply to the base points a qualifying purchase earns.`];
    case "cashback":
    case "cashback_percent":
      return ["Cash back is credited after the qualifying purchase."];
    default:
      return [];
  }
}

function generatedTermsFor(draft: OfferDraft, brandRules: BrandRules): string | undefined {
  if (describeOfferValue(draft) === undefined) return undefined;
  const required = draft.programType ? brandRules[draft.programType].requiredTerms : [];
  const sentences = [...conditionsFor(draft), ...required];
  return sentences.length > 0 ? sentences.join(" ") : undefined;
}

/** "valid in store only" added to the terms reads as a sentence of them: "Valid in store only." */
const asSentence = (text: string) => {
  const capitalised = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(capitalised) ? capitalised : `${capitalised}.`;
};

/** An example title in the marketer's own terms: "Sunrise Coffee Co. Holiday Special". */
const exampleTitle = (draft: OfferDraft) => `${draft.merchantName ?? "Holiday"} Special`;

export interface OfferTexts {
  draft: OfferDraft;
  generated: GeneratedTexts;
}

function withTitle(draft: OfferDraft, previous: string | undefined, notes: string[]): string | undefined {
  const ours = draft.offerTitle === undefined || draft.offerTitle === previous;
  if (!ours) return undefined;
  const title = titleFor(draft);
  if (title === undefined || title === draft.offerTitle) return draft.offerTitle;
  notes.push(
    draft.offerTitle === undefined
      ? `I titled it "${title}" (say e.g. title "${exampleTitle(draft)}" to change it).`
      : `I updated the title to "${title}" to match the offer.`,
  );
  draft.offerTitle = title;
  return title;
}

/**
 * The terms: the generated part (rewritten when the values change), then what the marketer added
 * ("add to terms: …"); the marketer's own terms as they wrote them. Returns the generated part
 * while the terms still start with it.
 */
function withTerms(
  draft: OfferDraft,
  previous: string | undefined,
  brandRules: BrandRules,
): string | undefined {
  const generated = generatedTermsFor(draft, brandRules);
  const current = draft.termsConditions;
  const additions =
    current === undefined
      ? ""
      : previous !== undefined && current.startsWith(previous)
        ? current.slice(previous.length)
        : undefined;
  const addition = draft.termsAddition;
  delete draft.termsAddition;
  if (additions === undefined) {
    // The marketer's own terms: only their additions change them.
    if (addition) draft.termsConditions = `${current} ${asSentence(addition)}`.trim();
    return undefined;
  }
  const terms = [generated, additions.trim(), addition && asSentence(addition)].filter(Boolean).join(" ");
  if (terms) draft.termsConditions = terms;
  else delete draft.termsConditions;
  return generated;
}

/** The program's required sentences go back in when the marketer's terms leave them out. */
function withRequiredTerms(draft: OfferDraft, brandRules: BrandRules, notes: string[]): void {
  if (draft.programType === undefined || draft.termsConditions === undefined) return;
  const missing = missingRequiredTerms(draft.termsConditions, brandRules[draft.programType]);
  if (missing.length === 0) return;
  draft.termsConditions = [asSentence(draft.termsConditions), ...missing].join(" ");
  const program = draft.programType.replace("_", "-");
  notes.push(
    `I kept ${missing.map((sentence) => `"${sentence}"`).join(" and ")} in the terms: ${program} offers must state it.`,
  );
}

export function withOfferTexts(
  draft: OfferDraft,
  previous: GeneratedTexts,
  brandRules: BrandRules,
  notes: string[],
): OfferTexts {
  const next = { ...draft };
  const offerTitle = withTitle(next, previous.offerTitle, notes);
  const termsConditions = withTerms(next, previous.termsConditions, brandRules);
  withRequiredTerms(next, brandRules, notes);
  return {
    draft: next,
    generated: {
      ...(offerTitle !== undefined && { offerTitle }),
      ...(termsConditions !== undefined && { termsConditions }),
    },
  };
}
