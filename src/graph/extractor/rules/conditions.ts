import type { DraftPatch } from "../../draft.js";
import type { ExtractContext } from "../types.js";
import { NUMBER } from "./numbers.js";
import type { Rule } from "./scan.js";

/**
 * Conditions Kigo's offer fields cannot hold go into the terms, which the merchant honours at the
 * till, and the marketer is told so rather than left to believe the API enforces them.
 */
export function addToTerms(
  sentences: string[],
  patch: DraftPatch,
  context: ExtractContext,
  notes: string[],
  cannot: string,
  caveat = "",
): void {
  const terms = `${context.draft.termsConditions ?? ""} ${patch.termsAddition ?? ""}`;
  const fresh = sentences.filter((sentence) => !terms.includes(sentence));
  if (fresh.length === 0) return;
  patch.termsAddition = [patch.termsAddition, ...fresh].filter(Boolean).join(" ");
  notes.push(
    `Kigo can't ${cannot} yet, so I added "${fresh.join(" ")}" to the terms for the merchant to honour${caveat}.`,
  );
}

const UNIT = String.raw`(gallons?|gal|litres?|liters?|lbs?|pounds?|items?|units?|pieces?|bags?|cases?|boxes?|bottles?|cans?|tickets?|nights?|visits?|rounds?)`;
const UNIT_NAMES: Record<string, string> = { gal: "gallons", lb: "pounds", lbs: "pounds", liter: "litres" };

/** "when you buy 10+ gallons", "min 3 items", "10 gallon minimum": a least quantity per purchase. */
const QUANTITY_MINIMUM = new RegExp(
  [
    String.raw`\b(?:when|if)\s+(?:you|they|customers?)\s+(?:buy|purchase|get|pump|fill\s+up\s+with)\s+(?:at\s+least\s+)?(${NUMBER})\s*(?:\+|or\s+more)?\s*${UNIT}\b`,
    String.raw`\bmin(?:imum)?\.?\s+(?:of\s+)?(${NUMBER})\s*${UNIT}\b`,
    String.raw`\b(${NUMBER})\s*(?:\+\s*)?${UNIT}\s+min(?:imum)?\b`,
    String.raw`\b(?:on|with)\s+(${NUMBER})\s*(?:\+|or\s+more)\s*${UNIT}\b`,
  ].join("|"),
  "gi",
);

function unitName(raw: string, count: number): string {
  const word = UNIT_NAMES[raw.toLowerCase()] ?? raw.toLowerCase();
  const plural = word.endsWith("s") ? word : `${word}s`;
  return count === 1 ? plural.replace(/s$/, "") : plural;
}

export const readConditions: Rule = (scan, patch, context, notes) => {
  const sentences = scan.take(QUANTITY_MINIMUM).map((match) => {
    const groups = match.slice(1);
    const index = groups.findIndex((group) => group !== undefined);
    const count = Number((groups[index] ?? "").replace(/,/g, ""));
    return `Minimum purchase of ${count} ${unitName(groups[index + 1] ?? "", count)}.`;
  });
  if (sentences.length > 0) addToTerms(sentences, patch, context, notes, "require a quantity per purchase");
};
