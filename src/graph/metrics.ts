import type { TokenUsage } from "./extractor/types.js";
import type { StepName } from "./publish/progress.js";

/**
 * What the graph counts, for the operator's metrics: the port the composition fills in, so the
 * graph needs no metrics library.
 */
export interface GraphMetrics {
  /** A publish attempt ended. "duplicate": the draft was already published, nothing was sent. */
  publish(result: "published" | "failed" | "duplicate"): void;
  publishStepFailed(step: StepName): void;
  /** "unusable": the model answered without a draft patch the bot could use. */
  modelCall(result: "ok" | "failed" | "unusable", usage?: TokenUsage): void;
}
