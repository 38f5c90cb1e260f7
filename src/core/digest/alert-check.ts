import type { Logger } from "pino";
import { addDays, todayIn } from "../../graph/dates.js";
import type { ProgramType } from "../../graph/draft.js";
import type { KigoClient } from "../../kigo/client.js";
import { KigoUnsupportedError } from "../../kigo/errors.js";
import { MAX_PAGE_SIZE, type OfferWithDescriptive } from "../../kigo/schemas.js";
import type { KeyValueStore } from "../../stores/kv.js";
import type { ProgramMapping } from "../access.js";
import type { OfferFacts, OfferFactsStore } from "../offer-facts.js";
import type { Outbound } from "../outbound.js";
import { type Alert, type AlertSettings, alertsFor, type OfferStanding } from "./alerts.js";
import { programOffers as offersOfProgram } from "./figures.js";
import type { DigestSubscription } from "./subscription.js";
import { offerLineActions } from "./view-model.js";

/** An alert's condition is posted once; a year covers any offer's run. */
const POSTED_TTL_SECONDS = 400 * 86_400;
/** Thresholds for an offer whose program nobody configured: the middle of the three. */
const FALLBACK_PROGRAM: ProgramType = "hybrid";

export interface AlertCheckDeps {
  client: KigoClient;
  kv: KeyValueStore;
  facts: OfferFactsStore;
  programs: ProgramMapping;
  settings: AlertSettings;
  defaultTimeZone: string;
  logger?: Logger;
  now?: () => Date;
}

/**
 * Looks at every live offer someone follows (its author through the bot, or a channel through a
 * digest) and posts each condition it is newly in to those people, once.
 */
export class AlertChecker {
  constructor(private readonly deps: AlertCheckDeps) {}

  async check(outbound: Outbound, subscriptions: DigestSubscription[]): Promise<Alert[]> {
    const today = todayIn(this.deps.defaultTimeZone, this.deps.now?.() ?? new Date());
    const followers = await this.channelsFollowing(subscriptions);
    const posted: Alert[] = [];
    for (const offer of await this.liveOffers()) {
      const facts = await this.deps.facts.of(offer.offer_id);
      const channels = followers(offer);
      if (!facts && channels.length === 0) continue;
      try {
        for (const alert of await this.alertsOf(offer, facts, today)) {
          if (!(await this.deps.kv.claim(`alert-posted:${alert.key}`, POSTED_TTL_SECONDS))) continue;
          const message = {
            kind: "alert" as const,
            alert: {
              kind: "alert" as const,
              offerId: alert.offerId,
              text: alert.text,
              actions: offerLineActions(alert.offerId, alert.condition !== "expiring").filter(
                (action) => action.id !== "offer_show",
              ),
            },
          };
          for (const channel of channels) await outbound.post({ channel }, message);
          if (facts) await outbound.tell({ userId: facts.authorId }, message);
          posted.push(alert);
        }
      } catch (error) {
        // One offer's failure (a deleted offer, a slow API) leaves the others' alerts alone.
        this.deps.logger?.error({ err: error, offerId: offer.offer_id }, "alert check failed");
      }
    }
    return posted;
  }

  private async alertsOf(offer: OfferWithDescriptive, facts: OfferFacts | undefined, today: string) {
    const yesterday = addDays(today, -1);
    const standing: OfferStanding = {
      offerId: offer.offer_id,
      title: offer.short_text ?? `Offer #${offer.offer_id}`,
      programType:
        facts?.programType ?? this.deps.programs.programOfMerchant(offer.merchant_owner) ?? FALLBACK_PROGRAM,
      startDate: offer.version_active_from,
      endDate: offer.offer_expiry_date,
      redemptions: 0,
      uniqueCustomers: 0,
      audienceSize: facts?.audienceSize ?? 0,
      benchmarkRate: facts?.benchmarkRate,
    };
    try {
      if (offer.version_active_from > yesterday) throw new NothingToMeasure();
      const analytics = await this.deps.client.getOfferAnalytics(offer.offer_id, {
        start_date: offer.version_active_from,
        end_date: yesterday,
      });
      standing.redemptions = analytics.total_redemptions;
      standing.uniqueCustomers = analytics.unique_users;
      if (facts?.budget !== undefined && facts.valuePerRedemption !== undefined)
        standing.budget = {
          amount: facts.budget,
          spent: analytics.total_redemptions * facts.valuePerRedemption,
        };
      return alertsFor(standing, today, this.deps.settings);
    } catch (error) {
      if (!(error instanceof KigoUnsupportedError || error instanceof NothingToMeasure)) throw error;
      // Without redemption figures only the calendar can be judged: no "no redemptions" from a missing endpoint.
      return alertsFor(standing, today, this.deps.settings).filter((alert) => alert.condition === "expiring");
    }
  }

  private async liveOffers(): Promise<OfferWithDescriptive[]> {
    const offers: OfferWithDescriptive[] = [];
    for (let offset = 0; ; offset += MAX_PAGE_SIZE) {
      const page = await this.deps.client.listOffers({
        offer_status: "active",
        limit: MAX_PAGE_SIZE,
        offset,
      });
      offers.push(...page.items);
      if (!page.hasMore || page.items.length === 0) return offers;
    }
  }

  /** For each offer, the channels whose digest covers it. */
  private async channelsFollowing(subscriptions: DigestSubscription[]) {
    const programOffers = new Map<number, Set<number>>();
    for (const { scope } of subscriptions) {
      if (scope.programId === undefined || programOffers.has(scope.programId)) continue;
      programOffers.set(
        scope.programId,
        await offersOfProgram(this.deps.client, scope.programId).catch(() => new Set<number>()),
      );
    }
    return (offer: OfferWithDescriptive) => [
      ...new Set(
        subscriptions
          .filter(({ scope }) =>
            scope.programId !== undefined
              ? (programOffers.get(scope.programId)?.has(offer.offer_id) ?? false)
              : scope.merchantIds.length === 0 || scope.merchantIds.includes(offer.merchant_owner),
          )
          .map((subscription) => subscription.channel),
      ),
    ];
  }
}

/** An offer that has not run a full day yet has no figures to judge. */
class NothingToMeasure extends Error {}
