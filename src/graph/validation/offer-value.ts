import { formatMoney } from "../describe.js";
import type { OfferDraft, OfferType } from "../draft.js";
import type { Rule } from "./context.js";
import { discountCapOf } from "./draft-facts.js";
import { formatOfferValue, OFFER_TYPE_LABEL } from "./format.js";
import type { ValidationIssue } from "./types.js";

interface ValueLimits {
  valid: (value: number) => boolean;
  /** Completes "it must be …". */
  rangeText: string;
  example: number;
  /** Legal but unusual enough to double-check. */
  warnAbove?: number;
}

const positive = (value: number) => value > 0;
const percent = (value: number) => value >= 1 && value <= 100;

const LIMITS: Record<OfferType, ValueLimits> = {
  percentage_discount: { valid: percent, rangeText: "between 1% and 100%", example: 20, warnAbove: 50 },
  bogo: {
    valid: percent,
    rangeText: "between 1% and 100% off the second item (100% means free)",
    example: 100,
  },
  fixed_amount: { valid: positive, rangeText: "more than $0", example: 25, warnAbove: 500 },
  cashback: { valid: positive, rangeText: "more than $0", example: 10, warnAbove: 100 },
  loyalty_points: {
    valid: (value) => Number.isInteger(value) && value > 0,
    rangeText: "a whole number of points above 0",
    example: 500,
    warnAbove: 100_000,
  },
  spend_and_get: { valid: positive, rangeText: "a reward of more than $0", example: 20 },
};

export function isValidOfferValue(type: OfferType, value: number): boolean {
  return LIMITS[type].valid(value);
}

function rangeIssues(type: OfferType, value: number): ValidationIssue[] {
  const limits = LIMITS[type];
  const shown = formatOfferValue(type, value);
  const label = OFFER_TYPE_LABEL[type];
  if (!limits.valid(value)) {
    return [
      {
        field: "offerValue",
        severity: "error",
        rule: "offer_value",
        message: `${shown} is not a valid ${label} value: it must be ${limits.rangeText}.`,
        fix: `Use a value that is ${limits.rangeText}, e.g. ${formatOfferValue(type, limits.example)}.`,
      },
    ];
  }
  if (limits.warnAbove === undefined || value <= limits.warnAbove) return [];
  const ceiling = formatOfferValue(type, limits.warnAbove);
  return [
    {
      field: "offerValue",
      severity: "warning",
      rule: "offer_value",
      message: `${shown} is an unusually large ${label} (above ${ceiling}).`,
      fix: `Confirm ${shown} is intended, or lower it to ${ceiling} or less.`,
    },
  ];
}

function capIssues(draft: OfferDraft, type: OfferType, value: number): ValidationIssue[] {
  const cap = discountCapOf(draft, type);
  if (cap === undefined || value <= cap) return [];
  const shown = formatOfferValue(type, value);
  const capShown = formatOfferValue(type, cap);
  return [
    {
      field: "offerValue",
      severity: "error",
      rule: "max_discount",
      message: `${shown} is above the maximum discount of ${capShown} set for this offer.`,
      fix: `Lower the offer to ${capShown} or less, or raise the maximum discount to ${shown}.`,
    },
  ];
}

/** A spend-and-get reward worth the whole purchase is a giveaway, not an incentive. */
function minimumSpendIssues(draft: OfferDraft, reward: number): ValidationIssue[] {
  const spend = draft.minimumSpend;
  if (spend === undefined || spend > reward) return [];
  return [
    {
      field: "minimumSpend",
      severity: "error",
      rule: "minimum_spend",
      message: `The minimum spend ${formatMoney(spend)} must be more than the ${formatMoney(reward)} reward.`,
      fix: `Raise the minimum spend above ${formatMoney(reward)} (e.g. ${formatMoney(reward * 5)}, a 20% reward), or lower the reward below ${formatMoney(spend)}.`,
    },
  ];
}

export const offerValueRule: Rule = (draft) => {
  const { offerType: type, offerValue: value } = draft;
  if (type === undefined || value === undefined) return [];
  return [
    ...rangeIssues(type, value),
    ...capIssues(draft, type, value),
    ...(type === "spend_and_get" ? minimumSpendIssues(draft, value) : []),
  ];
};
