import { z } from "zod";

/** In order: every later step acts on the offer the first one published. */
export const PUBLISH_STEPS = [
  "offer",
  "descriptives",
  "promoCodes",
  "redemptionControls",
  "campaign",
  "customerList",
  /** Last: the offer is created inactive and goes live only once everything else is in place. */
  "activate",
] as const;
export type StepName = (typeof PUBLISH_STEPS)[number];

const id = z.number().int().positive();

/**
 * How far a publish got. It lives in graph state so that Retry resumes at the step that failed
 * instead of repeating (and duplicating) the ones before it.
 */
export const publishProgress = z.object({
  /** Progress belongs to one draft; progress of another draft is ignored. */
  draftKey: z.string().min(1),
  completed: z.array(z.enum(PUBLISH_STEPS)),
  externalReference: z.string().optional(),
  offerId: id.optional(),
  promoCodes: z
    .object({ done: z.number().int().nonnegative(), total: z.number().int().positive() })
    .optional(),
  controlId: id.optional(),
  campaignId: id.optional(),
  customerListId: id.optional(),
  /** What now exists in Kigo, in the marketer's words: "Offer 123", "Promo code DEALER20". */
  created: z.array(z.string()),
  /** Where a missing endpoint was worked around, so the marketer knows what Kigo does not hold. */
  workarounds: z.array(z.string()),
});
export type PublishProgress = z.infer<typeof publishProgress>;

export function emptyProgress(draftKey: string): PublishProgress {
  return { draftKey, completed: [], created: [], workarounds: [] };
}

export type PublishResult =
  | {
      status: "published";
      offerId: number;
      progress: PublishProgress;
      created: string[];
      workarounds: string[];
    }
  | {
      status: "failed";
      progress: PublishProgress;
      error: { message: string; retryable: boolean; step: StepName };
    };

/**
 * For a publish that stopped part-way (e.g. the marketer cancels after a failure): what it left in
 * Kigo. Undefined when no offer was created, or when the offer was already activated.
 */
export function partialPublishSummary(progress: PublishProgress | undefined): string | undefined {
  if (progress?.offerId === undefined || progress.completed.includes("activate")) return undefined;
  return `Offer ${progress.offerId} was created but not activated; it stays inactive.`;
}
