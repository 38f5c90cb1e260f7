import type { DemoActivity } from "./demo-catalog.js";

/**
 * mulberry32, a 32-bit seeded generator. Demo numbers must come out exactly the same for the same
 * seed and day (tests compare them, screenshots and walkthroughs quote them) and Math.random cannot
 * be seeded; a dozen lines beat a dependency.
 */
export function mulberry32(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Calendar arithmetic in UTC, so the host's time zone never shifts a day. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export type ActivityOffer = {
  offerId: number;
  promoCodeId: number | null;
  locationIds: readonly number[];
  customers: { prefix: string; size: number };
  limits: { perCustomer?: number; total?: number };
  activity: DemoActivity;
};

export type RedemptionRow = {
  offer_id: number;
  promo_code_id: number | null;
  location_id: number | null;
  user_id: string;
  redeemed_at: string;
  revenue: number;
  discount_amount: number;
};

export type ImpressionRow = { offer_id: number; day: string; impressions: number };

const cents = (amount: number) => Math.round(amount * 100) / 100;
const twoDigits = (value: number) => String(value).padStart(2, "0");

/**
 * Daily impressions and the redemptions they convert into, for days `today + firstDay` to
 * `today + lastDay`. Every redemption is drawn from an impression, so conversion never exceeds 1,
 * and usage limits refuse redemptions the way the live service does.
 */
export function generateActivity(
  offers: readonly ActivityOffer[],
  today: string,
  seed: number,
): { redemptions: RedemptionRow[]; impressions: ImpressionRow[] } {
  const random = mulberry32(seed);
  const redemptions: RedemptionRow[] = [];
  const impressions: ImpressionRow[] = [];
  for (const offer of offers) {
    const { activity, limits } = offer;
    const usesByCustomer = new Map<number, number>();
    let uses = 0;
    const span = Math.max(1, activity.lastDay - activity.firstDay);
    for (let offset = activity.firstDay; offset <= activity.lastDay; offset++) {
      const day = addDays(today, offset);
      const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
      const lift = weekday === 0 || weekday === 6 ? activity.weekendLift : 1;
      const shown = Math.round(activity.dailyImpressions * lift * (0.85 + 0.3 * random()));
      impressions.push({ offer_id: offer.offerId, day, impressions: shown });
      const progress = (offset - activity.firstDay) / span;
      const conversion = activity.conversion * (1 + (activity.conversionTrend - 1) * progress);
      for (let view = 0; view < shown && uses < (limits.total ?? Number.POSITIVE_INFINITY); view++) {
        if (random() >= conversion) continue;
        const customer = pickCustomer(random, offer.customers.size, usesByCustomer, limits.perCustomer);
        if (customer === undefined) continue;
        uses++;
        const [min, max] = activity.basket;
        const revenue = cents(min + (max - min) * random());
        redemptions.push({
          offer_id: offer.offerId,
          promo_code_id: offer.promoCodeId,
          location_id: offer.locationIds[Math.floor(random() * offer.locationIds.length)] ?? null,
          user_id: `${offer.customers.prefix}-${String(customer + 1).padStart(5, "0")}`,
          redeemed_at: `${day}T${redemptionTime(random)}Z`,
          revenue,
          discount_amount: cents(Math.min(revenue, activity.discount(revenue))),
        });
      }
    }
  }
  return { redemptions, impressions };
}

/** 13:00-22:59 UTC: US store hours, and never past midnight UTC so the day is the drawn day. */
function redemptionTime(random: () => number): string {
  const hour = 13 + Math.floor(random() * 10);
  return `${hour}:${twoDigits(Math.floor(random() * 60))}:${twoDigits(Math.floor(random() * 60))}`;
}

/** A customer still under the per-customer limit, or undefined when every one has used it up. */
function pickCustomer(
  random: () => number,
  size: number,
  usesByCustomer: Map<number, number>,
  limit = Number.POSITIVE_INFINITY,
): number | undefined {
  const first = Math.floor(random() * size);
  for (let probe = 0; probe < size; probe++) {
    const index = (first + probe) % size;
    const used = usesByCustomer.get(index) ?? 0;
    if (used < limit) {
      usesByCustomer.set(index, used + 1);
      return index;
    }
  }
  return undefined;
}
