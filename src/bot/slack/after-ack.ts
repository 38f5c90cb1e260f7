import { createNodeRedisClient, Queue, Worker } from "bullmq";
import type { Logger } from "pino";
import { createClient, type RedisClientType } from "redis";
import type { KeyValueStore } from "../../stores/kv.js";
import type { Button } from "./actions/button.js";
import type { OffersCommand } from "./commands/offers.js";
import type { SlackPlace } from "./place.js";

/** What a listener leaves to run after Slack's 3-second acknowledgement: plain data, so it can be queued. */
export type SlackWork =
  | { kind: "message"; place: SlackPlace; user: string; text: string }
  | { kind: "decision"; button: Button }
  | { kind: "offer"; button: Button }
  | { kind: "command"; command: OffersCommand };

/**
 * Runs one piece of work. `once` wraps the bot's turn: a job run again after a crash reuses the
 * turn the first run computed instead of running the user's message through the graph twice.
 */
export type PerformWork = (work: SlackWork, once: Once) => Promise<void>;

export type Once = <T>(turn: () => Promise<T>) => Promise<T>;

export interface AfterAck {
  /** True when work is queued in Redis: the HTTP answer must wait for `run` to resolve. */
  readonly durable: boolean;
  /**
   * Runs `work` after `ack`, or queues it and then acks, whichever keeps it if this process dies.
   * `key` is unique per user action (Slack's event id, a click's action_ts), without colons.
   */
  run(work: SlackWork, key: string, ack?: () => Promise<void>): Promise<void>;
  close(): Promise<void>;
}

const justRun: Once = (turn) => turn();

/** Without Redis: acknowledge, then do the work in this process (lost if it dies meanwhile). */
export function inProcessAfterAck(perform: () => PerformWork): AfterAck {
  return {
    durable: false,
    async run(work, _key, ack) {
      await ack?.();
      await perform()(work, justRun);
    },
    close: async () => {},
  };
}

const QUEUE = "slack-work";
/** How long a finished job's key is kept: Slack redelivers within minutes, so a repeat is ignored. */
const KEEP_SECONDS = 3600;

/**
 * With Redis: the work is a BullMQ job before Slack hears the ack, and every replica's worker takes
 * jobs. A replica that dies mid-job stops renewing its lock; BullMQ's stalled-job check hands the job
 * to another replica within about `lockMs`.
 */
export function durableAfterAck(options: {
  redisUrl: string;
  kv: KeyValueStore;
  perform: () => PerformWork;
  logger?: Logger;
  /** Tests keep their queues apart with a prefix of their own. */
  prefix?: string;
  lockMs?: number;
}): AfterAck {
  const prefix = options.prefix ?? "kigo";
  const lockMs = options.lockMs ?? 6_000;
  const clients: RedisClientType[] = [];
  const connection = (offline: { disableOfflineQueue?: boolean } = {}) => {
    // Named, so an operator's CLIENT LIST shows what each connection is for.
    const client: RedisClientType = createClient({
      url: options.redisUrl,
      name: `${prefix}-slack-work`,
      ...offline,
    });
    clients.push(client);
    return createNodeRedisClient(client);
  };
  // Queuing fails at once while Redis is away, instead of waiting past Slack's 3 seconds: the turn
  // then runs here and tells the user their draft cannot be saved.
  const queue = new Queue<SlackWork>(QUEUE, {
    connection: connection({ disableOfflineQueue: true }),
    prefix,
  });
  const worker = new Worker<SlackWork>(
    QUEUE,
    (job) => options.perform()(job.data, rememberedTurn(options.kv, `slack-turn:${job.id}`)),
    {
      connection: connection(),
      prefix,
      // Turns mostly wait (the Kigo API, the model, Slack): several at once per replica.
      concurrency: 8,
      lockDuration: lockMs,
      stalledInterval: Math.round(lockMs / 2),
    },
  );
  worker.on("failed", (job, error) =>
    options.logger?.error({ err: error, job: job?.id, kind: job?.data.kind }, "Slack work failed"),
  );
  // Without a listener BullMQ prints each connection error raw on stderr, between the JSON log lines.
  const unreachable = (error: Error) => options.logger?.warn({ err: error }, "Slack work queue unreachable");
  queue.on("error", unreachable);
  worker.on("error", unreachable);
  return {
    durable: true,
    async run(work, key, ack) {
      try {
        await queue.add(work.kind, work, {
          jobId: key,
          attempts: 3,
          backoff: { type: "exponential", delay: 1_000 },
          removeOnComplete: { age: KEEP_SECONDS },
          removeOnFail: { age: KEEP_SECONDS * 24 },
        });
      } catch (error) {
        // Redis is down: the turn runs here, where it tells the user their draft cannot be saved.
        options.logger?.warn({ err: error, kind: work.kind }, "could not queue Slack work; running it here");
        await ack?.();
        return options.perform()(work, justRun);
      }
      await ack?.();
    },
    async close() {
      // The worker first: it finishes the jobs it holds (the turns in flight) before letting go.
      await worker.close();
      await queue.close();
      await Promise.all(clients.map((client) => (client.isOpen ? client.quit() : undefined)));
    },
  };
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

/** A Slack event's key: its event id (the same on Slack's redeliveries), else the message's ts. */
export function workKey(body: unknown, ts: string): string {
  const eventId = (body as { event_id?: unknown }).event_id;
  // BullMQ job ids cannot hold a colon.
  return typeof eventId === "string" ? `event-${eventId}` : `message-${ts}`;
}
