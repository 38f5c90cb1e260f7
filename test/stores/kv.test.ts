import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { createClient, type RedisClientType } from "redis";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { type KeyValueStore, MemoryKeyValueStore, RedisKeyValueStore } from "../../src/stores/kv.js";
import { REDIS_URL, serviceAvailable } from "../support/services.js";

const available = await serviceAvailable("redis");

async function concurrentClaims(store: KeyValueStore, key: string, count = 50): Promise<boolean[]> {
  return Promise.all(Array.from({ length: count }, () => store.claim(key, 60)));
}

describe("MemoryKeyValueStore", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("50 concurrent claims of one key: exactly one wins", async () => {
    const store = new MemoryKeyValueStore();
    const results = await concurrentClaims(store, "event-1");
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it("a claim expires after its ttl, and so does a value", async () => {
    vi.useFakeTimers();
    const store = new MemoryKeyValueStore();
    expect(await store.claim("event", 2)).toBe(true);
    await store.set("preview", "msg-1", 2);
    vi.advanceTimersByTime(1_999);
    expect(await store.claim("event", 2)).toBe(false);
    expect(await store.get("preview")).toBe("msg-1");
    vi.advanceTimersByTime(2);
    expect(await store.get("preview")).toBeUndefined();
    expect(await store.claim("event", 2)).toBe(true);
  });
});

describe.skipIf(!available)("RedisKeyValueStore on a real Redis", () => {
  let redis: RedisClientType;
  const prefix = `kigo:test:kv:${process.pid}:${randomUUID()}:`;

  beforeAll(async () => {
    redis = createClient({ url: REDIS_URL });
    await redis.connect();
  });

  afterAll(async () => {
    for await (const keys of redis.scanIterator({ MATCH: `${prefix}*`, COUNT: 100 })) {
      if (keys.length) await redis.del(keys);
    }
    await redis.quit();
  });

  it("50 concurrent claims of one key: exactly one wins", async () => {
    const store = new RedisKeyValueStore(redis, prefix);
    const results = await concurrentClaims(store, "event-1");
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it("a claim expires after its ttl, and so does a value", async () => {
    const store = new RedisKeyValueStore(redis, prefix);
    expect(await store.claim("event", 1)).toBe(true);
    await store.set("preview", "msg-1", 1);
    expect(await store.claim("event", 1)).toBe(false);
    expect(await store.get("preview")).toBe("msg-1");
    await sleep(1_100);
    expect(await store.get("preview")).toBeUndefined();
    expect(await store.claim("event", 1)).toBe(true);
  });
});
