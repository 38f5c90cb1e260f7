import { z } from "zod";
import { PROGRAM_TYPES, REDEMPTION_METHODS } from "../kigo/schemas.js";

/**
 * The offer draft a conversation builds. Field names follow the seed's form (Step 1 of the
 * end-to-end flow) plus what the bot needs to publish. Every field is optional: the graph asks for
 * what is missing. Dates are ISO `YYYY-MM-DD`, money is dollars, percentages are numbers (20 = 20%).
 * The publish step maps this to the Kigo API's vocabulary.
 */

// Program types and redemption methods are the seed's own words on both sides of the API.
export {
  PROGRAM_TYPES,
  type ProgramType,
  REDEMPTION_METHODS,
  type RedemptionMethod,
} from "../kigo/schemas.js";

export const OFFER_TYPES = [
  "percentage_discount",
  "fixed_amount",
  "bogo",
  "cashback",
  "loyalty_points",
  "spend_and_get",
] as const;
export type OfferType = (typeof OFFER_TYPES)[number];

export const CHANNELS = [
  "hub_airdrop",
  "marketplace_promoted",
  "marketplace_organic",
  "activation_link",
] as const;
export type Channel = (typeof CHANNELS)[number];

/** Closed-loop programs distribute only inside the partner's network (DESIGN §2). */
export const MARKETPLACE_CHANNELS: readonly Channel[] = ["marketplace_promoted", "marketplace_organic"];

export const CODE_MODES = ["universal", "unique"] as const;
export const LOCATION_SCOPES = ["all", "selected"] as const;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date like 2026-12-01");
const positiveInt = z.number().int().positive();
const money = z.number().nonnegative();

export const offerDraft = z.object({
  businessObjective: z.string().trim().min(1).max(500),
  programType: z.enum(PROGRAM_TYPES),
  targetAudience: z.array(z.string().trim().min(1).max(100)).max(20),
  maxDiscount: z.number().positive(),
  maxDiscountUnit: z.enum(["%", "$"]),
  totalBudget: money,
  startDate: isoDate,
  endDate: isoDate,

  offerType: z.enum(OFFER_TYPES),
  /** Percent for percentage_discount, dollars for fixed_amount/cashback, points for loyalty_points, percent off the second item for bogo (100 = free), reward dollars for spend_and_get. */
  offerValue: z.number().positive(),
  /** spend_and_get: what the customer must spend to get the reward. */
  minimumSpend: money,
  /** A time- or quantity-limited ("lightning") variant of the offer type. */
  lightning: z.boolean(),
  offerTitle: z.string().trim().min(1).max(200),
  offerDescription: z.string().trim().min(1).max(4000),
  termsConditions: z.string().trim().min(1).max(8000),
  exclusions: z.string().trim().min(1).max(2000),

  redemptionMethod: z.enum(REDEMPTION_METHODS),
  promoCode: z.string().trim().toUpperCase().min(1).max(40),
  usageLimitPerCustomer: positiveInt,
  totalUsageLimit: positiveInt,
  codeMode: z.enum(CODE_MODES),
  uniqueCodeCount: positiveInt,
  /** Literal A–Z/0–9, `#` a random digit, `?` a random letter, `*` a random letter or digit. */
  codePattern: z.string().trim().toUpperCase().min(1).max(40),
  locationScope: z.enum(LOCATION_SCOPES),
  locationIds: z.array(positiveInt).max(500),
  clickthruUrl: z.string().trim().max(2000),

  merchantId: positiveInt,
  merchantName: z.string().trim().min(1).max(200),
  /** The merchant's primary category in Kigo: what a typical order or item costs there. */
  merchantCategoryId: positiveInt,
  timeZone: z.string().trim().min(1).max(64),
  channels: z.array(z.enum(CHANNELS)).max(CHANNELS.length),
  campaign: z.string().trim().min(1).max(200),
  customerList: z.object({
    name: z.string().trim().min(1).max(200),
    customers: z.array(z.string().trim().min(1).max(320)).min(1).max(100_000),
  }),
});

/** A proposed change to the draft (from a message, a form or the model): any subset of fields. */
export const draftPatch = offerDraft.partial();
export type DraftPatch = z.infer<typeof draftPatch>;
export type OfferDraft = DraftPatch;
export type DraftField = keyof z.infer<typeof offerDraft>;
export const DRAFT_FIELDS = Object.keys(offerDraft.shape) as DraftField[];
