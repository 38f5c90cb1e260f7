import { setTimeout as sleep } from "node:timers/promises";
import type { Logger } from "pino";
import type { KigoClient } from "../../kigo/client.js";
import { KigoApiError } from "../../kigo/errors.js";
import type { OfferDraft } from "../draft.js";
import { PublishBlockedError } from "./errors.js";
import {
  emptyProgress,
  PUBLISH_STEPS,
  type PublishProgress,
  type PublishResult,
  type StepName,
} from "./progress.js";
import { activateOffer } from "./steps/activate.js";
import { linkCampaign } from "./steps/campaign.js";
import type { Step, StepContext, StepOutcome } from "./steps/context.js";
import { uploadCustomerList } from "./steps/customer-list.js";
import { putDescriptives } from "./steps/descriptives.js";
import { publishOffer } from "./steps/offer.js";
import { createPromoCodes } from "./steps/promo-codes.js";
import { setRedemptionControls } from "./steps/redemption-controls.js";
import { type PublishPlan, planPublish } from "./to-kigo.js";

export interface PublishInput {
  client: KigoClient;
  draft: OfferDraft;
  /** Stable per draft (e.g. thread id + draft id): the idempotency key in external_reference. */
  draftKey: string;
  /** From the previous, failed run: the steps it completed are not repeated. */
  progress?: PublishProgress;
  logger?: Logger;
  /** Called after every completed step with the progress so far, for the caller to persist. */
  onStep?: (progress: PublishProgress) => Promise<void> | void;
}

const STEPS: Record<StepName, Step> = {
  offer: publishOffer,
  descriptives: putDescriptives,
  promoCodes: createPromoCodes,
  redemptionControls: setRedemptionControls,
  campaign: linkCampaign,
  customerList: uploadCustomerList,
  activate: activateOffer,
};

const STEP_ACTION: Record<StepName, string> = {
  offer: "create the offer",
  descriptives: "save the offer's title and description",
  promoCodes: "create the promo codes",
  redemptionControls: "set the redemption limits",
  campaign: "link the offer to its campaign",
  customerList: "upload the customer list",
  activate: "activate the offer",
};

/**
 * Waits before rerunning a step after a retryable failure. The client already retried each request;
 * this covers the POSTs it must not repeat blindly (redemption controls, campaigns), which is safe
 * because every step looks up before it creates.
 */
const RERUN_DELAYS_MS = [250, 1_000];
/** A longer Retry-After fails the step now; the marketer's Retry comes later anyway. */
const MAX_RERUN_WAIT_MS = 5_000;

async function withReruns(work: () => Promise<StepOutcome>): Promise<StepOutcome> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const delay = RERUN_DELAYS_MS[attempt];
      if (delay === undefined || !(error instanceof KigoApiError) || !error.retryable) throw error;
      const wait = error.retryAfterMs ?? delay;
      if (wait > MAX_RERUN_WAIT_MS) throw error;
      await sleep(wait);
    }
  }
}

function completed(progress: PublishProgress, step: StepName, outcome: StepOutcome): PublishProgress {
  return {
    ...progress,
    ...outcome.patch,
    completed: [...progress.completed, step],
    created: outcome.created ? [...progress.created, outcome.created] : progress.created,
    workarounds: [...progress.workarounds, ...(outcome.workarounds ?? [])],
  };
}

/** API and draft problems become a failed result the caller shows with Retry; anything else is a bug. */
function failed(error: unknown, step: StepName, progress: PublishProgress, logger?: Logger): PublishResult {
  if (error instanceof PublishBlockedError) {
    return { status: "failed", progress, error: { message: error.message, retryable: false, step } };
  }
  if (!(error instanceof KigoApiError)) throw error;
  logger?.warn(
    { draftKey: progress.draftKey, step, status: error.status, code: error.code, path: error.path },
    "publish step failed",
  );
  return {
    status: "failed",
    progress,
    error: { message: `Could not ${STEP_ACTION[step]}: ${error.message}`, retryable: error.retryable, step },
  };
}

/**
 * Publishes the draft to Kigo exactly once. Each step looks up before it creates and is recorded in
 * the progress, so a retry with the returned progress resumes at the step that failed, and a run
 * racing another for the same draft converges on the same offer. Never throws for API failures.
 */
export async function publishDraft(input: PublishInput): Promise<PublishResult> {
  const { client, draft, draftKey, logger, onStep } = input;
  let progress = input.progress?.draftKey === draftKey ? input.progress : emptyProgress(draftKey);
  const pending = PUBLISH_STEPS.filter((step) => !progress.completed.includes(step));

  let plan: PublishPlan;
  try {
    plan = planPublish(draft, draftKey);
  } catch (error) {
    return failed(error, pending[0] ?? "offer", progress, logger);
  }

  const context: StepContext = {
    client,
    plan,
    draftKey,
    offerId() {
      if (progress.offerId === undefined) throw new Error("publish: a step ran before the offer existed");
      return progress.offerId;
    },
    record(patch) {
      progress = { ...progress, ...patch };
    },
  };

  for (const step of pending) {
    try {
      progress = completed(progress, step, await withReruns(() => STEPS[step](context)));
    } catch (error) {
      return failed(error, step, progress, logger);
    }
    logger?.info({ draftKey, step, offerId: progress.offerId }, "publish step done");
    await onStep?.(progress);
  }
  return {
    status: "published",
    offerId: context.offerId(),
    progress,
    created: progress.created,
    workarounds: progress.workarounds,
  };
}
