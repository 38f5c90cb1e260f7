import { formatCount, formatDate, formatMoney } from "../../graph/describe.js";
import type { OfferWithDescriptive } from "../../kigo/schemas.js";
import type { Action } from "../view-models.js";
import type { OfferBudget } from "./budgets.js";
import type { DigestFigures, DigestFrequency, OfferFigures } from "./figures.js";

/** Redemptions per day over a digest's period: the total and the top offers as series. */
export interface RedemptionsChart {
  title: string;
  /** Calendar days, ISO "2026-12-01", one per point. */
  days: string[];
  series: { name: string; values: number[] }[];
}

/** One offer in a digest, with the actions its line offers (show, pause, extend, analytics). */
export interface DigestLine {
  offerId: number;
  title: string;
  detail: string;
  /** Show, pause, extend and (with analytics) analytics, in that order. */
  actions: Action[];
}

/** An offer that needs attention, posted once per condition to its author and subscribed channels. */
export interface AlertView {
  kind: "alert";
  offerId: number;
  /** One sentence with its numbers, `*title*` marked bold. */
  text: string;
  /** Pause, extend, analytics. */
  actions: Action[];
}

export interface DigestView {
  kind: "digest";
  title: string;
  /** "Nov 23 – Nov 29, 2026 · as of Nov 30, 2026, 9:00 AM CST" */
  period: string;
  /** Headline figures; absent when the API has no analytics. */
  totals?: string[];
  /** Why figures are missing, said instead of showing zeros. */
  note?: string;
  top: DigestLine[];
  bottom: DigestLine[];
  startingSoon: DigestLine[];
  expiringSoon: DigestLine[];
  /** Offers with a known budget: spent so far against a steady pace. */
  budgets: DigestLine[];
  /** Offers not listed for brevity, and the command that lists them all. */
  more: number;
  seeAll: string;
  chart?: RedemptionsChart;
}

const PERIOD_WORDS: Record<DigestFrequency, string> = { daily: "day", weekly: "week", monthly: "30 days" };
const TITLE_WORDS: Record<DigestFrequency, string> = { daily: "Daily", weekly: "Weekly", monthly: "Monthly" };
/** Lines per section: a digest stays readable and well inside Slack's 50-block limit. */
const TOP = 5;

/** "+12% vs the previous week", "new this week", or nothing to compare. */
function change(now: number, before: number, frequency: DigestFrequency): string {
  const previous = `the previous ${PERIOD_WORDS[frequency]}`;
  if (before === 0) return now === 0 ? `none in ${previous} either` : `none in ${previous}`;
  const percent = Math.round(((now - before) / before) * 100);
  return `${percent >= 0 ? "+" : ""}${percent}% vs ${previous}`;
}

const redemptionsText = (count: number) => `${formatCount(count)} redemption${count === 1 ? "" : "s"}`;

/** What a digest or alert line lets its reader do about the offer; analytics only where the API has it. */
export function offerLineActions(offerId: number, analytics: boolean): Action[] {
  const value = String(offerId);
  return [
    { id: "offer_show", label: "Show", value },
    { id: "offer_pause", label: "Pause", value },
    { id: "offer_extend", label: "Extend", value },
    ...(analytics ? [{ id: "offer_analytics" as const, label: "Analytics", value }] : []),
  ];
}

function lineOf(offer: OfferFigures, frequency: DigestFrequency): DigestLine {
  return {
    offerId: offer.offerId,
    title: offer.title,
    detail: `${redemptionsText(offer.redemptions)} (${change(offer.redemptions, offer.previousRedemptions, frequency)})`,
    actions: offerLineActions(offer.offerId, true),
  };
}

/** A line for an offer known only by its dates (no analytics, or starting/ending soon). */
function datedLine(offer: OfferWithDescriptive, detail: string, analytics: boolean): DigestLine {
  return {
    offerId: offer.offer_id,
    title: titleOf(offer),
    detail,
    actions: offerLineActions(offer.offer_id, analytics),
  };
}

const titleOf = (offer: OfferWithDescriptive) => offer.short_text ?? `Offer #${offer.offer_id}`;

function asOfText(asOf: Date, timeZone: string): string {
  return asOf.toLocaleString("en-US", {
    timeZone,
    month: "short",
    day: "numeric",
    year: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: "short",
  });
}

function totalsOf(offers: OfferFigures[], frequency: DigestFrequency): string[] {
  const sum = (pick: (offer: OfferFigures) => number) =>
    offers.reduce((total, offer) => total + pick(offer), 0);
  const redemptions = sum((offer) => offer.redemptions);
  // Impressions are not reported directly: each offer's are its redemptions over its conversion rate.
  const measured = offers.filter((offer) => offer.conversionRate !== null && offer.conversionRate > 0);
  const impressions = measured.reduce(
    (total, offer) => total + offer.redemptions / (offer.conversionRate ?? 1),
    0,
  );
  const converted = measured.reduce((total, offer) => total + offer.redemptions, 0);
  return [
    `${redemptionsText(redemptions)} (${change(
      redemptions,
      sum((offer) => offer.previousRedemptions),
      frequency,
    )})`,
    // Unique per offer: one customer of two offers counts twice, and the label says so.
    `${formatCount(sum((offer) => offer.uniqueCustomers))} customers (counted per offer)`,
    `${formatMoney(sum((offer) => offer.revenue))} in sales`,
    ...(impressions > 0 ? [`${((converted / impressions) * 100).toFixed(1)}% of views redeemed`] : []),
  ];
}

function chartOf(figures: DigestFigures, periodLabel: string): RedemptionsChart | undefined {
  if (!figures.analytics || figures.offers.length === 0) return undefined;
  const total = figures.days.map((_, index) =>
    figures.offers.reduce((sum, offer) => sum + (offer.byDay[index] ?? 0), 0),
  );
  return {
    title: `Redemptions per day · ${periodLabel}`,
    days: figures.days,
    series: [
      { name: "All offers", values: total },
      ...figures.offers.slice(0, 3).map((offer) => ({ name: offer.title, values: offer.byDay })),
    ],
  };
}

function rangeText(start: string, end: string): string {
  return start === end ? formatDate(start) : `${formatDate(start)} – ${formatDate(end)}`;
}

/** "about $4,200 of the $10,000 budget (42%), ahead of the 30% a steady pace would have used". */
function budgetDetail(budget: OfferBudget): string {
  const share = (value: number) => `${Math.round(value * 100)}%`;
  const used = budget.spent / budget.budget;
  const spent = `about ${formatMoney(Math.round(budget.spent))} of the ${formatMoney(budget.budget)} budget used (${share(used)})`;
  if (budget.elapsed === undefined) return `${spent}; no end date to pace it against`;
  const pace = budget.elapsed;
  const where = used > pace * 1.1 ? "ahead of" : used < pace * 0.9 ? "behind" : "on";
  return `${spent}, ${where} the ${share(pace)} a steady pace would have used by now`;
}

/** What a digest shows, from its figures: every number labelled with its period and "as of" time. */
export function digestView(
  figures: DigestFigures,
  frequency: DigestFrequency,
  budgets: OfferBudget[] = [],
): DigestView {
  const periodLabel = rangeText(figures.period.start, figures.period.end);
  const ranked = figures.offers;
  const top = ranked.slice(0, TOP);
  // The weakest offers, only those not already listed as the best.
  const bottom = ranked
    .slice(TOP)
    .slice(-Math.min(3, Math.max(0, ranked.length - TOP)))
    .reverse();
  const chart = chartOf(figures, periodLabel);
  const listed = figures.analytics ? top.length + bottom.length : Math.min(figures.running.length, TOP);
  return {
    kind: "digest",
    title: `${TITLE_WORDS[frequency]} offer digest · ${figures.scope.label}`,
    period: `${periodLabel} · as of ${asOfText(figures.asOf, figures.timeZone)}`,
    ...(figures.analytics
      ? { totals: totalsOf(ranked, frequency) }
      : {
          note: "Redemption figures aren't available: this Kigo API has no analytics endpoint yet, so only the offers and their dates are shown.",
        }),
    top: figures.analytics
      ? top.map((offer) => lineOf(offer, frequency))
      : figures.running
          .slice(0, TOP)
          .map((offer) => datedLine(offer, `running since ${formatDate(offer.version_active_from)}`, false)),
    bottom: bottom.map((offer) => lineOf(offer, frequency)),
    startingSoon: figures.startingSoon
      .slice(0, TOP)
      .map((offer) => datedLine(offer, `starts ${formatDate(offer.version_active_from)}`, figures.analytics)),
    expiringSoon: figures.expiringSoon
      .slice(0, TOP)
      .map((offer) =>
        datedLine(
          offer,
          `ends ${formatDate(offer.offer_expiry_date ?? offer.version_active_from)}`,
          figures.analytics,
        ),
      ),
    budgets: budgets.slice(0, TOP).map((budget) => ({
      offerId: budget.offerId,
      title: budget.title,
      detail: budgetDetail(budget),
      actions: offerLineActions(budget.offerId, true),
    })),
    more: Math.max(0, (figures.analytics ? ranked.length : figures.running.length) - listed),
    seeAll: "/offers list",
    ...(chart && { chart }),
  };
}
