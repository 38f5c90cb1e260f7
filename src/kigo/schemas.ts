import { z } from "zod";
import { lenientArray, lenientObject, orElse } from "./lenient.js";

/**
 * The Kigo admin API contract (shared/seed/offer-manager-data-flow.md).
 *
 * Two kinds of schema live here:
 * - `*Input` / `*Query`: exactly the documented request shapes. The client validates what it sends
 *   with them and the sandbox validates what it receives with them, so both agree by construction.
 * - response schemas: lenient readers. The production docs disagree with themselves (list totals,
 *   status vocabularies, `code_type` letters), so every documented variant is accepted and
 *   normalised to one internal shape. Unknown extra fields are dropped, never an error.
 */

// ---------------------------------------------------------------------------------------------
// Shared pieces

/** The format alone lets through days no calendar has (2026-02-30, 0000-01-01), which PostgreSQL refuses. */
const isCalendarDay = (value: string) => {
  const day = new Date(`${value}T00:00:00Z`);
  return value >= "0001" && !Number.isNaN(day.getTime()) && day.toISOString().startsWith(value);
};
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "must be an ISO date YYYY-MM-DD", abort: true })
  .refine(isCalendarDay, "is not a day of the calendar");
/** Responses carry dates as `YYYY-MM-DD` or full timestamps; keep the calendar day. */
const isoDateRead = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}/, "must start with a date YYYY-MM-DD")
  .transform((value) => value.slice(0, 10));
const id = z.number().int().positive();
/** Limits and counts are PostgreSQL INT columns: a larger number would fail the write. */
const INT_MAX = 2_147_483_647;
const countLimit = z.number().int().positive().max(INT_MAX, `must be at most ${INT_MAX}`);
/** Links a customer follows: javascript:, data: or file: URLs would run or open something else. */
const webUrl = z.url({ protocol: /^https?$/, error: "must be an http or https URL" });
/**
 * Ids may arrive as numbers or numeric strings (BIGSERIAL through some JSON encoders). Nothing
 * else is coerced: `true` or `""` would otherwise read as offer 1 or 0.
 */
const idRead = z
  .union([z.number(), z.string().regex(/^\s*\d+\s*$/, "must be a number")])
  .transform(Number)
  .pipe(z.number().int().positive());
const nullableText = z
  .string()
  .nullish()
  .transform((value) => value ?? undefined);
const timestamp = z
  .union([z.string(), z.date()])
  .refine((value) => !Number.isNaN(new Date(value).getTime()), "must be a date and time")
  .transform((value) => new Date(value).toISOString());
/** Money and counts come back from Postgres NUMERIC/BIGINT as strings through many drivers. */
const numberRead = z.coerce.number();

type WithoutDefaults<Shape extends z.ZodRawShape> = {
  [Key in keyof Shape]: Shape[Key] extends z.ZodDefault<infer Inner> ? Inner : Shape[Key];
};

/**
 * The body of a partial update (PUT). Not `.partial()`: zod 4 fills defaults in for absent keys,
 * so `{}` would reset e.g. `is_active` to true.
 */
function patchOf<Shape extends z.ZodRawShape>(schema: z.ZodObject<Shape>) {
  const shape = Object.fromEntries(
    Object.entries(schema.shape).map(([key, field]) => [
      key,
      field instanceof z.ZodDefault ? field.unwrap() : field,
    ]),
  );
  return z.strictObject(shape as WithoutDefaults<Shape>).partial();
}

/** A key a PUT body may not carry: the row belongs to its parent for life. */
const unchangeable = z.never({ error: "cannot be changed" }).optional();

/** Reads a string through a table of documented spellings; anything else is a clear parse error. */
function aliasRead<Value extends string>(
  aliases: Record<string, Value>,
  label: string,
  normalise: (raw: string) => string,
) {
  return z.string().transform((raw, ctx) => {
    const value = aliases[normalise(raw.trim())];
    if (value) return value;
    ctx.addIssue({ code: "custom", message: `unknown ${label} "${raw}"` });
    return z.NEVER;
  });
}

export const REDEMPTION_METHODS = ["promo_code", "show_save", "barcode", "online_link"] as const;
export type RedemptionMethod = (typeof REDEMPTION_METHODS)[number];

const REDEMPTION_METHOD_ALIASES: Record<string, RedemptionMethod> = {
  promo_code: "promo_code",
  promocode: "promo_code",
  code: "promo_code",
  show_save: "show_save",
  show_and_save: "show_save",
  "show&save": "show_save",
  barcode: "barcode",
  barcode_scan: "barcode",
  online_link: "online_link",
  online: "online_link",
  link: "online_link",
};

const redemptionMethodRead = aliasRead(REDEMPTION_METHOD_ALIASES, "redemption method", (raw) =>
  raw.toLowerCase().replace(/[\s-]+/g, "_"),
);

// ---------------------------------------------------------------------------------------------
// Offer status: two vocabularies in the docs, one internal.

/** Internal offer status. `inactive` (first vocabulary) reads as `paused`, `published` as `active`. */
export const OFFER_STATUSES = [
  "draft",
  "pending_approval",
  "active",
  "paused",
  "expired",
  "archived",
] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

const OFFER_STATUS_ALIASES: Record<string, OfferStatus> = {
  draft: "draft",
  pending_approval: "pending_approval",
  active: "active",
  published: "active",
  inactive: "paused",
  paused: "paused",
  expired: "expired",
  archived: "archived",
};

export const offerStatusRead = aliasRead(OFFER_STATUS_ALIASES, "offer status", (raw) => raw.toLowerCase());

/** The documented write vocabulary for `offer_status` (create/update). */
export const OFFER_STATUS_WRITE = ["active", "inactive"] as const;
/** The documented list filter vocabulary. */
export const OFFER_STATUS_FILTER = ["active", "inactive", "expired"] as const;
export type OfferStatusFilter = (typeof OFFER_STATUS_FILTER)[number];

// ---------------------------------------------------------------------------------------------
// code_type: a single character on the wire (400 otherwise); letters differ between documents.

export const CODE_KINDS = [
  "promo_code",
  "unique_codes",
  "barcode",
  "show_save",
  "online_link",
  "none",
] as const;
export type CodeKind = (typeof CODE_KINDS)[number];

/** The letter we send for each kind. "P" for promo code is the seed's own example. */
export const CODE_TYPE_LETTER: Record<CodeKind, string> = {
  promo_code: "P",
  unique_codes: "U",
  barcode: "B",
  show_save: "S",
  online_link: "L",
  none: "N",
};

/**
 * Every letter seen in the docs, read case-insensitively ("C" for code). The public Kigo dashboard
 * client types `code_type` as "S" (one single code) or "M" (multiple, unique codes), so "S" reads
 * as a single promo code.
 */
const CODE_TYPE_ALIASES: Record<string, CodeKind> = {
  P: "promo_code",
  C: "promo_code",
  U: "unique_codes",
  M: "unique_codes",
  B: "barcode",
  S: "promo_code",
  L: "online_link",
  O: "online_link",
  N: "none",
  X: "none",
};

/** `code_type` spelt out, as some services answer. */
const CODE_TYPE_WORDS: Record<string, CodeKind> = {
  single: "promo_code",
  promo_code: "promo_code",
  multiple: "unique_codes",
  multi: "unique_codes",
  unique: "unique_codes",
  unique_codes: "unique_codes",
  barcode: "barcode",
  show_save: "show_save",
  show_and_save: "show_save",
  online_link: "online_link",
  none: "none",
};

export const codeKindRead = aliasRead({ ...CODE_TYPE_ALIASES, ...CODE_TYPE_WORDS }, "code_type", (raw) =>
  raw.length === 1 ? raw.toUpperCase() : raw.toLowerCase().replace(/[\s&-]+/g, "_"),
);

export const codeTypeWrite = z
  .string()
  .length(1, { error: "must be a single character", abort: true })
  .refine((letter) => Object.hasOwn(CODE_TYPE_ALIASES, letter.toUpperCase()), {
    // Only letters the reader knows: any other would make every later list of offers unreadable.
    error: `must be one of ${Object.keys(CODE_TYPE_ALIASES).join(", ")}`,
  });

// ---------------------------------------------------------------------------------------------
// Offers

/**
 * Descriptive fields. The seed says descriptives are "created automatically when offer is
 * created", so create accepts them alongside the offer; `PUT/POST /offers/{id}/descriptives`
 * change them later where the server has those routes.
 */
const descriptiveWrite = {
  short_text: z.string().min(1).max(200).optional(),
  long_text: z.string().max(4000).optional(),
  terms_conditions: z.string().max(8000).optional(),
  image_url: webUrl.optional(),
  savings_amount: z.string().max(50).optional(),
  savings_type: z.enum(["percentage", "fixed"]).optional(),
};

export const createOfferInput = z.strictObject({
  version_active_from: isoDate,
  merchant_owner: id,
  default_language: z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/, "must be a language code such as en or es"),
  external_reference: z.string().min(1).max(255).optional(),
  offer_expiry_date: isoDate.optional(),
  offer_status: z.enum(OFFER_STATUS_WRITE).optional(),
  offer_type: z.string().min(1).max(100).optional(),
  offer_redemption_methods: z
    .array(z.enum(REDEMPTION_METHODS))
    .min(1, "must list at least one method")
    .refine((methods) => new Set(methods).size === methods.length, "must not list a method twice"),
  edition_exclusivity: z.string().max(100).optional(),
  code_type: codeTypeWrite,
  clickthru_url: webUrl.nullish(),
  classification: z.string().max(100).optional(),
  ...descriptiveWrite,
});
export type CreateOfferInput = z.infer<typeof createOfferInput>;

export const updateOfferInput = createOfferInput.partial();
export type UpdateOfferInput = z.infer<typeof updateOfferInput>;

export const MAX_PAGE_SIZE = 100;

export const listOffersQuery = z.object({
  merchant_owner: z.coerce.number().int().positive().optional(),
  offer_status: z.enum(OFFER_STATUS_FILTER).optional(),
  short_text: z.string().min(1).optional(),
  /** Not documented for production: the sandbox honours it, production ignores it (callers re-check). */
  external_reference: z.string().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE, `must be at most ${MAX_PAGE_SIZE}`).default(20),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ListOffersQuery = z.input<typeof listOffersQuery>;

/**
 * Offers are read field by field (see lenient.ts): without an id, a merchant (access is checked
 * against it) or a start date the row is left out; any other field that cannot be read falls
 * back and the rest of the offer is still shown.
 */
const offerIdentity = {
  offer_id: idRead,
  merchant_owner: idRead,
  version_active_from: isoDateRead,
};

/** A status word the bot does not know is shown as the API wrote it (views badge the known ones). */
const statusAsWritten = (raw: unknown): string =>
  typeof raw === "string" && raw.trim() ? raw.trim().toLowerCase() : "unknown";

/** The methods that can be read; an unknown one is left out rather than losing the list. */
const knownMethods = (raw: unknown): RedemptionMethod[] =>
  (Array.isArray(raw) ? raw : []).flatMap((method) => {
    const read = redemptionMethodRead.safeParse(method);
    return read.success ? [read.data] : [];
  });

const offerFields = {
  default_language: nullableText,
  external_reference: nullableText,
  offer_expiry_date: isoDateRead.nullish().transform((value) => value ?? undefined),
  offer_status: orElse(offerStatusRead, statusAsWritten),
  offer_type: nullableText,
  offer_redemption_methods: orElse(
    z
      .array(redemptionMethodRead)
      .nullish()
      .transform((methods) => methods ?? []),
    knownMethods,
  ),
  /** One edition or several: always a list here. */
  edition_exclusivity: z
    .union([z.string(), z.array(z.string())])
    .nullish()
    .transform((editions) => [editions ?? []].flat().filter(Boolean)),
  code_type: codeKindRead.optional(),
  clickthru_url: nullableText,
  classification: nullableText,
  created_at: timestamp.optional(),
  updated_at: timestamp.optional(),
};

/** The public dashboard client's names; the seed's name wins when an answer carries both. */
const OFFER_ALIASES = {
  id: "offer_id",
  title: "short_text",
  description: "long_text",
  terms_and_conditions: "terms_conditions",
  value: "savings_amount",
} as const;

/** `OfferPayload` (create/update/get responses). */
export const offer = lenientObject({
  resource: "offer",
  required: offerIdentity,
  lenient: offerFields,
  aliases: OFFER_ALIASES,
});
export type Offer = z.infer<typeof offer>;

/** A display value such as "20%", "$10" or 15. */
const savingsText = z
  .union([z.string(), z.number().transform(String)])
  .nullish()
  .transform((value) => value ?? undefined);

/** A value like "20%" or "$10" says its kind when the seed's `savings_type` is absent. */
function withSavingsType(raw: unknown): unknown {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return raw;
  const row = raw as Record<string, unknown>;
  const amount = row.savings_amount ?? row.value;
  if (row.savings_type != null || typeof amount !== "string") return raw;
  const kind = amount.includes("%") ? "percentage" : amount.includes("$") ? "fixed" : undefined;
  return kind ? { ...row, savings_type: kind } : raw;
}

/** `OfferWithDescriptivePayload` (list items and get-by-id where descriptives are joined). */
export const offerWithDescriptive = z.preprocess(
  withSavingsType,
  lenientObject({
    resource: "offer",
    required: offerIdentity,
    lenient: {
      ...offerFields,
      short_text: nullableText,
      long_text: nullableText,
      terms_conditions: nullableText,
      image_url: nullableText,
      savings_amount: savingsText,
      savings_type: nullableText,
    },
    aliases: OFFER_ALIASES,
  }),
);
export type OfferWithDescriptive = z.infer<typeof offerWithDescriptive>;

/**
 * List responses. One document says `{ offers, total_count, limit, offset }`, another
 * `{ offers, total, has_more }`. The reader keeps what the server said; `completePage` fills the
 * rest from the window that was asked for, so both end as the same `Page`.
 */
function pageOf<Item extends z.ZodType>(key: string, item: Item) {
  return z
    .object({
      [key]: lenientArray(item, key),
      total_count: numberRead.optional(),
      total: numberRead.optional(),
      has_more: z.boolean().optional(),
      limit: numberRead.optional(),
      offset: numberRead.optional(),
    })
    .refine((list) => list.total_count !== undefined || list.total !== undefined, {
      message: "must include total_count or total",
    })
    .transform((list) => ({
      items: list[key] as z.output<Item>[],
      total: (list.total_count ?? list.total) as number,
      limit: list.limit as number | undefined,
      offset: list.offset as number | undefined,
      hasMore: list.has_more as boolean | undefined,
    }));
}

export interface Page<Item> {
  items: Item[];
  total: number;
  limit: number;
  offset: number;
  hasMore: boolean;
}

export function completePage<Item>(
  page: { items: Item[]; total: number; limit?: number; offset?: number; hasMore?: boolean },
  requested: { limit: number; offset: number },
): Page<Item> {
  const offset = page.offset ?? requested.offset;
  return {
    items: page.items,
    total: page.total,
    limit: page.limit ?? requested.limit,
    offset,
    hasMore: page.hasMore ?? offset + page.items.length < page.total,
  };
}

export const offerList = pageOf("offers", offerWithDescriptive);

// ---------------------------------------------------------------------------------------------
// Offer descriptives (translations)

export const descriptiveInput = z.strictObject({
  language_code: z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/, "must be a language code such as en or es"),
  ...descriptiveWrite,
});
export type DescriptiveInput = z.infer<typeof descriptiveInput>;

export const descriptive = z.object({
  offer_id: idRead,
  language_code: z.string(),
  short_text: nullableText,
  long_text: nullableText,
  terms_conditions: nullableText,
  image_url: nullableText,
  savings_amount: nullableText,
  savings_type: nullableText,
});

// ---------------------------------------------------------------------------------------------
// Offer types

export const offerTypeInput = z.strictObject({
  type_name: z.string().min(1).max(100),
  type_description: z.string().max(1000).optional(),
  is_active: z.boolean().default(true),
});
export const updateOfferTypeInput = patchOf(offerTypeInput);

export const offerType = z.object({
  offer_type_id: idRead,
  type_name: z.string(),
  type_description: nullableText,
  is_active: z.boolean(),
});
export type OfferType = z.infer<typeof offerType>;

// ---------------------------------------------------------------------------------------------
// Redemption controls: usage limits and location restrictions, kept separate per customer / total.

export const redemptionControlInput = z.strictObject({
  offer_id: id,
  usage_limit_per_customer: countLimit.nullish(),
  total_usage_limit: countLimit.nullish(),
  /** null lifts the restriction, which the table keeps as no locations (every location). */
  location_ids: z
    .array(id)
    .nullish()
    .transform((ids) => (ids === null ? [] : ids)),
});
export type RedemptionControlInput = z.infer<typeof redemptionControlInput>;

export const redemptionControl = z.object({
  control_id: idRead,
  offer_id: idRead,
  usage_limit_per_customer: numberRead.nullish().transform((value) => value ?? undefined),
  total_usage_limit: numberRead.nullish().transform((value) => value ?? undefined),
  location_ids: z
    .array(idRead)
    .nullish()
    .transform((value) => value ?? []),
});
export type RedemptionControl = z.infer<typeof redemptionControl>;

export const updateRedemptionControlInput = patchOf(redemptionControlInput.omit({ offer_id: true })).extend({
  offer_id: unchangeable,
});

export const redemptionControlQuery = z.object({ offer_id: z.coerce.number().int().positive().optional() });

// ---------------------------------------------------------------------------------------------
// Promo codes. The promo_codes table says `code_type 'single'` for one shared code.

export const PROMO_CODE_TYPES = ["single", "unique"] as const;

export const promoCodeInput = z.strictObject({
  promo_code: z.string().regex(/^[A-Z0-9]{4,20}$/, "must be 4-20 characters, A-Z and 0-9 only"),
  offer_id: id,
  code_type: z.enum(PROMO_CODE_TYPES).default("single"),
  usage_limit: countLimit.nullish(),
});
export type PromoCodeInput = z.input<typeof promoCodeInput>;

export const promoCode = z.object({
  promo_code_id: idRead,
  promo_code: z.string(),
  offer_id: idRead,
  code_type: z.string(),
  usage_limit: numberRead.nullish().transform((value) => value ?? undefined),
  redemption_count: numberRead.default(0),
});
export type PromoCode = z.infer<typeof promoCode>;

export const updatePromoCodeInput = patchOf(promoCodeInput.omit({ offer_id: true })).extend({
  offer_id: unchangeable,
});

export const promoCodeQuery = z.object({
  offer_id: z.coerce.number().int().positive().optional(),
  promo_code: z.string().min(1).optional(),
});

// ---------------------------------------------------------------------------------------------
// Programs and campaigns (kigo_db). Missing in production today.

export const PROGRAM_TYPES = ["closed_loop", "open_loop", "hybrid"] as const;
export type ProgramType = (typeof PROGRAM_TYPES)[number];

export const programInput = z.strictObject({
  program_name: z.string().min(1).max(200),
  program_type: z.enum(PROGRAM_TYPES),
  program_status: z.enum(["active", "inactive"]).default("active"),
  partner_id: id.nullish(),
});
export const updateProgramInput = patchOf(programInput);

export const program = z.object({
  program_id: idRead,
  program_name: z.string(),
  program_type: z.enum(PROGRAM_TYPES),
  program_status: z.string(),
  partner_id: idRead.nullish().transform((value) => value ?? undefined),
  created_at: timestamp.optional(),
  updated_at: timestamp.optional(),
});
export type Program = z.infer<typeof program>;

export const campaignInput = z
  .strictObject({
    program_id: id,
    campaign_name: z.string().min(1).max(200),
    campaign_type: z.string().min(1).max(50).default("offer_based"),
    start_date: isoDate,
    end_date: isoDate,
  })
  .refine((campaign) => campaign.end_date >= campaign.start_date, {
    path: ["end_date"],
    message: "must be on or after start_date",
  });
export type CampaignInput = z.input<typeof campaignInput>;

export const campaign = z.object({
  campaign_id: idRead,
  program_id: idRead,
  campaign_name: z.string(),
  campaign_type: z.string(),
  start_date: isoDateRead,
  end_date: isoDateRead,
});
export type Campaign = z.infer<typeof campaign>;

export const campaignQuery = z.object({ program_id: z.coerce.number().int().positive().optional() });

export const campaignOfferLinkInput = z.strictObject({ offer_id: id });

export const campaignOfferLink = z.object({
  campaign_id: idRead,
  offer_id: idRead,
  linked_at: timestamp.optional(),
});

// ---------------------------------------------------------------------------------------------
// Merchants and locations. Production has only the public read `/api/v1/merchants`.

export const merchantInput = z.strictObject({
  merchant_name: z.string().min(1).max(200),
  merchant_type: z.string().min(1).max(50),
  status: z.enum(["active", "inactive"]).default("active"),
  primary_category_id: z
    .number()
    .int()
    .min(-INT_MAX - 1)
    .max(INT_MAX, `must be at most ${INT_MAX}`)
    .nullish(),
});
export type MerchantInput = z.input<typeof merchantInput>;
export const updateMerchantInput = patchOf(merchantInput);

export const merchant = z.object({
  merchant_id: idRead,
  merchant_name: z.string(),
  merchant_type: nullableText,
  status: nullableText,
  primary_category_id: numberRead.nullish().transform((value) => value ?? undefined),
});
export type Merchant = z.infer<typeof merchant>;

export const merchantQuery = z.object({
  merchant_name: z.string().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE, `must be at most ${MAX_PAGE_SIZE}`).default(20),
  offset: z.coerce.number().int().min(0).default(0),
});
export type MerchantQuery = z.input<typeof merchantQuery>;

export const merchantList = pageOf("merchants", merchant);

export const merchantLocationInput = z.strictObject({
  address_line1: z.string().min(1).max(200),
  city: z.string().min(1).max(100),
  state: z.string().min(2).max(50),
  postal_code: z.string().min(3).max(20),
  latitude: z.number().min(-90).max(90).nullish(),
  longitude: z.number().min(-180).max(180).nullish(),
});
export type MerchantLocationInput = z.infer<typeof merchantLocationInput>;

export const merchantLocation = z.object({
  location_id: idRead,
  merchant_id: idRead,
  address_line1: z.string(),
  city: z.string(),
  state: z.string(),
  postal_code: z.string(),
  latitude: numberRead.nullish().transform((value) => value ?? undefined),
  longitude: numberRead.nullish().transform((value) => value ?? undefined),
});
export type MerchantLocation = z.infer<typeof merchantLocation>;

// ---------------------------------------------------------------------------------------------
// Customer lists (targeting). Account ids, emails or phone numbers.

export const customerListInput = z.strictObject({
  list_name: z.string().min(1).max(200).optional(),
  customers: z
    .array(z.string().trim().min(1).max(320))
    .min(1, "must contain at least one customer")
    .max(100_000),
});
export type CustomerListInput = z.input<typeof customerListInput>;

export const customerList = z.object({
  customer_list_id: idRead,
  offer_id: idRead,
  list_name: nullableText,
  customer_count: numberRead,
  created_at: timestamp.optional(),
});

// ---------------------------------------------------------------------------------------------
// Analytics

export const analyticsQuery = z
  .object({ start_date: isoDate.optional(), end_date: isoDate.optional() })
  .refine((range) => !range.start_date || !range.end_date || range.end_date >= range.start_date, {
    path: ["end_date"],
    message: "must be on or after start_date",
  });
export type AnalyticsQuery = z.infer<typeof analyticsQuery>;

export const offerAnalytics = z.object({
  offer_id: idRead,
  start_date: isoDateRead.optional(),
  end_date: isoDateRead.optional(),
  total_redemptions: numberRead,
  unique_users: numberRead,
  revenue_generated: numberRead,
  /** Redemptions per impression in the range; null when no impressions were recorded. */
  conversion_rate: numberRead.nullable(),
  redemptions_by_day: z
    .array(z.object({ date: isoDateRead, redemptions: numberRead, revenue: numberRead.default(0) }))
    .default([]),
});

// ---------------------------------------------------------------------------------------------
// Duplicate, bulk-create, preview

export const duplicateOfferInput = z.strictObject({
  external_reference: z.string().min(1).max(255).optional(),
});

export const bulkCreateInput = z.strictObject({
  offers: z.array(createOfferInput).min(1, "must contain at least one offer").max(MAX_PAGE_SIZE),
});
export type BulkCreateInput = z.infer<typeof bulkCreateInput>;

export const bulkCreateResult = z.object({ offers: lenientArray(offer, "offers") });

export const PREVIEW_SURFACES = ["hub", "marketplace"] as const;
export const previewQuery = z.object({ surface: z.enum(PREVIEW_SURFACES).default("hub") });

export const offerPreview = z.object({
  offer_id: idRead,
  surface: z.enum(PREVIEW_SURFACES),
  title: z.string(),
  description: nullableText,
  terms_conditions: nullableText,
  badge: nullableText,
  cta_label: z.string(),
  cta_url: nullableText,
  valid_from: isoDateRead,
  valid_until: isoDateRead.optional(),
});

// ---------------------------------------------------------------------------------------------
// Errors. Bodies vary between services: `{ error: "code", message, field_errors }`,
// `{ error: { code, message } }`, `{ message }`, or no JSON at all.

export const fieldError = z.object({ field: z.string(), message: z.string() });
export type FieldError = z.infer<typeof fieldError>;

export const errorBody = z
  .object({
    error: z
      .union([z.string(), z.object({ code: z.string().optional(), message: z.string().optional() })])
      .optional(),
    code: z.string().optional(),
    message: z.string().optional(),
    field_errors: z
      .union([z.array(fieldError), z.record(z.string(), z.string())])
      .optional()
      .transform((errors) =>
        Array.isArray(errors)
          ? errors
          : Object.entries(errors ?? {}).map(([field, message]) => ({ field, message })),
      ),
  })
  .transform((body) => ({
    code: body.code ?? (typeof body.error === "string" ? body.error : body.error?.code),
    message: body.message ?? (typeof body.error === "object" ? body.error.message : undefined),
    fieldErrors: body.field_errors,
  }));
