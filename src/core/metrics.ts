import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { TokenUsage } from "../graph/extractor/types.js";
import type { GraphMetrics } from "../graph/metrics.js";
import type { StepName } from "../graph/publish/progress.js";
import type { QueueDepth } from "./digest/scheduler.js";
import type { TurnChannel, TurnKind, TurnMetrics } from "./turns.js";

const PREFIX = "kigo_bot_";
/** A scrape must not hang on a Redis that went away: the queue gauge is left out instead. */
const QUEUE_SCRAPE_MS = 1_000;

/**
 * The app's Prometheus metrics, on a registry of its own (several apps in one process, as in the
 * tests, keep theirs apart). Each is counted where its event happens; this module only defines them.
 */
export class Metrics implements TurnMetrics, GraphMetrics {
  readonly registry = new Registry();
  private queueDepth?: () => Promise<QueueDepth | undefined>;

  private readonly turns = this.counter(
    "turns_total",
    "Turns the core ran, by channel and kind (message, action, command).",
    ["channel", "kind"],
  );
  private readonly turnSeconds = new Histogram({
    name: `${PREFIX}turn_duration_seconds`,
    help: "How long the core took to answer a turn.",
    labelNames: ["channel", "kind"],
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30],
    registers: [this.registry],
  });
  private readonly publishes = this.counter(
    "publishes_total",
    "Publish attempts by result: published, failed, duplicate (already published).",
    ["result"],
  );
  private readonly stepFailures = this.counter(
    "publish_step_failures_total",
    "Publishes that stopped at a step, by step.",
    ["step"],
  );
  private readonly modelCalls = this.counter(
    "model_calls_total",
    "Calls to the language model by result: ok, failed, unusable (no draft patch).",
    ["result"],
  );
  private readonly modelTokens = this.counter(
    "model_tokens_total",
    "Language model tokens by kind: prompt, completion.",
    ["kind"],
  );
  private readonly digestPosts = this.counter(
    "digest_posts_total",
    "Digests posted to a channel, by result: posted, failed.",
    ["result"],
  );
  private readonly apiErrors = this.counter(
    "channel_api_errors_total",
    "Failed calls to Slack's Web API or Teams' Bot Connector, by channel and error code (Slack's error, Teams' HTTP status).",
    ["channel", "code"],
  );

  private readonly queueJobs: Gauge = new Gauge({
    name: `${PREFIX}digest_queue_jobs`,
    help: "Digest jobs in the shared BullMQ queue, by state: waiting, active, delayed.",
    labelNames: ["state"],
    registers: [this.registry],
    collect: async () => {
      const depth = await this.readQueueDepth();
      this.queueJobs.reset();
      for (const [state, count] of Object.entries(depth ?? {})) this.queueJobs.set({ state }, count);
    },
  });

  constructor() {
    // Process metrics, event loop lag among them.
    collectDefaultMetrics({ register: this.registry, prefix: PREFIX });
  }

  private counter<Label extends string>(name: string, help: string, labelNames: Label[]): Counter<Label> {
    return new Counter({ name: PREFIX + name, help, labelNames, registers: [this.registry] });
  }

  /** The Prometheus text exposition of every metric. */
  async exposition(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }

  turn(channel: TurnChannel | "unknown", kind: TurnKind, seconds: number): void {
    this.turns.inc({ channel, kind });
    this.turnSeconds.observe({ channel, kind }, seconds);
  }

  publish(result: "published" | "failed" | "duplicate"): void {
    this.publishes.inc({ result });
  }

  publishStepFailed(step: StepName): void {
    this.stepFailures.inc({ step });
  }

  modelCall(result: "ok" | "failed" | "unusable", usage?: TokenUsage): void {
    this.modelCalls.inc({ result });
    if (!usage) return;
    this.modelTokens.inc({ kind: "prompt" }, usage.inputTokens);
    this.modelTokens.inc({ kind: "completion" }, usage.outputTokens);
  }

  digestPost(result: "posted" | "failed"): void {
    this.digestPosts.inc({ result });
  }

  apiError(channel: "slack" | "teams", code: string): void {
    this.apiErrors.inc({ channel, code });
  }

  /** Where the digest queue's depth is read on each scrape. */
  watchQueue(depth: () => Promise<QueueDepth | undefined>): void {
    this.queueDepth = depth;
  }

  private async readQueueDepth(): Promise<QueueDepth | undefined> {
    if (!this.queueDepth) return undefined;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), QUEUE_SCRAPE_MS);
    });
    try {
      return await Promise.race([this.queueDepth().catch(() => undefined), late]);
    } finally {
      clearTimeout(timer);
    }
  }
}
