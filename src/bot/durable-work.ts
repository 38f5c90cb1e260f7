import { createNodeRedisClient, Queue, Worker } from "bullmq";
import type { Logger } from "pino";
import { newRedisClient, type Redis } from "../redis.js";
import type { KeyValueStore } from "../stores/kv.js";

/**
 * Wraps the bot's turn inside a piece of work: a job run again after a crash reuses the turn the
 * first run computed instead of running the user's message through the graph twice.
 */
export type Once = <T>(turn: () => Promise<T>) => Promise<T>;

export type Perform<Work> = (work: Work, once: Once) => Promise<void>;

/** What a channel leaves to run after answering the request that brought it. */
export interface WorkQueue<Work> {
  /** True when work is queued in Redis: the request's answer must wait for `run` to resolve. */
  readonly durable: boolean;
  /**
   * Runs `work` after `ack`, or queues it and then acks, whichever keeps it if this process dies.
   * `key` is unique per user action (an event or activity id, a click's stamp), without colons.
   */
  run(work: Work, key: string, ack?: () => Promise<void>): Promise<void>;
  close(): Promise<void>;
}

export const justRun: Once = (turn) => turn();

/** Where a channel app queues its work: the Redis of REDIS_URL, under QUEUE_PREFIX. */
export interface WorkSettings {
  redisUrl: string;
  prefix?: string;
  /**
   * false (TURN_WORKER=false): this process queues work and runs none, so its event loop only
   * answers requests; other processes on the same Redis run the turns.
   */
  take?: boolean;
}

/** How long a finished job's key is kept: channels redeliver within minutes, so a repeat is ignored. */
const KEEP_SECONDS = 3600;

/**
 * With Redis: the work is a BullMQ job before the channel hears its answer, and every replica's
 * worker takes jobs. A replica that dies mid-job stops renewing its lock; BullMQ's stalled-job check
 * hands the job to another replica within about `lockMs`.
 */
export function durableWork<Work extends { kind: string }>(options: {
  /** The queue's name, also its connections' name in Redis' CLIENT LIST. */
  name: string;
  redisUrl: string;
  kv: KeyValueStore;
  perform: () => Perform<Work>;
  logger?: Logger;
  /** Deployments (and tests) sharing a Redis keep their queues apart with a prefix of their own. */
  prefix?: string;
  /** false: queue only; other processes' workers take the jobs. */
  take?: boolean;
  lockMs?: number;
}): WorkQueue<Work> {
  const { name, logger } = options;
  const prefix = options.prefix ?? "kigo";
  const lockMs = options.lockMs ?? 6_000;
  const clients: Redis[] = [];
  const connection = (offline: { disableOfflineQueue?: boolean } = {}) => {
    const client: Redis = newRedisClient({
      url: options.redisUrl,
      name: `${prefix}-${name}`,
      ...offline,
    });
    clients.push(client);
    return createNodeRedisClient(client);
  };
  // Queuing fails at once while Redis is away, instead of waiting past the channel's deadline: the
  // turn then runs here and tells the user their draft cannot be saved.
  const queue = new Queue<Work>(name, { connection: connection({ disableOfflineQueue: true }), prefix });
  const worker = options.take === false ? undefined : takeJobs();
  // Without a listener BullMQ prints each connection error raw on stderr, between the JSON log lines.
  const unreachable = (error: Error) => logger?.warn({ err: error }, `${name} queue unreachable`);
  queue.on("error", unreachable);
  worker?.on("error", unreachable);
  return {
    durable: true,
    async run(work, key, ack) {
      try {
        await queue.add(work.kind as never, work as never, {
          jobId: key,
          attempts: 3,
          backoff: { type: "exponential", delay: 1_000 },
          removeOnComplete: { age: KEEP_SECONDS },
          removeOnFail: { age: KEEP_SECONDS * 24 },
        });
      } catch (error) {
        // Redis is down: the turn runs here, where it tells the user their draft cannot be saved.
        logger?.warn({ err: error, kind: work.kind }, `could not queue ${name}; running it here`);
        await ack?.();
        return options.perform()(work, justRun);
      }
      await ack?.();
    },
    async close() {
      // The worker first: it finishes the jobs it holds (the turns in flight) before letting go.
      await worker?.close();
      await queue.close();
      await Promise.all(clients.map((client) => (client.isOpen ? client.quit() : undefined)));
    },
  };

  function takeJobs(): Worker<Work> {
    const worker = new Worker<Work>(
      name,
      (job) => options.perform()(job.data, rememberedTurn(options.kv, `${name}-turn:${job.id}`)),
      {
        connection: connection(),
        prefix,
        // Turns mostly wait (the Kigo API, the model, the channel): several at once per replica.
        concurrency: 8,
        lockDuration: lockMs,
        stalledInterval: Math.round(lockMs / 2),
      },
    );
    worker.on("failed", (job, error) =>
      logger?.error({ err: error, job: job?.id, kind: job?.data.kind }, `${name} failed`),
    );
    return worker;
  }
}

/** The turn a first run of this job computed, if it got that far; otherwise computed and kept. */
function rememberedTurn(kv: KeyValueStore, key: string): Once {
  return async <T>(turn: () => Promise<T>) => {
    const kept = await kv.get(key);
    if (kept !== undefined) return JSON.parse(kept) as T;
    const result = await turn();
    await kv.set(key, JSON.stringify(result), KEEP_SECONDS);
    return result;
  };
}
