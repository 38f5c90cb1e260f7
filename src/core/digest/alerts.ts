import { fileURLToPath } from "node:url";
import { z } from "zod";
import { addDays, daysBetween } from "../../graph/dates.js";
import { formatCount, formatDate, formatMoney } from "../../graph/describe.js";
import { PROGRAM_TYPES, type ProgramType } from "../../graph/draft.js";
import { loadJsonFile } from "../../graph/validation/json-file.js";

const thresholds = z.strictObject({
  /** Warn when the share of the audience that redeemed is below this share of the benchmark's pace. */
  lowRateShare: z.number().positive().max(1),
  /** …but only once the offer has run this many days. */
  lowRateAfterDays: z.number().int().positive(),
  /** Warn this many days before an offer ends. */
  expiringDays: z.number().int().positive(),
  /** Warn when an offer has had no redemption after this many days. */
  zeroAfterDays: z.number().int().positive(),
  /** Warn when the budget spent is ahead of the straight-line pace by more than this share. */
  burnAheadShare: z.number().positive(),
});
export type AlertThresholds = z.infer<typeof thresholds>;

const alertsFileSchema = z.strictObject({ programs: z.record(z.enum(PROGRAM_TYPES), thresholds) });
export type AlertSettings = z.infer<typeof alertsFileSchema>;

const DEFAULT_ALERTS_PATH = fileURLToPath(new URL("../../../config/alerts.json", import.meta.url));

export function loadAlertSettings(path: string = DEFAULT_ALERTS_PATH): AlertSettings {
  return loadJsonFile(path, alertsFileSchema, "Alerts");
}

/** What is known of one live offer when alerts are checked. */
export interface OfferStanding {
  offerId: number;
  title: string;
  programType: ProgramType;
  startDate: string;
  endDate: string | undefined;
  /** Since the start, up to yesterday. */
  redemptions: number;
  uniqueCustomers: number;
  /** Customers the offer reaches, and the share the benchmark expects to redeem over its run. */
  audienceSize: number;
  benchmarkRate: number | undefined;
  /** Known when the bot published the offer with a budget: the amount and what has been spent. */
  budget?: { amount: number; spent: number };
}

export type AlertCondition = "low_rate" | "budget_burn" | "expiring" | "no_redemptions";

export interface Alert {
  /** Stable for one offer and condition: an alert is posted once, not every tick. */
  key: string;
  offerId: number;
  condition: AlertCondition;
  text: string;
}

/**
 * The conditions an offer is in today, each in words with its numbers. Pace is straight-line over
 * the offer's run: after a third of it, a third of the benchmark's redemptions (and budget).
 */
export function alertsFor(offer: OfferStanding, today: string, settings: AlertSettings): Alert[] {
  const limits = settings.programs[offer.programType];
  const ran = daysBetween(offer.startDate, today);
  if (ran < 0) return [];
  const alerts: Alert[] = [];
  // An extended offer can come up for expiry again: its key names the end date it is about.
  const alert = (condition: AlertCondition, text: string) =>
    alerts.push({
      key: `${offer.offerId}:${condition}${condition === "expiring" ? `:${offer.endDate}` : ""}`,
      offerId: offer.offerId,
      condition,
      text,
    });
  const length = offer.endDate === undefined ? undefined : daysBetween(offer.startDate, offer.endDate) + 1;
  const elapsed = length === undefined ? undefined : Math.min(1, ran / length);

  if (ran >= limits.zeroAfterDays && offer.redemptions === 0)
    alert("no_redemptions", `*${offer.title}* has had no redemptions in its first ${formatCount(ran)} days.`);

  if (
    ran >= limits.lowRateAfterDays &&
    offer.redemptions > 0 &&
    offer.benchmarkRate !== undefined &&
    elapsed !== undefined
  ) {
    const expected = offer.benchmarkRate * elapsed * offer.audienceSize;
    if (offer.uniqueCustomers < expected * limits.lowRateShare)
      alert(
        "low_rate",
        `*${offer.title}* has reached ${formatCount(offer.uniqueCustomers)} customers after ${formatCount(ran)} days; offers like it reach about ${formatCount(Math.round(expected))} by now (${(offer.benchmarkRate * 100).toFixed(0)}% of ${formatCount(offer.audienceSize)} over its run).`,
      );
  }

  if (offer.budget && elapsed !== undefined && elapsed > 0) {
    const pace = offer.budget.amount * elapsed;
    if (offer.budget.spent > pace * (1 + limits.burnAheadShare))
      alert(
        "budget_burn",
        `*${offer.title}* has used ${formatMoney(offer.budget.spent)} of its ${formatMoney(offer.budget.amount)} budget, ahead of the ${formatMoney(Math.round(pace))} a steady pace would have used by now.`,
      );
  }

  if (
    offer.endDate !== undefined &&
    offer.endDate >= today &&
    offer.endDate <= addDays(today, limits.expiringDays)
  )
    alert("expiring", `*${offer.title}* ends ${formatDate(offer.endDate)}.`);
  return alerts;
}
