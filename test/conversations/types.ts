import type { ProgramType, RedemptionMethod } from "../../src/kigo/schemas.js";
import type { TestUser } from "../support/bot.js";

/**
 * What a marketer wants, in the words of the published offer: the fields the Kigo API returns for
 * it. Only what the marketer actually said (or answered) is listed, so a field left out is one the
 * bot may fill as it sees fit.
 */
export interface Intent {
  /** The merchant's name as Kigo knows it: checked against `merchant_owner`. */
  merchant: string;
  /** `classification` (the seed's workaround for the missing programs endpoint). */
  program?: ProgramType;
  /** The kind of offer; the API's names for it are listed in `published.ts`. */
  offerType: OfferKind;
  /** `version_active_from`, YYYY-MM-DD. */
  startDate: string;
  /** `offer_expiry_date`, YYYY-MM-DD. */
  endDate?: string;
  /** `short_text`. */
  title?: RegExp;
  savings?: { amount: string; type: "percentage" | "fixed" };
  /** Things the offer's texts (title, description, terms) must say, e.g. a minimum spend. */
  mentions?: RegExp[];
  redemptionMethod?: RedemptionMethod;
  promoCode?: string;
  usageLimitPerCustomer?: number;
  totalUsageLimit?: number;
  clickthruUrl?: string;
}

export const OFFER_KINDS = [
  "percentage_off",
  "dollars_off",
  "bogo",
  "spend_and_get",
  "cashback",
  "loyalty_points",
  "free_with_purchase",
  "price_point",
  "clickthrough",
] as const;
export type OfferKind = (typeof OFFER_KINDS)[number];

/** What the bot may ask about: the draft field its question is for. */
export type AskedField =
  | "businessObjective"
  | "programType"
  | "locationScope"
  | "merchantName"
  | "startDate"
  | "endDate"
  | "totalBudget"
  | "offerType"
  | "offerValue"
  | "minimumSpend"
  | "redemptionMethod"
  | "promoCode"
  | "uniqueCodeCount"
  | "codePattern"
  | "clickthruUrl"
  | "usageLimitPerCustomer"
  | "totalUsageLimit";

/** How this marketer answers each question, as typed text. */
export type Answers = Partial<Record<AskedField, string>>;

/** One scripted message: typed text, text with what the bot's reply must say, or a button click. */
export type Turn = string | { say: string; expect: RegExp } | { click: string | RegExp };

export interface Conversation {
  name: string;
  user: TestUser;
  /** Typed in order, whatever the bot answers in between. */
  turns: Turn[];
  /** Typed one by one once the preview shows; each must bring the preview back in one turn. */
  corrections?: string[];
  /** How the marketer says "publish" at the preview. */
  confirm?: string;
  intent: Intent;
  /** Overrides of the answers derived from the intent (see `answers.ts`). */
  answers?: Answers;
  maxTurnsToPreview: number;
  maxTurnsToPublish: number;
  /** What the bot does wrong today; the test then expects the conversation to fail. */
  knownGap?: string;
}
