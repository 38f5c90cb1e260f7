import pino from "pino";
import { createClient } from "redis";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  bullmqScheduler,
  type DigestScheduler,
  inProcessScheduler,
} from "../../../src/core/digest/scheduler.js";
import { Metrics } from "../../../src/core/metrics.js";
import { freshSchemaName, REDIS_URL, serviceAvailable } from "../../support/services.js";

const logger = pino({ level: "silent" });
const EVERY_SECOND = "* * * * * *";
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let redis = false;
const open: DigestScheduler[] = [];

beforeAll(async () => {
  redis = await serviceAvailable("redis");
});

afterEach(async () => {
  await Promise.all(open.splice(0).map((scheduler) => scheduler.close()));
});

describe("digests scheduled with BullMQ on Redis", () => {
  it("runs each tick once across two replicas, and stops when unsubscribed", async ({ skip }) => {
    if (!redis) skip();
    const prefix = freshSchemaName("digest");
    const runs: { replica: string; tick: string }[] = [];
    const replica = async (name: string) => {
      const scheduler = await bullmqScheduler({
        redisUrl: REDIS_URL,
        prefix,
        logger,
        run: async (_subscription, tick) => {
          runs.push({ replica: name, tick });
        },
      });
      open.push(scheduler);
      return scheduler;
    };
    const first = await replica("a");
    await replica("b");
    await first.schedule({ subscriptionId: "sub-1", cron: EVERY_SECOND, timeZone: "America/Chicago" });
    await sleep(3500);
    await first.unschedule("sub-1");
    const ticks = runs.map((run) => run.tick);
    expect(ticks.length).toBeGreaterThanOrEqual(2);
    expect(new Set(ticks).size).toBe(ticks.length);
    const after = runs.length;
    await sleep(1500);
    expect(runs.length).toBe(after);
  }, 15_000);

  it("closes its Redis connections on shutdown", async ({ skip }) => {
    if (!redis) skip();
    const prefix = freshSchemaName("digest");
    const inspector = createClient({ url: REDIS_URL });
    await inspector.connect();
    const connections = async () =>
      (await inspector.clientList()).filter((client) => client.name === `${prefix}-digests`).length;
    try {
      const scheduler = await bullmqScheduler({ redisUrl: REDIS_URL, prefix, logger, run: async () => {} });
      await scheduler.schedule({ subscriptionId: "sub-1", cron: "0 9 1 1 *", timeZone: "UTC" });
      expect(await connections()).toBeGreaterThan(0);
      await scheduler.close();
      expect(await connections()).toBe(0);
    } finally {
      await inspector.quit();
    }
  });

  it("reports the queue's depth to /metrics on each scrape", async ({ skip }) => {
    if (!redis) skip();
    // No worker here: the jobs stay waiting, as they do while every worker is busy.
    const scheduler = await bullmqScheduler({
      redisUrl: REDIS_URL,
      prefix: freshSchemaName("digest"),
      logger,
      worker: false,
      run: async () => {},
    });
    open.push(scheduler);
    const metrics = new Metrics();
    metrics.watchQueue(async () => scheduler.depth?.());
    await scheduler.enqueue("sub-1", "t1");
    await scheduler.enqueue("sub-2", "t1");
    const { body } = await metrics.exposition();
    expect(body).toContain('kigo_bot_digest_queue_jobs{state="waiting"} 2');
    expect(body).toContain('kigo_bot_digest_queue_jobs{state="active"} 0');
  });

  it("retries a failed digest and keeps the other subscriptions running", async ({ skip }) => {
    if (!redis) skip();
    const attempts = new Map<string, number>();
    const delivered: string[] = [];
    const scheduler = await bullmqScheduler({
      redisUrl: REDIS_URL,
      prefix: freshSchemaName("digest"),
      logger,
      retryDelayMs: 100,
      run: async (subscription, tick) => {
        const attempt = (attempts.get(tick) ?? 0) + 1;
        attempts.set(tick, attempt);
        if (subscription === "always-fails") throw new Error("Slack is down for this channel");
        if (attempt === 1) throw new Error("first attempt fails");
        delivered.push(tick);
      },
    });
    open.push(scheduler);
    await scheduler.schedule({ subscriptionId: "flaky", cron: EVERY_SECOND, timeZone: "UTC" });
    await scheduler.schedule({ subscriptionId: "always-fails", cron: EVERY_SECOND, timeZone: "UTC" });
    await sleep(3000);
    expect(delivered.length).toBeGreaterThanOrEqual(1);
    for (const tick of delivered) expect(attempts.get(tick)).toBe(2);
  }, 15_000);
});

describe("digests scheduled in-process without Redis", () => {
  it("runs on the schedule, logs a failure without stopping, and stops when unsubscribed", async () => {
    const runs: string[] = [];
    let failed = false;
    const scheduler = inProcessScheduler({
      logger,
      run: async (subscription) => {
        runs.push(subscription);
        if (!failed) {
          failed = true;
          throw new Error("first run fails");
        }
      },
    });
    open.push(scheduler);
    await scheduler.schedule({ subscriptionId: "console", cron: EVERY_SECOND, timeZone: "UTC" });
    await sleep(2500);
    expect(runs.length).toBeGreaterThanOrEqual(2);
    await scheduler.unschedule("console");
    const after = runs.length;
    await sleep(1200);
    expect(runs.length).toBe(after);
  }, 10_000);
});
