import type { ProgramType } from "../../src/kigo/schemas.js";
import type { Answers, Intent, OfferKind } from "./types.js";

const PROGRAM_WORDS: Record<ProgramType, string> = {
  closed_loop: "Closed loop",
  open_loop: "Open loop",
  hybrid: "Hybrid",
};

const KIND_WORDS: Record<OfferKind, string> = {
  percentage_off: "percentage off",
  dollars_off: "dollars off",
  bogo: "buy one get one",
  spend_and_get: "spend and get",
  cashback: "cashback",
  loyalty_points: "bonus loyalty points",
  free_with_purchase: "free item with purchase",
  price_point: "a special price",
  clickthrough: "a clickthrough to our site",
};

const METHOD_WORDS = {
  promo_code: "promo code",
  show_save: "show and save",
  barcode: "barcode scan",
  online_link: "online link",
} as const;

/** "2026-12-01" → "Dec 1, 2026": how a person types a date. */
export function spokenDate(iso: string): string {
  return new Date(`${iso}T12:00:00Z`).toLocaleDateString("en-US", {
    month: "short",
    day: "numeric",
    year: "numeric",
    timeZone: "UTC",
  });
}

/**
 * What a marketer who wants `intent` types when asked: the intent in plain words. A conversation's
 * own answers (e.g. its budget, which the offer does not carry) take precedence.
 */
export function answersFor(intent: Intent, overrides: Answers = {}): Answers {
  const derived: Answers = {
    businessObjective: "Drive sales",
    merchantName: intent.merchant,
    startDate: intent.endDate
      ? `${spokenDate(intent.startDate)} to ${spokenDate(intent.endDate)}`
      : spokenDate(intent.startDate),
    endDate: intent.endDate ? spokenDate(intent.endDate) : "no end date",
    totalBudget: "$25k",
    offerType: KIND_WORDS[intent.offerType],
    locationScope: "Entire dealer network",
    usageLimitPerCustomer: intent.usageLimitPerCustomer ? String(intent.usageLimitPerCustomer) : "no limit",
    totalUsageLimit: intent.totalUsageLimit ? String(intent.totalUsageLimit) : "no limit",
  };
  if (intent.program) derived.programType = PROGRAM_WORDS[intent.program];
  if (intent.savings) {
    derived.offerValue =
      intent.savings.type === "percentage" ? `${intent.savings.amount}%` : `$${intent.savings.amount}`;
  }
  const method = intent.redemptionMethod ?? (intent.promoCode ? "promo_code" : undefined);
  if (method) derived.redemptionMethod = METHOD_WORDS[method];
  if (intent.promoCode) derived.promoCode = intent.promoCode;
  if (intent.clickthruUrl) derived.clickthruUrl = intent.clickthruUrl;
  return { ...derived, ...overrides };
}
