import { z } from "zod";
import { PROGRAM_TYPES, REDEMPTION_METHODS } from "../kigo/schemas.js";
import { canonicalZone } from "./dates.js";

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

/** The Kigo admin API's `offer_type` names; `lightning` is a flag on any of them, not a type. */
export const OFFER_TYPES = [
  "percentage_savings",
  "dollars_off",
  "bogo",
  "spend_and_get",
  "cashback",
  "loyalty_points",
  "free_with_purchase",
  "price_point",
  "clickthrough",
] as const;
export type OfferType = (typeof OFFER_TYPES)[number];

/**
 * The unit of offerValue where the type allows two: cash back is a share of the purchase ("10%
 * cash back", %) or an amount ("$5 cash back", $); loyalty points are bonus points ("500 bonus
 * points", points) or a multiplier ("triple points", x).
 */
export const VALUE_UNITS = ["%", "$", "points", "x"] as const;
export type ValueUnit = (typeof VALUE_UNITS)[number];

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

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date like 2026-12-01")
  // 2026-13-45 has the shape of a date but is none: Date would roll it over to Feb 14, 2027.
  .refine(
    (day) => {
      const date = new Date(`${day}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(day);
    },
    {
      message: "is not a real date (check the month and the day), e.g. 2026-12-01",
    },
  );
/** The Kigo API keeps counts and ids as 32-bit integers: anything larger is refused there anyway. */
const positiveInt = z
  .number()
  .int("must be a whole number")
  .positive("must be more than 0")
  .max(2_147_483_647, "must be at most 2,147,483,647");
const MAX_DOLLARS = 1_000_000_000;
const money = z.number().nonnegative("can't be negative").max(MAX_DOLLARS, "must be at most $1,000,000,000");
const price = z.number().positive("must be more than $0").max(MAX_DOLLARS, "must be at most $1,000,000,000");
/**
 * Kept in its IANA spelling: every date of the draft is computed in it, so a name Intl does not know
 * ("Mars/Base") would make every later turn throw.
 */
const ianaZone = z
  .string()
  .trim()
  .max(64)
  .transform((zone, ctx) => {
    const canonical = canonicalZone(zone);
    if (canonical) return canonical;
    ctx.addIssue({ code: "custom", message: "must be an IANA time zone, e.g. America/Chicago" });
    return z.NEVER;
  });
/** Customers open the link from the offer: only a secure web page, never javascript: or data:. */
const httpsUrl = z
  .string()
  .trim()
  .max(2000)
  .refine(
    (link) => URL.canParse(link) && new URL(link).protocol === "https:" && new URL(link).hostname !== "",
    {
      message: "must be an https:// link, e.g. https://www.deere.com/offers",
    },
  );
/** "lattes", "all equipment", "oil change": what the offer applies to, as the marketer says it. */
const itemText = z.string().trim().min(1, "can't be empty").max(120, "must be 120 characters or fewer");

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
  /**
   * Percent for percentage_savings, dollars for dollars_off, percent off the second item for bogo
   * (100 = free), reward dollars for spend_and_get, percent or dollars for cashback and bonus
   * points or a multiplier for loyalty_points (see valueUnit), the price paid for price_point.
   * free_with_purchase and clickthrough have none.
   */
  offerValue: z.number().positive("must be more than 0"),
  /** cashback: % or $ (unset: $); loyalty_points: points or x (unset: points). Other types ignore it. */
  valueUnit: z.enum(VALUE_UNITS),
  /** What the customer must spend: spend_and_get's threshold, or a dollars_off / percentage_savings minimum. */
  minimumSpend: money,
  /** The item or scope the offer is on; for free_with_purchase the free item, for price_point the item sold at the price. */
  itemName: itemText,
  /** free_with_purchase: what the customer buys to get the free item ("pastry"). */
  qualifyingItem: itemText,
  /** The item's regular price: what a free item, a BOGO item or a price point's discount costs. */
  itemPrice: price,
  /** A time- or quantity-limited ("lightning") variant of the offer type. */
  lightning: z.boolean(),
  offerTitle: z.string().trim().min(1).max(200),
  offerDescription: z.string().trim().min(1).max(4000),
  termsConditions: z.string().trim().min(1).max(8000),
  exclusions: z.string().trim().min(1).max(2000),
  /** "add to terms: …": appended to the terms by the offer node, never kept in the draft. */
  termsAddition: z.string().trim().min(1, "can't be empty").max(2000, "must be 2,000 characters or fewer"),

  redemptionMethod: z.enum(REDEMPTION_METHODS),
  promoCode: z.string().trim().toUpperCase().min(1).max(40),
  usageLimitPerCustomer: positiveInt,
  totalUsageLimit: positiveInt,
  /** Said "no limit per customer": not asked again, and sent without a per-customer cap. */
  unlimitedPerCustomer: z.literal(true),
  /** Said "no cap" on the total: not asked again; the budget check estimates redemptions instead. */
  unlimitedTotal: z.literal(true),
  codeMode: z.enum(CODE_MODES),
  uniqueCodeCount: positiveInt,
  /** Literal A–Z/0–9, `#` a random digit, `?` a random letter, `*` a random letter or digit. */
  codePattern: z.string().trim().toUpperCase().min(1).max(40),
  locationScope: z.enum(LOCATION_SCOPES),
  locationIds: z.array(positiveInt).max(500),
  clickthruUrl: httpsUrl,

  merchantId: positiveInt,
  merchantName: z.string().trim().min(1).max(200),
  /** The merchant's primary category in Kigo: what a typical order or item costs there. */
  merchantCategoryId: positiveInt,
  timeZone: ianaZone,
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
