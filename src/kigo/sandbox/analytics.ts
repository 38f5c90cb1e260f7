import type { z } from "zod";
import type { offerAnalytics } from "../schemas.js";
import type { SqlExecutor } from "./db.js";

export type AnalyticsRange = { start_date: string; end_date: string };

/**
 * Redemptions of offer $1 from day $2 to day $3 inclusive, days counted in UTC. The bounds are
 * built from `date::timestamp AT TIME ZONE 'UTC'` so neither database's session time zone can move
 * a redemption into the neighbouring day, and the plain column comparison keeps the index usable.
 */
const REDEMPTIONS_IN_RANGE = `offer_id = $1
  AND redeemed_at >= $2::date::timestamp AT TIME ZONE 'UTC'
  AND redeemed_at < ($3::date + 1)::timestamp AT TIME ZONE 'UTC'`;

const TOTALS_SQL = `
SELECT count(*) AS total_redemptions,
       count(DISTINCT user_id) AS unique_users,
       round(coalesce(sum(revenue), 0), 2) AS revenue_generated,
       round(count(*)::numeric / NULLIF((
         SELECT sum(impressions) FROM offer_impressions
         WHERE offer_id = $1 AND day BETWEEN $2::date AND $3::date
       ), 0), 4) AS conversion_rate
FROM redemptions
WHERE ${REDEMPTIONS_IN_RANGE}`;

// Days come from integer offsets rather than a timestamp series so no time zone is involved.
const BY_DAY_SQL = `
WITH days AS (
  SELECT $2::date + offset_days AS day FROM generate_series(0, $3::date - $2::date) AS offset_days
), daily AS (
  SELECT (redeemed_at AT TIME ZONE 'UTC')::date AS day, count(*) AS redemptions, sum(revenue) AS revenue
  FROM redemptions
  WHERE ${REDEMPTIONS_IN_RANGE}
  GROUP BY 1
)
SELECT days.day AS date,
       coalesce(daily.redemptions, 0) AS redemptions,
       round(coalesce(daily.revenue, 0), 2) AS revenue
FROM days LEFT JOIN daily USING (day)
ORDER BY days.day`;

type Totals = {
  total_redemptions: number;
  unique_users: number;
  revenue_generated: number;
  conversion_rate: number | null;
};
type Day = { date: string; redemptions: number; revenue: number };

/**
 * `GET /dashboard/offers/{id}/analytics` computed from the rows themselves. Conversion is null when
 * no impressions were recorded in the range: a made-up rate would mislead under-performance alerts.
 */
export async function aggregateOfferAnalytics(
  db: SqlExecutor,
  offerId: number,
  range: AnalyticsRange,
): Promise<z.input<typeof offerAnalytics>> {
  const params = [offerId, range.start_date, range.end_date];
  const [totals] = await db.query<Totals>(TOTALS_SQL, params);
  const days = await db.query<Day>(BY_DAY_SQL, params);
  if (!totals) throw new Error("analytics totals query returned no row");
  return {
    offer_id: offerId,
    start_date: range.start_date,
    end_date: range.end_date,
    ...totals,
    redemptions_by_day: days,
  };
}
