import type { SqlExecutor } from "./db.js";
import { DEMO_MERCHANTS, DEMO_PROGRAMS, SAMPLE_OFFER_REF } from "./demo-catalog.js";

export type DemoSummary = {
  /** False when the demo data was already there and this call changed nothing. */
  loaded: boolean;
  /** First and last day with synthetic impressions, or null when there are none. */
  activity: { from: string; to: string } | null;
  counts: {
    partners: number;
    programs: number;
    campaigns: number;
    merchants: number;
    locations: number;
    offers: number;
    promoCodes: number;
    redemptions: number;
    impressions: number;
  };
  /** Ids of well-known demo rows; null once deleted (the sandbox API can delete offers). */
  johnDeereProgramId: number | null;
  yardiProgramId: number | null;
  hybridProgramId: number | null;
  dealerMerchantId: number | null;
  propertyMerchantId: number | null;
  sampleOfferId: number | null;
};

const SUMMARY_SQL = `
SELECT (SELECT count(*) FROM partners) AS partners,
       (SELECT count(*) FROM programs) AS programs,
       (SELECT count(*) FROM program_campaigns) AS campaigns,
       (SELECT count(*) FROM merchants) AS merchants,
       (SELECT count(*) FROM merchant_locations) AS locations,
       (SELECT count(*) FROM offers) AS offers,
       (SELECT count(*) FROM promo_codes) AS promo_codes,
       (SELECT count(*) FROM redemptions) AS redemptions,
       (SELECT count(*) FROM offer_impressions) AS impressions,
       (SELECT min(day) FROM offer_impressions) AS activity_from,
       (SELECT max(day) FROM offer_impressions) AS activity_to,
       (SELECT min(program_id) FROM programs WHERE program_name = $1) AS john_deere_program_id,
       (SELECT min(program_id) FROM programs WHERE program_name = $2) AS yardi_program_id,
       (SELECT min(program_id) FROM programs WHERE program_name = $3) AS hybrid_program_id,
       (SELECT min(merchant_id) FROM merchants WHERE merchant_name = $4) AS dealer_merchant_id,
       (SELECT min(merchant_id) FROM merchants WHERE merchant_name = $5) AS property_merchant_id,
       (SELECT min(offer_id) FROM offers WHERE external_reference = $6) AS sample_offer_id`;

type SummaryRow = Record<
  | "partners"
  | "programs"
  | "campaigns"
  | "merchants"
  | "locations"
  | "offers"
  | "promo_codes"
  | "redemptions"
  | "impressions",
  number
> &
  Record<"activity_from" | "activity_to", string | null> &
  Record<
    | "john_deere_program_id"
    | "yardi_program_id"
    | "hybrid_program_id"
    | "dealer_merchant_id"
    | "property_merchant_id"
    | "sample_offer_id",
    number | null
  >;

/** What the database holds now, demo or not; the ids point at well-known demo rows. */
export async function summariseDemo(tx: SqlExecutor): Promise<Omit<DemoSummary, "loaded">> {
  const [row] = await tx.query<SummaryRow>(SUMMARY_SQL, [
    DEMO_PROGRAMS.johnDeere.name,
    DEMO_PROGRAMS.yardi.name,
    DEMO_PROGRAMS.family.name,
    DEMO_MERCHANTS.heartland.name,
    DEMO_MERCHANTS.parkview.name,
    SAMPLE_OFFER_REF,
  ]);
  if (!row) throw new Error("demo summary query returned no row");
  return {
    activity: row.activity_from && row.activity_to ? { from: row.activity_from, to: row.activity_to } : null,
    counts: {
      partners: row.partners,
      programs: row.programs,
      campaigns: row.campaigns,
      merchants: row.merchants,
      locations: row.locations,
      offers: row.offers,
      promoCodes: row.promo_codes,
      redemptions: row.redemptions,
      impressions: row.impressions,
    },
    johnDeereProgramId: row.john_deere_program_id,
    yardiProgramId: row.yardi_program_id,
    hybridProgramId: row.hybrid_program_id,
    dealerMerchantId: row.dealer_merchant_id,
    propertyMerchantId: row.property_merchant_id,
    sampleOfferId: row.sample_offer_id,
  };
}
