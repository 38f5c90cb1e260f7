import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { createClient, type RedisClientType } from "redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BusyError, MemoryLock, RedisLock } from "../../src/stores/locks.js";
import { REDIS_URL, serviceAvailable } from "../support/services.js";

const available = await serviceAvailable("redis");

/** A promise with its resolve, to hold work open until the test lets it finish. */
function gate() {
  let open: () => void = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

describe("MemoryLock", () => {
  it("runs work for one key one at a time, in order", async () => {
    const lock = new MemoryLock();
    const events: string[] = [];
    let inside = 0;
    const work = (name: string) => async () => {
      inside++;
      expect(inside).toBe(1);
      events.push(`${name} start`);
      await sleep(20);
      events.push(`${name} end`);
      inside--;
      return name;
    };
    const results = await Promise.all([
      lock.run("k", work("a")),
      lock.run("k", work("b")),
      lock.run("k", work("c")),
    ]);
    expect(results).toEqual(["a", "b", "c"]);
    expect(events).toEqual(["a start", "a end", "b start", "b end", "c start", "c end"]);
  });

  it("runs different keys concurrently", async () => {
    const lock = new MemoryLock();
    const first = gate();
    let secondRan = false;
    const a = lock.run("a", async () => {
      await first.opened;
    });
    await lock.run("b", async () => {
      secondRan = true;
    });
    expect(secondRan).toBe(true);
    first.open();
    await a;
  });

  it("a failed turn does not block the next one", async () => {
    const lock = new MemoryLock();
    const failed = lock.run("k", async () => {
      throw new Error("boom");
    });
    const next = lock.run("k", async () => "next");
    await expect(failed).rejects.toThrow("boom");
    await expect(next).resolves.toBe("next");
  });
});

describe.skipIf(!available)("RedisLock on a real Redis", () => {
  let redis: RedisClientType;
  let other: RedisClientType;
  const keyPrefix = `kigo:test:lock:${process.pid}:${randomUUID()}:`;

  beforeAll(async () => {
    redis = createClient({ url: REDIS_URL });
    other = createClient({ url: REDIS_URL });
    await Promise.all([redis.connect(), other.connect()]);
  });

  afterAll(async () => {
    for await (const keys of redis.scanIterator({ MATCH: `${keyPrefix}*`, COUNT: 100 })) {
      if (keys.length) await redis.del(keys);
    }
    await Promise.all([redis.quit(), other.quit()]);
  });

  it("keeps mutual exclusion past holdMs while the holder works (renewal)", async () => {
    // Two replicas: separate lock objects and connections, so only Redis keeps them apart.
    const replicaA = new RedisLock(redis, { keyPrefix, holdMs: 300, waitMs: 5_000 });
    const replicaB = new RedisLock(other, { keyPrefix, holdMs: 300, waitMs: 5_000 });
    let aEndedAt = 0;
    let bStartedAt = 0;
    let inside = 0;

    const a = replicaA.run("publish", async () => {
      inside++;
      await sleep(1_000);
      inside--;
      aEndedAt = Date.now();
    });
    await sleep(50);
    const b = replicaB.run("publish", async () => {
      bStartedAt = Date.now();
      expect(inside).toBe(0);
    });
    await Promise.all([a, b]);
    expect(bStartedAt).toBeGreaterThanOrEqual(aEndedAt);
  });

  it("releases the key when the work ends, and stops renewing", async () => {
    const lock = new RedisLock(redis, { keyPrefix, holdMs: 300 });
    await lock.run("released", async () => {
      expect(await redis.exists(`${keyPrefix}released`)).toBe(1);
    });
    expect(await redis.exists(`${keyPrefix}released`)).toBe(0);
    await sleep(250);
    expect(await redis.exists(`${keyPrefix}released`)).toBe(0);
  });

  it("does not renew a key another holder took", async () => {
    const lock = new RedisLock(redis, { keyPrefix, holdMs: 300 });
    const key = `${keyPrefix}stolen`;
    await lock.run("stolen", async () => {
      // The key expired and another replica took it: our renewals must leave it alone.
      await redis.set(key, "someone-else", { expiration: { type: "PX", value: 200 } });
      await sleep(500);
      expect(await redis.exists(key)).toBe(0);
    });
  });

  it("gives up with BusyError after waitMs", async () => {
    const holder = new RedisLock(redis, { keyPrefix, holdMs: 300 });
    const waiter = new RedisLock(other, { keyPrefix, holdMs: 300, waitMs: 200 });
    const release = gate();
    const held = holder.run("busy", () => release.opened);
    await sleep(20);
    await expect(waiter.run("busy", async () => "never")).rejects.toBeInstanceOf(BusyError);
    release.open();
    await held;
  });
});
