import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient, type RedisClientType } from "redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSqlite } from "../../src/sqlite.js";
import {
  RedisSubscriptionStore,
  SqliteSubscriptionStore,
  type SubscriptionStore,
} from "../../src/stores/subscriptions.js";
import { REDIS_URL, serviceAvailable } from "../support/services.js";

const available = await serviceAvailable("redis");

/** What every store must do: numbered ids people can type, listed in order, removable once. */
async function behaves(store: SubscriptionStore): Promise<void> {
  const first = await store.add({ channel: "C1", cron: "0 9 * * 1" });
  const second = await store.add({ channel: "C2", cron: "0 8 * * *" });
  expect(Number(second.id)).toBeGreaterThan(Number(first.id));
  expect(await store.get(first.id)).toEqual({ id: first.id, channel: "C1", cron: "0 9 * * 1" });
  expect((await store.list()).map((item) => item.channel)).toEqual(["C1", "C2"]);
  expect(await store.remove(first.id)).toBe(true);
  expect(await store.remove(first.id)).toBe(false);
  expect(await store.get(first.id)).toBeUndefined();
  expect((await store.list()).map((item) => item.id)).toEqual([second.id]);
}

describe("SqliteSubscriptionStore", () => {
  const dir = mkdtempSync(join(tmpdir(), "kigo-subscriptions-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("keeps subscriptions in DATA_DIR, across a restart", async () => {
    const file = join(dir, "bot.sqlite");
    const db = openSqlite(file);
    await behaves(new SqliteSubscriptionStore(db));
    db.close();
    const reopened = openSqlite(file);
    expect((await new SqliteSubscriptionStore(reopened).list()).map((item) => item.channel)).toEqual(["C2"]);
    reopened.close();
  });
});

describe.skipIf(!available)("RedisSubscriptionStore on a real Redis", () => {
  let redis: RedisClientType;
  const prefix = `test:${randomUUID()}:`;

  beforeAll(async () => {
    redis = createClient({ url: REDIS_URL });
    await redis.connect();
  });

  afterAll(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(keys);
    await redis.quit();
  });

  it("shares subscriptions between replicas, with ids no two replicas give twice", async () => {
    await behaves(new RedisSubscriptionStore(redis, prefix));
    const [a, b] = [new RedisSubscriptionStore(redis, prefix), new RedisSubscriptionStore(redis, prefix)];
    const added = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).add({ n: i })));
    expect(new Set(added.map((item) => item.id)).size).toBe(20);
    expect(await b.list()).toHaveLength(21);
  });
});
