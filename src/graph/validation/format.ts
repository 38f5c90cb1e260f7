import { formatCount, formatMoney } from "../describe.js";
import type { OfferType } from "../draft.js";

/** A fraction as a percentage: 0.08 → "8%". */
export function formatRate(fraction: number): string {
  return `${formatCount(fraction * 100)}%`;
}

type Unit = "percent" | "money" | "points";

const UNIT: Record<OfferType, Unit> = {
  percentage_discount: "percent",
  bogo: "percent",
  fixed_amount: "money",
  cashback: "money",
  spend_and_get: "money",
  loyalty_points: "points",
};

/** What the value buys, after the number: "10–20% off", "$5 cash back". */
const SUFFIX: Record<OfferType, string> = {
  percentage_discount: " off",
  bogo: " off the second item",
  fixed_amount: " off",
  cashback: " cash back",
  spend_and_get: " back on a qualifying spend",
  loyalty_points: "",
};

export const OFFER_TYPE_LABEL: Record<OfferType, string> = {
  percentage_discount: "percentage discount",
  fixed_amount: "fixed amount off",
  bogo: "BOGO",
  cashback: "cashback",
  loyalty_points: "loyalty points",
  spend_and_get: "spend-and-get",
};

/** The bare value in the offer type's unit: "20%", "$25", "500 points". */
export function formatOfferValue(type: OfferType, value: number): string {
  switch (UNIT[type]) {
    case "percent":
      return `${formatCount(value)}%`;
    case "money":
      return formatMoney(value);
    case "points":
      return `${formatCount(value)} points`;
  }
}

/** A range with what it buys: "10–20% off", "$5–$15 off", "250–1,000 points". */
export function formatOfferRange(type: OfferType, min: number, max: number): string {
  const low = UNIT[type] === "money" ? formatMoney(min) : formatCount(min);
  return `${low}–${formatOfferValue(type, max)}${SUFFIX[type]}`;
}

/** "a", "a or b", "a, b, or c". */
export function orList(items: readonly string[]): string {
  if (items.length <= 2) return items.join(" or ");
  return `${items.slice(0, -1).join(", ")}, or ${items.at(-1)}`;
}

/** The distinct characters of `text`, quoted, for "contains "-" or a space". */
export function listCharacters(text: string): string {
  return orList([...new Set(text)].map((char) => (char === " " ? "a space" : `"${char}"`)));
}
