/** Pattern sources shared by the rules, and the reader of what they match. */

const DIGITS = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?!,?\d)`;

/** 50, 2.5, 1,000 — standing alone: not part of a word (Q4, DEALER20), nor of money ($50). */
export const NUMBER = String.raw`(?<![\w.,$])${DIGITS}`;
const SCALE = String.raw`\s?(?:k|m|thousand|million)\b`;
const DOLLARS = String.raw`\s?(?:dollars?|usd|bucks)\b`;

/** Unmistakably money: `$50k`, `$50,000`, `50,000 dollars`, `50k`. */
export const MONEY = String.raw`(?:\$\s?${DIGITS}(?:${SCALE})?(?:${DOLLARS})?|${NUMBER}(?:${SCALE})?${DOLLARS}|${NUMBER}${SCALE})`;

/** Money, or a bare number where the words around it already say it is money ("budget of 50000"). */
export const AMOUNT = `(?:${MONEY}|${NUMBER})`;

/** A count: 3, 1,000, 1k, or a small number word. */
export const COUNT = String.raw`(?:${NUMBER}(?:\s?k\b)?|\b(?:one|once|single|two|twice|three|four|five|six|seven|eight|nine|ten)\b)`;

/** The words themselves say percent: "20%", "20 percent". */
export const PERCENT = String.raw`\s?(?:%|percent\b|pct\b)`;

export const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  once: 1,
  single: 1,
  two: 2,
  twice: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
};

const SCALES: Record<string, number> = { k: 1_000, thousand: 1_000, m: 1_000_000, million: 1_000_000 };

/** The value of a NUMBER, MONEY, AMOUNT or COUNT match; undefined when it is none of them. */
export function readNumber(raw: string): number | undefined {
  const text = raw.trim().toLowerCase();
  const word = NUMBER_WORDS[text];
  if (word !== undefined) return word;
  const match = /^\$?\s?([\d,]+(?:\.\d+)?)\s?(k|m|thousand|million)?/.exec(text);
  if (!match?.[1]) return undefined;
  const value = Number(match[1].replaceAll(",", "")) * (SCALES[match[2] ?? ""] ?? 1);
  return Number.isFinite(value) ? Math.round(value * 100) / 100 : undefined;
}

/** A value whose unit the words give: "$25", "25 dollars", "$50k" or "30%", "30 percent". */
export const UNIT_VALUE = `(?:${MONEY}|${NUMBER}${PERCENT})`;

const ENDS_IN_PERCENT = new RegExp(`${PERCENT}$`, "i");
const IS_MONEY = new RegExp(`^${MONEY}$`, "i");

/** The value and, when the words give it, its unit: "25%" → %, "$25" or "25k" → $, "25" → none. */
export function readUnitValue(raw: string): { value: number; unit: "%" | "$" | undefined } | undefined {
  const value = readNumber(raw);
  if (value === undefined) return undefined;
  const text = raw.trim();
  return { value, unit: ENDS_IN_PERCENT.test(text) ? "%" : IS_MONEY.test(text) ? "$" : undefined };
}
