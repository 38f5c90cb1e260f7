import { z } from "zod";
import { type DraftField, offerDraft } from "../draft.js";
import { intentSchema } from "./intent.js";
import { calendarDay, isoDay } from "./rules/calendar.js";
import type { ExtractContext } from "./types.js";

/** The function the model must call; its arguments are the proposed patch. */
export const PATCH_FUNCTION = "propose_draft_patch";

/** Ids the model cannot know and uploads it must not invent are left out of its schema. */
type ModelField = Exclude<DraftField, "merchantId" | "merchantCategoryId" | "customerList">;

const HINTS: Record<ModelField, string> = {
  businessObjective: "What the marketer wants to achieve, e.g. 'Increase Q4 sales by 20%'.",
  programType:
    "closed_loop (a partner's own network, e.g. John Deere dealers), open_loop (e.g. Yardi properties and catalog merchants) or hybrid. Only when the message says it.",
  targetAudience: "Who the offer is for, e.g. ['dealers', 'fleet'].",
  maxDiscount: "The cap on the discount, with maxDiscountUnit.",
  maxDiscountUnit: "'%' or '$' for maxDiscount.",
  totalBudget: "Total budget in dollars: '$50k' is 50000.",
  startDate: "First day, YYYY-MM-DD in the user's time zone.",
  endDate: "Last day, YYYY-MM-DD in the user's time zone. A bare month means its last day for the end.",
  offerType:
    "The kind of offer: percentage_savings (20% off), dollars_off ($10 off), bogo (buy one, get one), spend_and_get (spend $100, get $20), cashback (10% or $5 back), loyalty_points (500 bonus points, or double/triple points), free_with_purchase (free coffee with any pastry), price_point (an item at a price: '$9.99 oil change'), clickthrough (a link to the merchant's site, no value). 'Lightning' is not a type: set lightning instead.",
  offerValue:
    "The offer's number: percent for percentage_savings (20% is 20), dollars for dollars_off, percent off the second item for bogo (free is 100), reward dollars for spend_and_get, percent or dollars for cashback, bonus points or the multiplier for loyalty_points (triple is 3), the price paid for price_point. None for free_with_purchase and clickthrough.",
  valueUnit:
    "Only for cashback ('%' for '10% cash back', '$' for '$5 cash back') and loyalty_points ('points' for bonus points, 'x' for a multiplier such as double or 2x points).",
  minimumSpend:
    "Dollars the customer must spend: spend_and_get's threshold, or the minimum on a discount ('$10 off $50' is 50).",
  itemName:
    "What the offer is on, in the marketer's words: 'all equipment', 'lattes', 'fuel'; the free item for free_with_purchase; the item sold at the price for price_point ('oil change').",
  qualifyingItem: "free_with_purchase only: what the customer buys to get the free item ('pastry').",
  itemPrice: "The item's regular price in dollars, only when the message says it ('a latte is $5' is 5).",
  lightning: "true for a flash or lightning (time- or quantity-limited) offer.",
  offerTitle: "The offer's title, only when the message gives one.",
  offerDescription: "The offer's description, only when the message gives one.",
  termsConditions: "Terms and conditions, only when the message gives them as the whole terms.",
  termsAddition: "A sentence to add to the existing terms ('add to terms: Not valid with other offers').",
  exclusions: "What the offer excludes, only when the message says.",
  redemptionMethod:
    "How customers redeem: promo_code, show_save (show & save), barcode (scan) or online_link.",
  promoCode: "The promo code, e.g. DEALER20.",
  unlimitedPerCustomer:
    "true when the message says customers may use it without limit ('no limit per customer').",
  unlimitedTotal:
    "true when the message says there is no cap on total redemptions ('no cap', 'unlimited total').",
  usageLimitPerCustomer: "Uses allowed per customer: '3 per customer' is 3.",
  totalUsageLimit: "Redemptions allowed in total: '1000 total' is 1000.",
  codeMode: "universal (one code for everyone) or unique (many codes).",
  uniqueCodeCount: "How many unique codes.",
  codePattern: "Pattern for generated codes: letters and digits literal, # a digit, ? a letter, * either.",
  locationScope: "all locations or selected ones.",
  locationIds: "Location ids when selected.",
  clickthruUrl: "The https link for online redemption.",
  merchantName: "The merchant's name, only when the message names it.",
  timeZone: "IANA time zone of the schedule, e.g. America/Chicago for 'Central time'.",
  channels: "Delivery channels the message names.",
  campaign: "Campaign name, only when the message gives one.",
};

const modelShape = offerDraft.omit({ merchantId: true, merchantCategoryId: true, customerList: true }).shape;

/** What the model may set: a field its schema leaves out is dropped even if it sends one. */
export const MODEL_FIELDS = Object.keys(modelShape) as ModelField[];

/** The draft patch as the model sees it: every field optional, each with a hint. */
export const modelPatchSchema = z
  .object(
    Object.fromEntries(
      MODEL_FIELDS.map((field) => [field, modelShape[field].optional().describe(HINTS[field])]),
    ),
  )
  .describe("Proposed changes to the offer draft: only the fields the message states.");

export function systemPrompt(context: ExtractContext): string {
  const today = isoDay(calendarDay(context.now, context.timeZone));
  const weekday = new Intl.DateTimeFormat("en-US", { timeZone: context.timeZone, weekday: "long" }).format(
    context.now,
  );
  const lines = [
    `You read one chat message from a marketer building a promotional offer and call ${PATCH_FUNCTION} with the changes it states to the offer draft.`,
    `Today is ${weekday} ${today} in the time zone ${context.timeZone}; resolve relative dates against that day.`,
    `The draft so far: ${JSON.stringify(context.draft)}`,
  ];
  if (context.expecting) {
    lines.push(
      `The bot just asked for ${context.expecting}: a bare answer ("50k", "3", "closed") belongs in that field.`,
    );
  }
  lines.push(
    "Rules:",
    "- Set only fields the message states. Leave out everything else: no defaults, no guesses, no copies of the draft.",
    "- Dates are YYYY-MM-DD. A bare month ('in December') is its first to last day, the coming one if it has passed.",
    "- Money is in dollars ($50k is 50000); percentages are numbers (20% is 20).",
    "- A correction ('make it 25%', 'move the end date to Jan 15') sets only what it changes.",
    "- You only propose draft values and name the message's intent. You cannot publish, pause, end or delete anything yourself.",
    "- A question is not a value: 'what discount should I offer to win back lapsed customers?' is intent recommend with that goal, and sets no businessObjective.",
    "- A merchant's name goes in merchantName only when the message names the merchant the offer is for.",
  );
  return lines.join("\n");
}

/** The patch plus what the message asks for besides it: the same intents the rules read. */
export const modelReadingSchema = modelPatchSchema.extend({
  intent: intentSchema
    .optional()
    .describe(
      "What the message asks besides draft values: publish / submit (for approval) / cancel only when the user says so; help, recommend (with the goal), list_merchants, cost, offers (list, drafts, show, pause, resume, end, analytics or duplicate an offer by id), create (a new offer), greeting, thanks, agree, off_topic. Leave out for plain offer details.",
    ),
});
