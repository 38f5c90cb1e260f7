import type { OfferDraft, ProgramType } from "../graph/draft.js";
import { valueKindOf } from "../graph/offer-kinds.js";
import type { BenchmarkTable } from "../graph/recommend/benchmarks.js";
import { estimateLiability, expectedReach } from "../graph/validation/liability.js";
import type { KeyValueStore } from "../stores/kv.js";

/**
 * What the bot knew when it published an offer and the Kigo API does not keep: who asked for it,
 * its budget and cost per redemption, and what offers like it reach. Alerts read these to warn
 * the author and to judge budget burn and pace; offers published elsewhere simply lack them.
 */
export interface OfferFacts {
  authorId: string;
  programType?: ProgramType;
  budget?: number;
  /** Estimated dollars each redemption costs (the preview's liability estimate). */
  valuePerRedemption?: number;
  audienceSize?: number;
  benchmarkRate?: number;
}

/** Kept for a long-running offer's life and then some. */
const TTL_SECONDS = 400 * 86_400;
const keyOf = (offerId: number) => `offer-facts:${offerId}`;

export function factsOfDraft(authorId: string, draft: OfferDraft, benchmarks: BenchmarkTable): OfferFacts {
  const kind = valueKindOf(draft);
  const reach = kind === undefined ? undefined : expectedReach(draft, kind, benchmarks);
  const liability = estimateLiability(draft, benchmarks);
  return {
    authorId,
    ...(draft.programType && { programType: draft.programType }),
    ...(draft.totalBudget !== undefined && { budget: draft.totalBudget }),
    ...(liability && { valuePerRedemption: liability.valuePerRedemption }),
    ...(reach && { audienceSize: reach.audience, benchmarkRate: reach.rate }),
  };
}

export class OfferFactsStore {
  constructor(private readonly kv: KeyValueStore) {}

  record(offerId: number, facts: OfferFacts): Promise<void> {
    return this.kv.set(keyOf(offerId), JSON.stringify(facts), TTL_SECONDS);
  }

  async of(offerId: number): Promise<OfferFacts | undefined> {
    const stored = await this.kv.get(keyOf(offerId));
    return stored ? (JSON.parse(stored) as OfferFacts) : undefined;
  }
}
