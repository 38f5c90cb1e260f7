import type { OfferDraft } from "../draft.js";
import type { Rule, ValidationContext } from "./context.js";
import { codeModeOf, usesPromoCodes } from "./draft-facts.js";
import { listCharacters, orList } from "./format.js";
import type { ValidationIssue } from "./types.js";

/** Generated unique codes obey the same length as a universal code. */
export const CODE_LENGTH = { min: 4, max: 20 };
const LENGTHS = `${CODE_LENGTH.min}–${CODE_LENGTH.max}`;
const VALID_CODE = new RegExp(`^[A-Z0-9]{${CODE_LENGTH.min},${CODE_LENGTH.max}}$`);

/** The universal code customers type in, uppercased as the API stores it; undefined when none applies. */
function universalCode(draft: OfferDraft): string | undefined {
  if (draft.promoCode === undefined || !usesPromoCodes(draft) || codeModeOf(draft) !== "universal") {
    return undefined;
  }
  return draft.promoCode.trim().toUpperCase();
}

function formatProblem(code: string): string {
  if (code.length < CODE_LENGTH.min) return `is shorter than ${CODE_LENGTH.min} characters`;
  if (code.length > CODE_LENGTH.max) return `is longer than ${CODE_LENGTH.max} characters`;
  return `contains ${listCharacters(code.replace(/[A-Z0-9]/g, ""))}`;
}

function formatIssue(code: string): ValidationIssue {
  const cleaned = code.replace(/[^A-Z0-9]/g, "").slice(0, CODE_LENGTH.max);
  return {
    field: "promoCode",
    severity: "error",
    rule: "promo_code_format",
    message: `The promo code "${code}" ${formatProblem(code)}; codes are ${LENGTHS} letters A–Z and digits 0–9.`,
    fix: VALID_CODE.test(cleaned)
      ? `Use ${cleaned} instead.`
      : `Use ${LENGTHS} letters and digits, e.g. DEALER20.`,
  };
}

const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];

/** Codes close to the taken one: the next numbers (DEALER21) and the start month (DEALER20DEC). */
function alternativesTo(code: string, day: string): string[] {
  const numbered = /^(.*?)(\d+)$/.exec(code);
  const next = (step: number) =>
    numbered
      ? `${numbered[1]}${String(Number(numbered[2]) + step).padStart(numbered[2]?.length ?? 0, "0")}`
      : `${code}${step + 1}`;
  const month = MONTHS[Number(day.slice(5, 7)) - 1] ?? "";
  return [next(1), `${code}${month}`, next(2)].filter((candidate) => VALID_CODE.test(candidate));
}

async function uniquenessIssues(
  code: string,
  draft: OfferDraft,
  context: ValidationContext,
  isTaken: (code: string) => Promise<boolean>,
): Promise<ValidationIssue[]> {
  try {
    if (!(await isTaken(code))) return [];
    const candidates = alternativesTo(code, draft.startDate ?? context.today);
    const taken = await Promise.all(candidates.map(isTaken));
    const free = candidates.filter((_, index) => !taken[index]).slice(0, 2);
    return [
      {
        field: "promoCode",
        severity: "error",
        rule: "promo_code_unique",
        message: `${code} is already used by another offer.`,
        fix:
          free.length > 0
            ? `Use ${orList(free)} instead.`
            : `Choose another code, e.g. ${code} with a month or a number added.`,
      },
    ];
  } catch (error) {
    // A lookup failure must not pass as "free", nor block the rest of validation.
    return [
      {
        field: "promoCode",
        severity: "warning",
        rule: "promo_code_unique",
        message: `Couldn't check whether ${code} is already used by another offer: ${(error as Error).message}`,
        fix: "Validate again in a moment; the code must be free before the offer goes live.",
      },
    ];
  }
}

export const promoCodeRule: Rule = async (draft, context) => {
  const code = universalCode(draft);
  if (code === undefined) return [];
  if (!VALID_CODE.test(code)) return [formatIssue(code)];
  const isTaken = context.isPromoCodeTaken;
  return isTaken ? uniquenessIssues(code, draft, context, isTaken) : [];
};
