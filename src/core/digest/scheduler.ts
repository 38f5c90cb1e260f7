import { createNodeRedisClient, Queue, Worker } from "bullmq";
import { Cron } from "croner";
import type { Logger } from "pino";
import { newRedisClient, type Redis } from "../../redis.js";

/** When a subscription's digest is due. */
export interface DigestSchedule {
  subscriptionId: string;
  cron: string;
  timeZone: string;
}

/**
 * Runs one subscription's digest for one tick (`tick` names it, the same on a retry); a failure is
 * retried (BullMQ) or logged, and never blocks the others.
 */
export type RunDigest = (subscriptionId: string, tick: string) => Promise<void>;

export interface DigestScheduler {
  schedule(schedule: DigestSchedule): Promise<void>;
  /** One run now, outside the schedule, with the same retries; `tick` names it (a repeat is ignored). */
  enqueue(subscriptionId: string, tick: string): Promise<void>;
  unschedule(subscriptionId: string): Promise<void>;
  /** Jobs waiting, running and delayed in the shared queue; none without one. */
  depth?(): Promise<QueueDepth>;
  close(): Promise<void>;
}

export type QueueDepth = Record<"waiting" | "active" | "delayed", number>;

const QUEUE = "offer-digests";
const JOB = "digest";

/**
 * BullMQ job schedulers: one per subscription, so each tick makes one job whatever the number of
 * replicas, and any replica's worker may take it. Failed runs retry with exponential backoff.
 */
export async function bullmqScheduler(options: {
  redisUrl: string;
  run: RunDigest;
  logger: Logger;
  /** A prefix of its own keeps tests' queues apart from the bot's. */
  prefix?: string;
  worker?: boolean;
  retryDelayMs?: number;
}): Promise<DigestScheduler> {
  const prefix = options.prefix ?? "kigo";
  // BullMQ through node-redis, the client the rest of the app uses, rather than a second one
  // (ioredis). BullMQ treats a client it is given as shared and never closes it: close() does.
  const clients: Redis[] = [];
  const connectionOf = (redisUrl: string) => {
    // Named, so an operator's CLIENT LIST shows what each connection is for.
    const client: Redis = newRedisClient({ url: redisUrl, name: `${prefix}-digests` });
    clients.push(client);
    return createNodeRedisClient(client);
  };
  const queue = new Queue(QUEUE, { connection: connectionOf(options.redisUrl), prefix });
  const worker =
    options.worker === false
      ? undefined
      : new Worker<{ subscriptionId: string }>(
          QUEUE,
          (job) => options.run(job.data.subscriptionId, job.id ?? job.name),
          {
            connection: connectionOf(options.redisUrl),
            prefix,
            // A digest mostly waits (the Kigo API, its channel's turn to post): enough at once
            // that one busy channel does not hold up the others, few enough to leave the CPU to conversations.
            concurrency: 16,
          },
        );
  // Without a listener BullMQ prints each connection error raw on stderr, between the JSON log lines.
  const unreachable = (error: Error) => options.logger.warn({ err: error }, "digest queue unreachable");
  queue.on("error", unreachable);
  worker?.on("error", unreachable);
  worker?.on("failed", (job, error) =>
    options.logger.error(
      { err: error, subscriptionId: job?.data.subscriptionId, attempt: job?.attemptsMade },
      "digest failed",
    ),
  );
  const opts = {
    attempts: 3,
    backoff: { type: "exponential", delay: options.retryDelayMs ?? 30_000 },
    removeOnComplete: 100,
    removeOnFail: 500,
  };
  return {
    async schedule({ subscriptionId, cron, timeZone }) {
      await queue.upsertJobScheduler(
        subscriptionId,
        { pattern: cron, tz: timeZone },
        { name: JOB, data: { subscriptionId }, opts },
      );
    },
    async enqueue(subscriptionId, tick) {
      await queue.add(JOB, { subscriptionId }, { ...opts, jobId: `${subscriptionId}-${tick}` });
    },
    async unschedule(subscriptionId) {
      await queue.removeJobScheduler(subscriptionId);
    },
    async depth() {
      const {
        waiting = 0,
        active = 0,
        delayed = 0,
      } = await queue.getJobCounts("waiting", "active", "delayed");
      return { waiting, active, delayed };
    },
    async close() {
      await worker?.close();
      await queue.close();
      await Promise.all(clients.map((client) => client.quit().catch(() => {})));
    },
  };
}

/** Without Redis (the embedded default): the same schedules in this process, with croner. */
export function inProcessScheduler(options: { run: RunDigest; logger: Logger }): DigestScheduler {
  const jobs = new Map<string, Cron>();
  const runLogged = async (subscriptionId: string, tick: string) => {
    try {
      await options.run(subscriptionId, tick);
    } catch (error) {
      options.logger.error({ err: error, subscriptionId }, "digest failed");
    }
  };
  return {
    async schedule({ subscriptionId, cron, timeZone }) {
      jobs.get(subscriptionId)?.stop();
      jobs.set(
        subscriptionId,
        // protect: a digest still running when the next tick comes is not started twice.
        new Cron(cron, { timezone: timeZone, protect: true }, () =>
          runLogged(subscriptionId, `${subscriptionId}:${Date.now()}`),
        ),
      );
    },
    async enqueue(subscriptionId, tick) {
      void runLogged(subscriptionId, `${subscriptionId}-${tick}`);
    },
    async unschedule(subscriptionId) {
      jobs.get(subscriptionId)?.stop();
      jobs.delete(subscriptionId);
    },
    async close() {
      for (const job of jobs.values()) job.stop();
      jobs.clear();
    },
  };
}
