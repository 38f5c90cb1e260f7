import { formatCount, formatMoney } from "../describe.js";
import type { OfferDraft } from "../draft.js";
import type { ValueKind } from "../offer-kinds.js";
import { isPlural } from "../offer-words.js";
import { typicalUnits } from "../per-unit.js";
import { type BenchmarkTable, itemClassOf, type PriceBasis, pricesFor } from "../recommend/benchmarks.js";

/** One factor of the liability estimate, with how it was obtained in words. */
export interface Factor {
  value: number;
  explanation: string;
}

export const cents = (amount: number) => Math.round(amount * 100) / 100;

export interface ItemPrice {
  price: number;
  /** False when the price is the category's (or program's) typical one, not the marketer's. */
  stated: boolean;
  /** "a latte at $5 (your price)" or "a latte at about $5 (the average restaurant and café item; …)". */
  text: string;
}

const itemWords = (draft: OfferDraft) => draft.itemName ?? "the item";

/**
 * What the item a free item, BOGO or price point is about costs: the marketer's price, else the
 * typical item (or, for a price point, the typical order) at the merchant's category. The estimate
 * says how to correct it in words the rules read.
 */
export function itemPriceOf(draft: OfferDraft, table: BenchmarkTable): ItemPrice | undefined {
  const item = itemWords(draft);
  if (draft.itemPrice !== undefined) {
    return { price: draft.itemPrice, stated: true, text: `${item} at ${formatMoney(draft.itemPrice)}` };
  }
  const prices = pricesFor(draft, table);
  if (!prices) return undefined;
  // A price point is usually a whole purchase (an oil change), not a side item.
  const wholeOrder = draft.offerType === "price_point";
  const named = itemClassOf(prices, draft.itemName);
  const price = named?.price ?? (wholeOrder ? prices.averageOrderValue : prices.averageItemPrice);
  const basis = named
    ? `a typical ${named.label}`
    : `the average ${prices.label} ${wholeOrder ? "order" : "item"}`;
  const example = formatMoney(Math.max(1, Math.round(price * 1.2)));
  return {
    price,
    stated: false,
    text: `${item} at an estimated ${formatMoney(price)} (${basis}; say "${item} ${isPlural(item) ? "are" : "is"} ${example}" to correct it)`,
  };
}

function orderOf(draft: OfferDraft, prices: PriceBasis): Factor {
  // The marketer's own price for what the offer is on ("power tools average $150") beats the category's.
  if (draft.itemPrice !== undefined)
    return { value: draft.itemPrice, explanation: `your ${formatMoney(draft.itemPrice)} price` };
  const spend = draft.minimumSpend;
  if (spend !== undefined && spend > prices.averageOrderValue) {
    return { value: spend, explanation: `the ${formatMoney(spend)} minimum spend` };
  }
  return {
    value: prices.averageOrderValue,
    explanation: `the ${formatMoney(prices.averageOrderValue)} average ${prices.label} order`,
  };
}

const each = (cost: number, basis?: string) =>
  `${formatMoney(cost)} per redemption${basis ? ` (${basis})` : ""}`;

/**
 * Dollars one redemption costs, from the offer itself: amounts as they are, percentages of the
 * merchant's typical order, free and discounted items at their price, points at the table's
 * dollar value. Undefined without a basis (no price to go on) and for a link, which costs nothing.
 */
export function costPerRedemption(
  draft: OfferDraft,
  kind: ValueKind,
  value: number | undefined,
  table: BenchmarkTable,
): Factor | undefined {
  if (kind === "clickthrough") return undefined;
  if (kind === "free_with_purchase" || kind === "bogo" || kind === "price_point") {
    const item = itemPriceOf(draft, table);
    if (!item) return undefined;
    if (kind === "free_with_purchase")
      return { value: item.price, explanation: each(item.price, `free ${item.text}`) };
    if (value === undefined) return undefined;
    if (kind === "bogo") {
      const cost = cents((value * item.price) / 100);
      // "a second latte", but "the second of two lattes" for an item named in the plural.
      const second = isPlural(itemWords(draft)) ? "the second of two" : "a second";
      return { value: cost, explanation: each(cost, `${formatCount(value)}% off ${second} ${item.text}`) };
    }
    // An estimate below the offer's own price says nothing about the saving: no basis, no number.
    if (!item.stated && item.price <= value) return undefined;
    const cost = cents(Math.max(0, item.price - value));
    return { value: cost, explanation: each(cost, `${formatMoney(value)} instead of ${item.text}`) };
  }
  if (value === undefined) return undefined;
  switch (kind) {
    case "dollars_off":
    case "cashback": {
      const perUnit = typicalUnits(draft.itemName);
      if (!perUnit) return { value, explanation: each(value) };
      const cost = cents(value * perUnit.units);
      return {
        value: cost,
        explanation: each(cost, `${formatMoney(value)} ${draft.itemName} on ${perUnit.purchase}`),
      };
    }
    case "spend_and_get":
      return { value, explanation: each(value) };
    case "loyalty_points": {
      const cost = cents(value * table.pointValue);
      return {
        value: cost,
        explanation: each(cost, `${formatCount(value)} points at ${formatMoney(table.pointValue)} a point`),
      };
    }
  }
  const prices = pricesFor(draft, table);
  if (!prices) return undefined;
  const order = orderOf(draft, prices);
  if (kind === "points_multiplier") {
    const extraPoints = (value - 1) * table.pointsPerDollar * order.value;
    const cost = cents(extraPoints * table.pointValue);
    return {
      value: cost,
      explanation: each(
        cost,
        `${formatCount(value)}x points: ${formatCount(extraPoints)} extra points on ${order.explanation}, at ${formatMoney(table.pointValue)} a point`,
      ),
    };
  }
  const cost = cents((value * order.value) / 100);
  return { value: cost, explanation: each(cost, `${formatCount(value)}% of ${order.explanation}`) };
}
