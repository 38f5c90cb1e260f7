import type { Logger } from "pino";
import { todayIn } from "../../graph/dates.js";
import type { KigoClient } from "../../kigo/client.js";
import type { KeyValueStore } from "../../stores/kv.js";
import type { SubscriptionStore } from "../../stores/subscriptions.js";
import type { OfferFactsStore } from "../offer-facts.js";
import type { Outbound } from "../outbound.js";
import type { AlertChecker } from "./alert-check.js";
import { budgetsOf, type OfferBudget } from "./budgets.js";
import { type DigestFigures, type DigestFrequency, type DigestScope, gatherFigures } from "./figures.js";
import type { DigestScheduler, QueueDepth } from "./scheduler.js";
import type { DigestSubscription } from "./subscription.js";
import { type DigestView, digestView } from "./view-model.js";

/** The scheduler's id for the alert check, beside the subscriptions' numeric ids. */
export const ALERT_CHECK = "alerts";

/** A tick's digest, once posted, is not posted again by a retry of the same tick. */
const POSTED_TTL_SECONDS = 7 * 86_400;
/**
 * Subscriptions with the same scope and period share one reading of the API for this long: a
 * thousand channels following one merchant cost one set of calls, not a thousand.
 */
const FIGURES_REUSE_MS = 60_000;

export interface DigestServiceDeps {
  client: KigoClient;
  subscriptions: SubscriptionStore;
  kv: KeyValueStore;
  alerts: AlertChecker;
  facts: OfferFactsStore;
  logger?: Logger;
  now?: () => Date;
  metrics?: { digestPost(result: "posted" | "failed"): void };
}

/** One reading of the API for a scope and period: the figures, and the budgets known among them. */
interface Reading {
  figures: DigestFigures;
  budgets: OfferBudget[];
}

/** Where digests go and when alerts are checked, given once the channel adapter has started. */
export interface DigestPorts {
  outbound: Outbound;
  scheduler: DigestScheduler;
  /** Cron and time zone of the alert check. */
  alertCheck: { cron: string; timeZone: string };
}

/**
 * Builds and posts digests: on their schedule (once per tick, whatever the number of replicas),
 * on demand, or as a private preview. A failing digest is logged with its subscription id and
 * leaves the others alone.
 */
export class DigestService {
  private ports?: DigestPorts;
  private readonly readings = new Map<string, { at: number; reading: Promise<Reading> }>();

  constructor(private readonly deps: DigestServiceDeps) {}

  /** Schedules every stored subscription and the alert check; idempotent across replicas. */
  async start(ports: DigestPorts): Promise<void> {
    this.ports = ports;
    for (const subscription of await this.all()) await ports.scheduler.schedule(scheduleOf(subscription));
    await ports.scheduler.schedule({ subscriptionId: ALERT_CHECK, ...ports.alertCheck });
  }

  /** Whether digests can be posted now (the channel adapter started them). */
  get started(): boolean {
    return this.ports !== undefined;
  }

  async all(): Promise<DigestSubscription[]> {
    return (await this.deps.subscriptions.list()) as unknown as DigestSubscription[];
  }

  async get(id: string): Promise<DigestSubscription | undefined> {
    return (await this.deps.subscriptions.get(id)) as DigestSubscription | undefined;
  }

  async add(fields: Omit<DigestSubscription, "id">): Promise<DigestSubscription> {
    const subscription = await this.deps.subscriptions.add(fields);
    await this.ports?.scheduler.schedule(scheduleOf(subscription));
    return subscription;
  }

  async remove(id: string): Promise<boolean> {
    const removed = await this.deps.subscriptions.remove(id);
    await this.ports?.scheduler.unschedule(id);
    return removed;
  }

  /** A subscription's digest for `tick`, through the scheduler's queue (its retries, its workers). */
  async enqueue(subscriptionId: string, tick: string): Promise<void> {
    if (!this.ports) throw new Error("Digests are not started.");
    await this.ports.scheduler.enqueue(subscriptionId, tick);
  }

  /** The scheduler's entry point: one subscription's digest for one tick, or the alert check. */
  async run(subscriptionId: string, tick: string): Promise<void> {
    if (subscriptionId === ALERT_CHECK) {
      await this.deps.alerts.check(this.outbound(), await this.all());
      return;
    }
    const subscription = await this.get(subscriptionId);
    if (!subscription) {
      // Unsubscribed on a replica whose scheduler entry this one still had.
      await this.ports?.scheduler.unschedule(subscriptionId);
      return;
    }
    const posted = `digest-posted:${subscriptionId}:${tick}`;
    if (await this.deps.kv.get(posted)) return;
    await this.post(subscription);
    await this.deps.kv.set(posted, "1", POSTED_TTL_SECONDS);
  }

  /** Posts a subscription's digest into its channel now. */
  async post(subscription: DigestSubscription): Promise<void> {
    try {
      const digest = await this.view(subscription.scope, subscription.frequency, subscription.timeZone);
      await this.outbound().post({ channel: subscription.channel }, { kind: "digest", digest });
    } catch (error) {
      this.deps.metrics?.digestPost("failed");
      throw error;
    }
    this.deps.metrics?.digestPost("posted");
  }

  /** The scheduler's queue, for the operator's metrics: undefined where there is none (in-process timers). */
  async queueDepth(): Promise<QueueDepth | undefined> {
    return this.ports?.scheduler.depth?.();
  }

  /** What a digest for this scope would show now. */
  async view(scope: DigestScope, frequency: DigestFrequency, timeZone: string): Promise<DigestView> {
    const { figures, budgets } = await this.readingOf(scope, frequency, timeZone);
    return digestView({ ...figures, scope }, frequency, budgets);
  }

  outbound(): Outbound {
    if (!this.ports)
      throw new Error("Digests are not started: the channel adapter starts them with its outbound port.");
    return this.ports.outbound;
  }

  private readingOf(scope: DigestScope, frequency: DigestFrequency, timeZone: string): Promise<Reading> {
    const now = this.deps.now?.() ?? new Date();
    const key = JSON.stringify([
      scope.merchantIds,
      scope.programId,
      frequency,
      timeZone,
      todayIn(timeZone, now),
    ]);
    const cached = this.readings.get(key);
    if (cached && now.getTime() - cached.at < FIGURES_REUSE_MS) return cached.reading;
    for (const [old, entry] of this.readings)
      if (now.getTime() - entry.at >= FIGURES_REUSE_MS) this.readings.delete(old);
    const reading = gatherFigures(this.deps.client, { scope, frequency, timeZone, now }).then(
      async (figures) => ({ figures, budgets: await budgetsOf(this.deps.client, this.deps.facts, figures) }),
    );
    this.readings.set(key, { at: now.getTime(), reading });
    reading.catch(() => this.readings.delete(key));
    return reading;
  }

  async close(): Promise<void> {
    await this.ports?.scheduler.close();
  }
}

const scheduleOf = (subscription: DigestSubscription) => ({
  subscriptionId: subscription.id,
  cron: subscription.cron,
  timeZone: subscription.timeZone,
});
