import { Command, END } from "@langchain/langgraph";
import type { Logger } from "pino";
import type { KigoClient } from "../../kigo/client.js";
import type { GraphMetrics } from "../metrics.js";
import { publishDraft } from "../publish/saga.js";
import type { OfferStateValue } from "../state.js";

/**
 * Publishes after confirmation. Its own node, after review, because an interrupted node re-runs
 * from the top on resume: publishing inside review would run again on every resume. The saga never
 * throws for API failures; a failure goes back to review with the message and a Retry.
 */
export function publishNode(client: KigoClient, logger?: Logger, metrics?: GraphMetrics) {
  return async (state: OfferStateValue) => {
    const result = await publishDraft({
      client,
      draft: state.draft,
      draftKey: state.draftId,
      progress: state.publishProgress,
      logger,
    });
    metrics?.publish(result.status);
    if (result.status === "failed") metrics?.publishStepFailed(result.error.step);
    if (result.status === "published") {
      return new Command({
        goto: END,
        update: {
          status: "published",
          publishProgress: result.progress,
          published: { offerId: result.offerId, created: result.created, workarounds: result.workarounds },
          notes: [],
        },
      });
    }
    return new Command({
      goto: "review",
      update: {
        status: "failed",
        publishProgress: result.progress,
        publishError: { message: result.error.message, retryable: result.error.retryable },
        notes: [],
      },
    });
  };
}
