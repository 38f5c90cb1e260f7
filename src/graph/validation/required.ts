import type { OfferDraft } from "../draft.js";
import { VALUELESS_KINDS } from "../offer-kinds.js";
import type { Rule } from "./context.js";
import { codeModeOf, offerValueOf, valueKindOf } from "./draft-facts.js";
import type { ValidationIssue } from "./types.js";

type RequiredField =
  | "programType"
  | "merchantId"
  | "offerType"
  | "offerValue"
  | "minimumSpend"
  | "itemName"
  | "qualifyingItem"
  | "startDate"
  | "endDate"
  | "offerTitle"
  | "redemptionMethod"
  | "promoCode"
  | "uniqueCodeCount"
  | "codePattern"
  | "clickthruUrl"
  | "locationIds";

/** How to name each field a publishable offer needs, and how to supply it. */
const ASK: Record<RequiredField, { missing: string; fix: string }> = {
  programType: {
    missing: "a program type",
    fix: "Say whether it is for a closed-loop, open-loop or hybrid program.",
  },
  merchantId: { missing: "a merchant", fix: "Name the merchant the offer is for." },
  offerType: {
    missing: "an offer type",
    fix: "Choose percentage off, dollars off, BOGO, spend-and-get, cash back, loyalty points, a free item with purchase, a price point or a click-through link.",
  },
  offerValue: { missing: "an offer value", fix: 'Give the value, e.g. "20% off" or "$25 off".' },
  minimumSpend: {
    missing: "the minimum spend for the spend-and-get reward",
    fix: 'Give the spend that earns the reward, e.g. "spend $100, get $20".',
  },
  itemName: {
    missing: "the item the offer is for",
    fix: 'Name the item, e.g. "free coffee with any pastry" or "$9.99 oil change".',
  },
  qualifyingItem: {
    missing: "what the customer must buy to get the free item",
    fix: 'Name the purchase, e.g. "with any pastry", or say "with any purchase".',
  },
  startDate: { missing: "a start date", fix: "Give the first day the offer runs, e.g. 2026-12-01." },
  endDate: { missing: "an end date", fix: "Give the last day the offer runs, e.g. 2026-12-31." },
  offerTitle: { missing: "a title", fix: 'Give a short title, e.g. "Q4 Dealer Incentive".' },
  redemptionMethod: {
    missing: "a redemption method",
    fix: "Choose promo code, show & save, barcode scan or online link.",
  },
  promoCode: { missing: "a promo code", fix: "Give the code customers enter, e.g. DEALER20." },
  uniqueCodeCount: {
    missing: "how many unique codes to generate",
    fix: 'Say how many codes you need, e.g. "5,000 unique codes".',
  },
  codePattern: {
    missing: "a pattern for the unique codes",
    fix: "Give a pattern such as DLR#### (# is a random digit, ? a letter, * a letter or digit).",
  },
  clickthruUrl: {
    missing: "a link for online redemption",
    fix: "Give the https:// page where customers redeem the offer.",
  },
  locationIds: {
    missing: "the locations the offer is limited to",
    fix: 'Pick the locations, or say "all locations".',
  },
};

function requiredFields(draft: OfferDraft): RequiredField[] {
  const fields: RequiredField[] = ["programType", "merchantId", "offerType"];
  const kind = valueKindOf(draft);
  if (!kind || !VALUELESS_KINDS.has(kind)) fields.push("offerValue");
  if (kind === "spend_and_get") fields.push("minimumSpend");
  if (kind === "free_with_purchase" || kind === "price_point") fields.push("itemName");
  if (kind === "free_with_purchase") fields.push("qualifyingItem");
  fields.push("startDate", "endDate", "offerTitle", "redemptionMethod");
  if (draft.redemptionMethod === "promo_code") {
    if (codeModeOf(draft) === "unique") fields.push("uniqueCodeCount", "codePattern");
    else fields.push("promoCode");
  }
  if (draft.redemptionMethod === "online_link") fields.push("clickthruUrl");
  if (draft.locationScope === "selected") fields.push("locationIds");
  return fields;
}

function isMissing(draft: OfferDraft, field: RequiredField): boolean {
  // A type that implies its value (free BOGO) needs no value from the user.
  const value = field === "offerValue" ? offerValueOf(draft) : draft[field];
  return value === undefined || value === "" || (Array.isArray(value) && value.length === 0);
}

/** Presence only; whether each value is acceptable is the other rules' job. */
export const requiredRule: Rule = (draft) =>
  requiredFields(draft)
    .filter((field) => isMissing(draft, field))
    .map(
      (field): ValidationIssue => ({
        field,
        severity: "error",
        rule: "required",
        message: `The offer can't be published without ${ASK[field].missing}.`,
        fix: ASK[field].fix,
      }),
    );
