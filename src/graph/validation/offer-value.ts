import { formatMoney } from "../describe.js";
import type { OfferDraft } from "../draft.js";
import type { ValueKind } from "../offer-kinds.js";
import type { Rule } from "./context.js";
import { discountCapOf, valueKindOf } from "./draft-facts.js";
import { formatOfferValue, VALUE_KIND_LABEL } from "./format.js";
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

/** Free items and links have no value to check. */
const LIMITS: Partial<Record<ValueKind, ValueLimits>> = {
  percentage_savings: { valid: percent, rangeText: "between 1% and 100%", example: 20, warnAbove: 50 },
  bogo: {
    valid: percent,
    rangeText: "between 1% and 100% off the second item (100% means free)",
    example: 100,
  },
  cashback_percent: { valid: percent, rangeText: "between 1% and 100%", example: 5, warnAbove: 25 },
  dollars_off: { valid: positive, rangeText: "more than $0", example: 25, warnAbove: 500 },
  cashback: { valid: positive, rangeText: "more than $0", example: 10, warnAbove: 100 },
  loyalty_points: {
    valid: (value) => Number.isInteger(value) && value > 0,
    rangeText: "a whole number of points above 0",
    example: 500,
    warnAbove: 100_000,
  },
  points_multiplier: {
    valid: (value) => value > 1 && value <= 10,
    rangeText: "more than 1x and at most 10x points (2x is double points)",
    example: 2,
    warnAbove: 5,
  },
  spend_and_get: { valid: positive, rangeText: "a reward of more than $0", example: 20 },
  price_point: { valid: positive, rangeText: "a price of more than $0", example: 9.99 },
};

export function isValidOfferValue(kind: ValueKind, value: number): boolean {
  return LIMITS[kind]?.valid(value) ?? false;
}

/** Why the draft's value cannot be, with the fix, as said to the marketer the moment it is typed. */
export function offerValueRefusal(draft: OfferDraft): string | undefined {
  const kind = valueKindOf(draft);
  const value = draft.offerValue;
  if (kind === undefined || value === undefined || !LIMITS[kind] || isValidOfferValue(kind, value))
    return undefined;
  const [issue] = rangeIssues(kind, value);
  return issue && `${issue.message} ${issue.fix}`;
}

function rangeIssues(kind: ValueKind, value: number): ValidationIssue[] {
  const limits = LIMITS[kind];
  if (!limits) return [];
  const shown = formatOfferValue(kind, value);
  const label = VALUE_KIND_LABEL[kind];
  if (!limits.valid(value)) {
    return [
      {
        field: "offerValue",
        severity: "error",
        rule: "offer_value",
        message: `${shown} is not a valid ${label} value: it must be ${limits.rangeText}.`,
        fix: `Use a value that is ${limits.rangeText}, e.g. ${formatOfferValue(kind, limits.example)}.`,
      },
    ];
  }
  if (limits.warnAbove === undefined || value <= limits.warnAbove) return [];
  const ceiling = formatOfferValue(kind, limits.warnAbove);
  return [
    {
      field: "offerValue",
      severity: "warning",
      rule: "offer_value",
      message: `${shown} is an unusually large ${label} offer (above ${ceiling}).`,
      fix: `Confirm ${shown} is intended, or lower it to ${ceiling} or less.`,
    },
  ];
}

function capIssues(draft: OfferDraft, kind: ValueKind, value: number): ValidationIssue[] {
  const cap = discountCapOf(draft, kind);
  if (cap === undefined || value <= cap) return [];
  const shown = formatOfferValue(kind, value);
  const capShown = formatOfferValue(kind, cap);
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

/** A reward worth the whole purchase is a giveaway, not an incentive. */
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

/** A price point at or above the item's regular price saves the customer nothing. */
function pricePointIssues(draft: OfferDraft, price: number): ValidationIssue[] {
  const regular = draft.itemPrice;
  if (regular === undefined || price < regular) return [];
  const item = draft.itemName ?? "the item";
  return [
    {
      field: "offerValue",
      severity: "error",
      rule: "price_point",
      message: `The offer price ${formatMoney(price)} is not below the ${formatMoney(regular)} regular price of ${item}, so it saves nothing.`,
      fix: `Lower the price below ${formatMoney(regular)}, or correct the regular price (e.g. "${item} is normally ${formatMoney(price * 2)}").`,
    },
  ];
}

export const offerValueRule: Rule = (draft) => {
  const kind = valueKindOf(draft);
  const value = draft.offerValue;
  if (kind === undefined || value === undefined) return [];
  return [
    ...rangeIssues(kind, value),
    ...capIssues(draft, kind, value),
    ...(kind === "spend_and_get" || kind === "dollars_off" ? minimumSpendIssues(draft, value) : []),
    ...(kind === "price_point" ? pricePointIssues(draft, value) : []),
  ];
};
