import type { OfferDraft } from "./draft.js";
import { offerValueOf, valueKindOf } from "./offer-kinds.js";

const dollars = new Intl.NumberFormat("en-US", {
  style: "currency",
  currency: "USD",
  maximumFractionDigits: 2,
});
const whole = new Intl.NumberFormat("en-US");

export function formatMoney(amount: number): string {
  return dollars.format(amount).replace(/\.00$/, "");
}

export function formatCount(count: number): string {
  return whole.format(count);
}

const MULTIPLIER_WORDS: Record<number, string> = { 2: "double", 3: "triple", 4: "quadruple" };

/** 3 → "triple points", 1.5 → "1.5x points". */
export function multiplierText(multiplier: number): string {
  return `${MULTIPLIER_WORDS[multiplier] ?? `${formatCount(multiplier)}x`} points`;
}

/** "entrées", "fries" read as several; "latte", "glass" as one. */
export const isPlural = (item: string) => /[^s]s$/i.test(item);

/** "on lattes", but "per gallon" as it is. */
const on = (item: string | undefined) => (item ? (/^per\s/i.test(item) ? ` ${item}` : ` on ${item}`) : "");
const object = (item: string | undefined) => (item ? ` ${item}` : "");
const REWARD = /^(?:gift\s+card|voucher|store\s+credit|credit)$/i;
/** "gift card", "store credit": an item that is what a spend-and-get gives, not what is bought. */
export const isReward = (item: string | undefined): item is string => item !== undefined && REWARD.test(item);

/** "a $20 gift card" when the item is the reward, else the amount: what a spend-and-get gives. */
export const rewardText = (value: number, item: string | undefined) =>
  isReward(item) ? `a ${formatMoney(value)} ${item}` : formatMoney(value);
const minimum = (spend: number | undefined) =>
  spend === undefined ? "" : ` when you spend ${formatMoney(spend)} or more`;

function bogoText(value: number, item: string | undefined): string {
  const deal = value >= 100 ? "free" : `${formatCount(value)}% off`;
  if (!item) return `Buy one, get one ${deal}`;
  return isPlural(item) ? `Buy one, get one ${deal} on ${item}` : `Buy one ${item}, get one ${deal}`;
}

/**
 * The offer in a marketer's words, from its type, value and item: "25% off all equipment",
 * "Buy one latte, get one free", "$9.99 oil change", "triple points on fuel". Undefined while the
 * draft lacks what the words need.
 */
export function describeOfferValue(draft: OfferDraft): string | undefined {
  const kind = valueKindOf(draft);
  const value = offerValueOf(draft);
  const { itemName: item, minimumSpend } = draft;
  if (kind === "free_with_purchase") {
    return item && `free ${item} with any ${draft.qualifyingItem ?? "purchase"}${minimum(minimumSpend)}`;
  }
  if (kind === "clickthrough") {
    const target = item ?? draft.merchantName;
    // A link may lead to a shop, a booking page or a form: "visit" fits them all.
    return target ? `visit ${target} online` : "visit online";
  }
  if (kind === undefined || value === undefined) return undefined;
  switch (kind) {
    case "percentage_savings":
      return `${formatCount(value)}% off${object(item)}${minimum(minimumSpend)}`;
    case "dollars_off":
      return `${formatMoney(value)} off${object(item)}${minimum(minimumSpend)}`;
    case "bogo":
      return bogoText(value, item);
    case "spend_and_get": {
      // "a $25 gift card" is what is got; "on amenity fees" is what the money is spent on.
      const got = isReward(item) ? item : undefined;
      const reward = rewardText(value, item);
      const spentOn = on(got ? draft.qualifyingItem : (item ?? draft.qualifyingItem));
      return minimumSpend === undefined
        ? `get ${reward}${spentOn}`
        : `spend ${formatMoney(minimumSpend)}${spentOn}, get ${reward}`;
    }
    case "cashback":
      return `${formatMoney(value)} cash back${on(item)}${minimum(minimumSpend)}`;
    case "cashback_percent":
      return `${formatCount(value)}% cash back${on(item)}${minimum(minimumSpend)}`;
    case "loyalty_points":
      return `${formatCount(value)} bonus points${on(item)}${minimum(minimumSpend)}`;
    case "points_multiplier":
      return `${multiplierText(value)}${on(item)}`;
    case "price_point":
      return `${formatMoney(value)}${object(item)}`;
  }
}

/** "25% off all equipment" → "25% off all equipment"; "triple points" → "Triple points". */
export const sentenceCase = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
