import type { AskedField } from "./types.js";

/**
 * The field a bot question is about, recognised from its wording: question replies do not carry
 * their field, so this list must follow the bot's phrasing. Most specific first.
 */
const QUESTION_PATTERNS: [RegExp, AskedField][] = [
  [/achieve/i, "businessObjective"],
  [/which program/i, "programType"],
  [/entire dealer network|specific dealers/i, "locationScope"],
  [/merchant/i, "merchantName"],
  [/when should it run/i, "startDate"],
  [/when should it end/i, "endDate"],
  [/budget/i, "totalBudget"],
  [/kind of offer/i, "offerType"],
  [/how much is it worth/i, "offerValue"],
  [/must a customer spend/i, "minimumSpend"],
  [/unique codes/i, "uniqueCodeCount"],
  [/codes look like/i, "codePattern"],
  [/promo code/i, "promoCode"],
  [/redeem/i, "redemptionMethod"],
  [/https link|url/i, "clickthruUrl"],
  [/one customer/i, "usageLimitPerCustomer"],
  [/in total/i, "totalUsageLimit"],
];

export function fieldAskedBy(questionText: string): AskedField | undefined {
  return QUESTION_PATTERNS.find(([pattern]) => pattern.test(questionText))?.[1];
}
