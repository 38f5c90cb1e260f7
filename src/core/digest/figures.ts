import { addDays, todayIn } from "../../graph/dates.js";
import type { KigoClient } from "../../kigo/client.js";
import { KigoUnsupportedError } from "../../kigo/errors.js";
import { MAX_PAGE_SIZE, type OfferWithDescriptive } from "../../kigo/schemas.js";

export type DigestFrequency = "daily" | "weekly" | "monthly";

/** The offers a digest covers: a program's, else every offer of the listed merchants, or every offer when none. */
export interface DigestScope {
  label: string;
  merchantIds: number[];
  /** A Kigo program: its campaigns' offers. */
  programId?: number;
}

/** Calendar days, inclusive, in the subscription's time zone. */
export interface Period {
  start: string;
  end: string;
}

export interface OfferFigures {
  offerId: number;
  title: string;
  merchantId: number;
  status: string;
  startDate: string;
  endDate: string | undefined;
  redemptions: number;
  previousRedemptions: number;
  uniqueCustomers: number;
  revenue: number;
  /** Redemptions per impression; null when no impressions were recorded. */
  conversionRate: number | null;
  /** Redemptions on each day of the period, in order. */
  byDay: number[];
}

export interface DigestFigures {
  scope: DigestScope;
  period: Period;
  previous: Period;
  days: string[];
  asOf: Date;
  timeZone: string;
  /** False when the API has no analytics endpoint: only the offers' dates can be reported. */
  analytics: boolean;
  /** Offers that ran in the period or the one before, busiest first (empty without analytics). */
  offers: OfferFigures[];
  running: OfferWithDescriptive[];
  startingSoon: OfferWithDescriptive[];
  expiringSoon: OfferWithDescriptive[];
}

const PERIOD_DAYS: Record<DigestFrequency, number> = { daily: 1, weekly: 7, monthly: 30 };
/** Offers starting or ending this many days ahead are called out. */
const SOON_DAYS = 7;

/** The days a digest reports: the last full days before today, in the subscription's time zone. */
export function periodFor(frequency: DigestFrequency, today: string): { period: Period; previous: Period } {
  const length = PERIOD_DAYS[frequency];
  const end = addDays(today, -1);
  const start = addDays(end, -(length - 1));
  return {
    period: { start, end },
    previous: { start: addDays(start, -length), end: addDays(start, -1) },
  };
}

export function daysOf(period: Period): string[] {
  const days: string[] = [];
  for (let day = period.start; day <= period.end; day = addDays(day, 1)) days.push(day);
  return days;
}

/** The offers a program's campaigns hold, read now: campaigns gain and lose offers. */
export async function programOffers(client: KigoClient, programId: number): Promise<Set<number>> {
  const campaigns = await client.listProgramCampaigns(programId);
  const links = await Promise.all(
    campaigns.map((campaign) => client.listCampaignOffers(campaign.campaign_id)),
  );
  return new Set(links.flat().map((link) => link.offer_id));
}

async function offersInScope(client: KigoClient, scope: DigestScope): Promise<OfferWithDescriptive[]> {
  const inProgram = scope.programId === undefined ? undefined : await programOffers(client, scope.programId);
  const owners = scope.merchantIds.length > 0 ? scope.merchantIds : [undefined];
  const offers: OfferWithDescriptive[] = [];
  for (const merchant_owner of owners) {
    for (let offset = 0; ; offset += MAX_PAGE_SIZE) {
      const page = await client.listOffers({ merchant_owner, limit: MAX_PAGE_SIZE, offset });
      offers.push(...page.items.filter((offer) => !inProgram || inProgram.has(offer.offer_id)));
      if (!page.hasMore || page.items.length === 0) break;
    }
  }
  return offers;
}

/** Ran during the period or the one before it: the offers whose numbers can differ from zero. */
const ranIn = (offer: OfferWithDescriptive, from: string, to: string) =>
  offer.version_active_from <= to &&
  (offer.offer_expiry_date === undefined || offer.offer_expiry_date >= from);

async function figuresOf(
  client: KigoClient,
  offer: OfferWithDescriptive,
  period: Period,
  previous: Period,
  days: string[],
): Promise<OfferFigures> {
  const now = await client.getOfferAnalytics(offer.offer_id, {
    start_date: period.start,
    end_date: period.end,
  });
  const before = await client.getOfferAnalytics(offer.offer_id, {
    start_date: previous.start,
    end_date: previous.end,
  });
  const perDay = new Map(now.redemptions_by_day.map((day) => [day.date, day.redemptions]));
  return {
    offerId: offer.offer_id,
    title: offer.short_text ?? `Offer #${offer.offer_id}`,
    merchantId: offer.merchant_owner,
    status: offer.offer_status,
    startDate: offer.version_active_from,
    endDate: offer.offer_expiry_date,
    redemptions: now.total_redemptions,
    previousRedemptions: before.total_redemptions,
    uniqueCustomers: now.unique_users,
    revenue: now.revenue_generated,
    conversionRate: now.conversion_rate,
    byDay: days.map((day) => perDay.get(day) ?? 0),
  };
}

/**
 * Everything a digest reports, read from the Kigo API as of `now`. Without the analytics endpoint
 * (production today) the figures are left out rather than guessed, and the digest says so.
 */
export async function gatherFigures(
  client: KigoClient,
  request: { scope: DigestScope; frequency: DigestFrequency; timeZone: string; now: Date },
): Promise<DigestFigures> {
  const today = todayIn(request.timeZone, request.now);
  const { period, previous } = periodFor(request.frequency, today);
  const days = daysOf(period);
  const offers = await offersInScope(client, request.scope);
  const soon = addDays(today, SOON_DAYS);
  const running = offers.filter((offer) => ranIn(offer, previous.start, period.end));
  const base = {
    running,
    scope: request.scope,
    period,
    previous,
    days,
    asOf: request.now,
    timeZone: request.timeZone,
    startingSoon: offers.filter(
      (offer) => offer.version_active_from > today && offer.version_active_from <= soon,
    ),
    expiringSoon: offers.filter(
      (offer) =>
        offer.offer_expiry_date !== undefined &&
        offer.offer_expiry_date >= today &&
        offer.offer_expiry_date <= soon,
    ),
  };
  try {
    const figures: OfferFigures[] = [];
    // One offer at a time: a digest is background work and must not crowd out conversations.
    for (const offer of running) figures.push(await figuresOf(client, offer, period, previous, days));
    figures.sort((a, b) => b.redemptions - a.redemptions || a.offerId - b.offerId);
    return { ...base, analytics: true, offers: figures };
  } catch (error) {
    if (error instanceof KigoUnsupportedError) return { ...base, analytics: false, offers: [] };
    throw error;
  }
}
