import { randomUUID } from "node:crypto";
import type { Redis } from "../redis.js";

/** Runs work for one key at a time: one turn per conversation thread, one publish per draft. */
export interface KeyedLock {
  run<T>(key: string, work: () => Promise<T>): Promise<T>;
}

export class BusyError extends Error {
  override name = "BusyError";
}

/** One process: a promise chain per key. */
export class MemoryLock implements KeyedLock {
  private readonly tails = new Map<string, Promise<unknown>>();

  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const current = previous.catch(() => {}).then(work);
    this.tails.set(key, current);
    try {
      return await current;
    } finally {
      if (this.tails.get(key) === current) this.tails.delete(key);
    }
  }
}

const RELEASE_IF_OURS =
  "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

const EXTEND_IF_OURS =
  "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";

/** Short, since it is renewed while held: a replica that dies frees its threads within this. */
const DEFAULT_HOLD_MS = 10_000;

/**
 * Across replicas: a Redis key set with NX and an expiry, released only by its holder (the
 * compare-and-delete script), so a replica that died cannot hold a thread forever. While the work
 * runs the holder renews the expiry every third of holdMs (compare-and-PEXPIRE), so a long publish
 * keeps the lock; a dead replica stops renewing and its key expires within holdMs. Waiters in this
 * process queue locally first, so only one of them polls Redis.
 */
export class RedisLock implements KeyedLock {
  private readonly local = new MemoryLock();

  constructor(
    private readonly redis: Redis,
    private readonly options: { keyPrefix?: string; holdMs?: number; waitMs?: number } = {},
  ) {}

  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    return this.local.run(key, async () => {
      const redisKey = `${this.options.keyPrefix ?? "kigo:lock:"}${key}`;
      const token = randomUUID();
      const holdMs = this.options.holdMs ?? DEFAULT_HOLD_MS;
      await this.acquire(redisKey, token, holdMs);
      const stopRenewing = this.renew(redisKey, token, holdMs);
      try {
        return await work();
      } finally {
        stopRenewing();
        await this.redis.eval(RELEASE_IF_OURS, { keys: [redisKey], arguments: [token] });
      }
    });
  }

  /**
   * Extends the key's expiry every holdMs/3 while it still holds our token; returns the stop. One
   * renewal at a time (a timeout chain, not an interval). A failed renewal (Redis briefly away) is
   * tried again at the next tick; a key that is no longer ours (it expired and another replica took
   * it) ends the renewals.
   */
  private renew(redisKey: string, token: string, holdMs: number): () => void {
    let stopped = false;
    let timer: NodeJS.Timeout | undefined;
    const schedule = () => {
      timer = setTimeout(
        async () => {
          try {
            const extended = await this.redis.eval(EXTEND_IF_OURS, {
              keys: [redisKey],
              arguments: [token, String(holdMs)],
            });
            if (extended !== 1) return;
          } catch {
            // Try again at the next tick; the key still has up to two thirds of holdMs left.
          }
          if (!stopped) schedule();
        },
        Math.max(1, Math.floor(holdMs / 3)),
      );
      timer.unref();
    };
    schedule();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }

  private async acquire(redisKey: string, token: string, holdMs: number): Promise<void> {
    const deadline = Date.now() + (this.options.waitMs ?? 30_000);
    for (let delay = 20; ; delay = Math.min(delay * 2, 250)) {
      const set = await this.redis.set(redisKey, token, {
        condition: "NX",
        expiration: { type: "PX", value: holdMs },
      });
      if (set === "OK") return;
      if (Date.now() + delay > deadline) {
        throw new BusyError(
          "I'm still working on the previous request in this conversation. Try again in a moment.",
        );
      }
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
