import { CODE_TYPE_LETTER, type CodeKind } from "../../kigo/schemas.js";
import type { OfferDraft } from "../draft.js";
import type { Rule } from "./context.js";
import { codeModeOf } from "./draft-facts.js";

function codeKindOf(draft: OfferDraft): CodeKind {
  switch (draft.redemptionMethod) {
    case "promo_code":
      return codeModeOf(draft) === "unique" ? "unique_codes" : "promo_code";
    case undefined:
      return "none";
    default:
      return draft.redemptionMethod;
  }
}

/** The `code_type` letter the Kigo API gets for this draft. */
export function codeTypeFor(draft: OfferDraft): string {
  return CODE_TYPE_LETTER[codeKindOf(draft)];
}

/** The API rejects anything but one character with a 400; catch a bad letter table before publishing. */
export const codeTypeRule: Rule = (draft) => {
  const codeType = codeTypeFor(draft);
  if (codeType.length === 1) return [];
  return [
    {
      field: "redemptionMethod",
      severity: "error",
      rule: "code_type",
      message: `The code type "${codeType}" for ${codeKindOf(draft).replaceAll("_", " ")} redemption is not a single character, so the Kigo API would reject the offer.`,
      fix: "Fix the code type letter for this redemption method in CODE_TYPE_LETTER (src/kigo/schemas.ts), then publish again.",
    },
  ];
};
