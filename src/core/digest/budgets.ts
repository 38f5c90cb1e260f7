import { daysBetween } from "../../graph/dates.js";
import type { KigoClient } from "../../kigo/client.js";
import { KigoUnsupportedError } from "../../kigo/errors.js";
import type { OfferFactsStore } from "../offer-facts.js";
import type { DigestFigures } from "./figures.js";

/** How much of an offer's budget is spent by the end of the digest's period, and the steady pace. */
export interface OfferBudget {
  offerId: number;
  title: string;
  budget: number;
  /** Estimated: redemptions since the start × the cost per redemption the bot worked out at publish. */
  spent: number;
  /** Share of the run elapsed by the period's end; undefined for an offer without an end date. */
  elapsed: number | undefined;
}

/**
 * Budgets are known only for offers the bot published with one (the Kigo API keeps no budget):
 * for those among the digest's offers, what they have spent so far against a straight-line pace.
 */
export async function budgetsOf(
  client: KigoClient,
  facts: OfferFactsStore,
  figures: DigestFigures,
): Promise<OfferBudget[]> {
  if (!figures.analytics) return [];
  const budgets: OfferBudget[] = [];
  for (const offer of figures.offers) {
    const known = await facts.of(offer.offerId);
    if (known?.budget === undefined || known.valuePerRedemption === undefined) continue;
    if (offer.startDate > figures.period.end) continue;
    try {
      const sinceStart = await client.getOfferAnalytics(offer.offerId, {
        start_date: offer.startDate,
        end_date: figures.period.end,
      });
      const length =
        offer.endDate === undefined ? undefined : daysBetween(offer.startDate, offer.endDate) + 1;
      budgets.push({
        offerId: offer.offerId,
        title: offer.title,
        budget: known.budget,
        spent: sinceStart.total_redemptions * known.valuePerRedemption,
        elapsed:
          length === undefined
            ? undefined
            : Math.min(1, (daysBetween(offer.startDate, figures.period.end) + 1) / length),
      });
    } catch (error) {
      if (!(error instanceof KigoUnsupportedError)) throw error;
    }
  }
  return budgets;
}
