import { formatMoney } from "../../describe.js";
import { addToTerms } from "./conditions.js";
import { AMOUNT, readNumber, readUnitValue, UNIT_VALUE } from "./numbers.js";
import { agreed, type Rule } from "./scan.js";

const BUDGET = new RegExp(
  String.raw`\bbudget(?:ed|'?s)?\s*(?:of|is|:|=|at|to)?\s*(?:about\s+|around\s+|roughly\s+|~\s*)?(${AMOUNT})|(${AMOUNT})\s+(?:total\s+)?budget\b`,
  "gi",
);

const MAX_DISCOUNT = new RegExp(
  String.raw`\b(?:max(?:imum)?\s+discount|discount\s+(?:cap|limit|max(?:imum)?)|cap(?:ped)?(?:\s+(?:it|the\s+discounts?|discounts?))?|max(?:imum)?|no\s+more\s+than|at\s+most|up\s+to)\s*(?:of|is|:|=|at|to)?\s*(${UNIT_VALUE})(?:\s+off)?|(${UNIT_VALUE})\s+(?:max(?:imum)?|cap)\b`,
  "gi",
);

const NEGATIVE_BUDGET =
  /\bbudget\s*(?:of|is|:|=|at|to)?\s*(?:-|–|minus\s+|negative\s+)\s*\$?\s?\d[\d,.]*\s?k?\b/gi;

/** Total budget ("budget $50k", "50k budget") and the discount cap ("max discount 30%", "cap at $25", "up to $100 off"). */
export const readMoney: Rule = (scan, patch, context, notes) => {
  for (const [typed] of scan.take(NEGATIVE_BUDGET)) {
    notes.push(`A budget can't be negative ("${typed}"), so I left it out. What is the budget, e.g. $5,000?`);
  }
  const budgets = scan.take(BUDGET).map((match) => readNumber(match[1] ?? match[2] ?? ""));
  const budget = agreed(budgets);
  if (budget !== undefined) patch.totalBudget = budget;

  const cap = agreed(scan.take(MAX_DISCOUNT).map((match) => readUnitValue(match[1] ?? match[2] ?? "")));
  if (cap?.unit) {
    patch.maxDiscount = cap.value;
    patch.maxDiscountUnit = cap.unit;
    // Kigo's offer has no cap per purchase: the merchant applies it, as the terms say.
    if (cap.unit === "$")
      addToTerms(
        [`Maximum discount of ${formatMoney(cap.value)} per purchase.`],
        patch,
        context,
        notes,
        "cap the discount per purchase",
      );
  }
};

/** "$5k", "10k", "$12,000" left over once every other rule has read the message. */
const LARGE_AMOUNT =
  /(?<![\w$.,])(\$?\s?\d+(?:\.\d+)?\s?k|\$\s?\d{1,3}(?:,\d{3})+|\$\d{4,})(?![\w%])(?!\s*(?:off|back|cash|or\s+more|\+|purchase|order|spend|min))/gi;

/**
 * A large amount among other details ("10k, promo code CVAS50, 1 per customer") is the budget, when
 * the offer has none yet: nothing else in an offer is counted in thousands of dollars. Runs last.
 */
export const readBareBudget: Rule = (scan, patch, context) => {
  // A lone "50k" with nothing asked could be anything; among other offer details it is the budget.
  if (patch.totalBudget !== undefined || context.draft.totalBudget !== undefined) return;
  if (Object.keys(patch).length === 0) return;
  const amounts = scan.take(LARGE_AMOUNT).map((match) => readNumber(match[1] ?? ""));
  const budget = agreed(amounts);
  if (budget !== undefined && budget >= 1000) patch.totalBudget = budget;
};
