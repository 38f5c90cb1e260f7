import type { KigoClient } from "../../../kigo/client.js";
import { KigoApiError, KigoUnsupportedError } from "../../../kigo/errors.js";
import type { PublishProgress } from "../progress.js";
import type { PublishPlan } from "../to-kigo.js";

export interface StepContext {
  readonly client: KigoClient;
  readonly plan: PublishPlan;
  readonly draftKey: string;
  /** The offer the first step published; every later step acts on it. */
  offerId(): number;
  /** Keeps partial progress of a long step, so a failure reports how far it got. */
  record(patch: Partial<PublishProgress>): void;
}

export interface StepOutcome {
  patch?: Partial<PublishProgress>;
  created?: string;
  workarounds?: string[];
}

export type Step = (context: StepContext) => Promise<StepOutcome>;

/**
 * Runs of one draft that race can each create the same thing before either sees the other's.
 * Every run keeps the oldest (lowest id: the first one committed) and removes the others, so all
 * runs converge on one. Without `remove` (no DELETE endpoint) the extras stay but go unused.
 */
export async function keepOldest<Item>(
  items: readonly Item[],
  idOf: (item: Item) => number,
  remove?: (id: number) => Promise<unknown>,
): Promise<Item | undefined> {
  const [oldest, ...others] = [...items].sort((a, b) => idOf(a) - idOf(b));
  if (remove) {
    for (const other of others) await remove(idOf(other)).catch(ignoreNotFound);
  }
  return oldest;
}

/**
 * Look-up-before-create that converges: after creating, it looks again, so runs that raced settle
 * on the same (oldest) item. `found` tells an existing item from one created now.
 */
export async function findOrCreate<Item>(
  find: () => Promise<Item | undefined>,
  create: () => Promise<Item>,
): Promise<{ item: Item; found: boolean }> {
  const existing = await find();
  if (existing !== undefined) return { item: existing, found: true };
  const made = await create();
  return { item: (await find()) ?? made, found: false };
}

/** Another run removed it first. */
function ignoreNotFound(error: unknown): void {
  if (!(error instanceof KigoApiError && error.status === 404)) throw error;
}

/** Runs the step; where the server lacks the endpoint, the step ends with the seed's workaround instead. */
export async function orWorkaround(
  work: () => Promise<StepOutcome>,
  workarounds: (error: KigoUnsupportedError) => string[],
): Promise<StepOutcome> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof KigoUnsupportedError) return { workarounds: workarounds(error) };
    throw error;
  }
}

export const WORKAROUNDS = {
  descriptives: "Title, description and terms were sent with the offer (no descriptives endpoint)",
  campaign: "Campaign association kept in external_reference (no campaigns endpoint)",
  classification: "Program type kept in the offer's classification (no programs endpoint)",
  noProgram: (programType: string) =>
    `Campaign association kept in external_reference (no ${programType.replace("_", "-")} program in Kigo)`,
  customerList:
    "Customer list not uploaded: the Kigo API has no customer-list endpoint yet; the list is kept with the draft",
} as const;
