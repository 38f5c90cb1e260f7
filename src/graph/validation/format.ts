import { formatCount, formatMoney } from "../describe.js";
import type { ValueKind } from "../offer-kinds.js";

/** A fraction as a percentage: 0.08 → "8%". */
export function formatRate(fraction: number): string {
  return `${formatCount(fraction * 100)}%`;
}

type Unit = "percent" | "money" | "points" | "multiplier" | "none";

const UNIT: Record<ValueKind, Unit> = {
  percentage_savings: "percent",
  bogo: "percent",
  cashback_percent: "percent",
  dollars_off: "money",
  cashback: "money",
  spend_and_get: "money",
  price_point: "money",
  loyalty_points: "points",
  points_multiplier: "multiplier",
  free_with_purchase: "none",
  clickthrough: "none",
};

/** What the value buys, after the number: "10–20% off", "$5 cash back". */
const SUFFIX: Record<ValueKind, string> = {
  percentage_savings: " off",
  bogo: " off the second item",
  dollars_off: " off",
  cashback: " cash back",
  cashback_percent: " cash back",
  spend_and_get: " back on a qualifying spend",
  loyalty_points: "",
  points_multiplier: "",
  price_point: "",
  free_with_purchase: "",
  clickthrough: "",
};

/** How messages name each kind of offer: "closed-loop dealer percentage discount offers". */
export const VALUE_KIND_LABEL: Record<ValueKind, string> = {
  percentage_savings: "percentage discount",
  dollars_off: "dollars off",
  bogo: "BOGO",
  spend_and_get: "spend-and-get",
  cashback: "cashback",
  cashback_percent: "percentage cashback",
  loyalty_points: "bonus points",
  points_multiplier: "points multiplier",
  free_with_purchase: "free-item",
  price_point: "price point",
  clickthrough: "click-through",
};

/** The bare value in the kind's unit: "20%", "$25", "500 points", "2x points". */
export function formatOfferValue(kind: ValueKind, value: number): string {
  switch (UNIT[kind]) {
    case "percent":
      return `${formatCount(value)}%`;
    case "money":
      return formatMoney(value);
    case "points":
      return `${formatCount(value)} points`;
    case "multiplier":
      return `${formatCount(value)}x points`;
    case "none":
      return formatCount(value);
  }
}

/** A range with what it buys: "10–20% off", "$5–$15 off", "250–1,000 points". */
export function formatOfferRange(kind: ValueKind, min: number, max: number): string {
  const low = UNIT[kind] === "money" ? formatMoney(min) : formatCount(min);
  return `${low}–${formatOfferValue(kind, max)}${SUFFIX[kind]}`;
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
