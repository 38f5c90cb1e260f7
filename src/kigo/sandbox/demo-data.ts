import { CODE_TYPE_LETTER } from "../schemas.js";
import type { SqlDatabase, SqlExecutor } from "./db.js";
import { type ActivityOffer, addDays, generateActivity } from "./demo-activity.js";
import {
  DEMO_CAMPAIGNS,
  DEMO_MERCHANTS,
  DEMO_OFFER_TYPES,
  DEMO_OFFERS,
  DEMO_PARTNERS,
  DEMO_PROGRAMS,
} from "./demo-catalog.js";
import { type DemoSummary, summariseDemo } from "./demo-summary.js";

export type { DemoSummary };

export const DEFAULT_DEMO_SEED = 20251016;

/** Serialises concurrent loaders (two sandboxes on one PostgreSQL schema) on the existence check. */
const DEMO_LOCK_KEY = 0x6b69676f;
/** PostgreSQL accepts at most 65535 parameters per statement; the widest demo row has 13 columns. */
const ROWS_PER_INSERT = 1000;

/**
 * Loads the demo world (demo-catalog.ts) with ~90 days of seeded activity ending at `today`, in
 * one transaction. Loading again is a no-op that reports what is there.
 */
export async function loadDemoData(
  db: SqlDatabase,
  options: { today?: string; seed?: number } = {},
): Promise<DemoSummary> {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || addDays(today, 0) !== today) {
    throw new Error(`today must be a calendar date YYYY-MM-DD, got "${today}"`);
  }
  return db.transaction(async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock($1)", [DEMO_LOCK_KEY]);
    const [existing] = await tx.query("SELECT 1 FROM partners WHERE partner_name = $1 LIMIT 1", [
      DEMO_PARTNERS[0],
    ]);
    if (!existing) await insertDemoWorld(tx, today, options.seed ?? DEFAULT_DEMO_SEED);
    return { ...(await summariseDemo(tx)), loaded: !existing };
  });
}

async function insertDemoWorld(tx: SqlExecutor, today: string, seed: number): Promise<void> {
  const partners = await insertKeyed(
    tx,
    "partners",
    DEMO_PARTNERS.map((partner_name) => ({ partner_name })),
    "partner_id",
    "partner_name",
  );
  const programIds = await insertKeyed(
    tx,
    "programs",
    Object.values(DEMO_PROGRAMS).map((program) => ({
      program_name: program.name,
      program_type: program.type,
      partner_id: idOf(partners, program.partner),
    })),
    "program_id",
    "program_name",
  );
  const campaignIds = await insertKeyed(
    tx,
    "program_campaigns",
    DEMO_CAMPAIGNS.map((campaign) => ({
      program_id: idOf(programIds, DEMO_PROGRAMS[campaign.program].name),
      campaign_name: campaign.name,
      campaign_type: campaign.type,
      start_date: addDays(today, campaign.startDay),
      end_date: addDays(today, campaign.endDay),
    })),
    "campaign_id",
    "campaign_name",
  );
  const merchants = Object.values(DEMO_MERCHANTS);
  const merchantIds = await insertKeyed(
    tx,
    "merchants",
    merchants.map((merchant) => ({
      merchant_name: merchant.name,
      merchant_type: merchant.type,
      primary_category_id: merchant.categoryId,
    })),
    "merchant_id",
    "merchant_name",
  );
  const locationIds = await insertKeyed(
    tx,
    "merchant_locations",
    merchants.flatMap((merchant) =>
      merchant.locations.map((location) => ({ merchant_id: idOf(merchantIds, merchant.name), ...location })),
    ),
    "location_id",
    "address_line1",
  );
  await insertRows(tx, "offer_types", DEMO_OFFER_TYPES);

  const offerIds = await insertKeyed(
    tx,
    "offers",
    DEMO_OFFERS.map((offer) => ({
      merchant_owner: idOf(merchantIds, DEMO_MERCHANTS[offer.merchant].name),
      version_active_from: addDays(today, offer.startDay),
      default_language: "en",
      external_reference: offer.ref,
      offer_expiry_date: offer.expiryDay === undefined ? undefined : addDays(today, offer.expiryDay),
      offer_status: offer.status,
      offer_type: offer.offerType,
      offer_redemption_methods: offer.methods,
      code_type: CODE_TYPE_LETTER[offer.codeKind],
      clickthru_url: offer.clickthruUrl,
      // The seed's documented workaround: program type travels in `classification`.
      classification: DEMO_PROGRAMS[offer.program].type,
    })),
    "offer_id",
    "external_reference",
  );
  const offerIdOf = (offer: (typeof DEMO_OFFERS)[number]) => idOf(offerIds, offer.ref);
  const locationsOf = (offer: (typeof DEMO_OFFERS)[number]) =>
    DEMO_MERCHANTS[offer.merchant].locations.map((location) => idOf(locationIds, location.address_line1));

  await insertRows(
    tx,
    "offer_descriptives",
    DEMO_OFFERS.map((offer) => ({ offer_id: offerIdOf(offer), language_code: "en", ...offer.text })),
  );
  const promoCodeIds = await insertKeyed(
    tx,
    "promo_codes",
    DEMO_OFFERS.flatMap((offer) =>
      offer.promoCode
        ? [
            {
              promo_code: offer.promoCode.code,
              offer_id: offerIdOf(offer),
              usage_limit: offer.promoCode.usageLimit,
            },
          ]
        : [],
    ),
    "promo_code_id",
    "promo_code",
  );
  await insertRows(
    tx,
    "redemption_controls",
    DEMO_OFFERS.flatMap((offer) =>
      offer.limits
        ? [
            {
              offer_id: offerIdOf(offer),
              usage_limit_per_customer: offer.limits.perCustomer,
              total_usage_limit: offer.limits.total,
              // Demo controls scope the offer to its own merchant's stores.
              location_ids: locationsOf(offer),
            },
          ]
        : [],
    ),
  );
  await insertRows(
    tx,
    "campaign_offers",
    DEMO_OFFERS.map((offer) => ({
      campaign_id: idOf(campaignIds, offer.campaign),
      offer_id: offerIdOf(offer),
    })),
  );

  const activityOffers: ActivityOffer[] = DEMO_OFFERS.map((offer) => ({
    offerId: offerIdOf(offer),
    promoCodeId: offer.promoCode ? idOf(promoCodeIds, offer.promoCode.code) : null,
    locationIds: locationsOf(offer),
    customers: DEMO_PROGRAMS[offer.program].customers,
    limits: offer.limits ?? {},
    activity: offer.activity,
  }));
  const activity = generateActivity(activityOffers, today, seed);
  await insertRows(tx, "offer_impressions", activity.impressions);
  await insertRows(tx, "redemptions", activity.redemptions);
  await tx.query(
    `UPDATE promo_codes SET redemption_count =
       (SELECT count(*) FROM redemptions WHERE redemptions.promo_code_id = promo_codes.promo_code_id)`,
  );
}

/** Multi-row INSERTs, ROWS_PER_INSERT rows per statement; a key a row lacks inserts NULL. */
async function insertRows<Row extends object>(
  tx: SqlExecutor,
  table: string,
  rows: readonly Row[],
  returning = "",
): Promise<Record<string, unknown>[]> {
  const inserted: Record<string, unknown>[] = [];
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    const chunk = rows.slice(start, start + ROWS_PER_INSERT) as Record<string, unknown>[];
    const columns = [...new Set(chunk.flatMap((row) => Object.keys(row)))];
    const params: unknown[] = [];
    const tuples = chunk.map((row) => {
      const placeholders = columns.map((column) => {
        params.push(row[column] ?? null);
        return `$${params.length}`;
      });
      return `(${placeholders.join(", ")})`;
    });
    const sql = `INSERT INTO ${table} (${columns.join(", ")}) VALUES ${tuples.join(", ")} ${returning}`;
    inserted.push(...(await tx.query(sql, params)));
  }
  return inserted;
}

/** Inserts rows and maps each row's natural key to its new id (RETURNING order is not promised). */
async function insertKeyed<Row extends object>(
  tx: SqlExecutor,
  table: string,
  rows: readonly Row[],
  idColumn: string,
  keyColumn: keyof Row & string,
): Promise<Map<string, number>> {
  const inserted = await insertRows(tx, table, rows, `RETURNING ${idColumn} AS id, ${keyColumn} AS key`);
  return new Map(inserted.map((row) => [String(row.key), Number(row.id)]));
}

function idOf(ids: Map<string, number>, key: string): number {
  const id = ids.get(key);
  if (id === undefined) throw new Error(`demo data refers to unknown "${key}"`);
  return id;
}
