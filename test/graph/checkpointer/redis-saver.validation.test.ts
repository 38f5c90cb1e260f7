import { type CheckpointSaverTestInitializer, specTest } from "@langchain/langgraph-checkpoint-validation";
import { createClient, type RedisClientType } from "redis";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, type TestFunction } from "vitest";
import { RedisSaver } from "../../../src/graph/checkpointer/redis-saver.js";
import { freshSchemaName, REDIS_URL, serviceAvailable } from "../../support/services.js";

/**
 * LangGraph's checkpointer conformance suite against RedisSaver on a real Redis. The suite assumes
 * a saver with full history in a few places; those cases are skipped with the reason in their
 * name, and redis-saver.test.ts asserts the latest-only behaviour instead.
 */

const available = await serviceAvailable("redis");

const EXCLUDED: Record<string, string> = {
  "should only store channel_values that have changed (based on newVersions)":
    "the saver stores the whole checkpoint it is given, as MemorySaver does; per-version channel blobs only pay off with history",
  "should migrate pending sends":
    "a pre-v4 checkpoint takes its pending sends from its parent's writes, and the list variant expects the parent too; a latest-only store has dropped both, and this store never held pre-v4 checkpoints",
};

interface ListCase {
  thread_id?: string;
  checkpoint_ns?: string;
  limit?: number;
  before?: unknown;
  filter?: Record<string, unknown>;
  expectedCheckpointIds: string[];
}

/**
 * The list fixture puts, for every thread and namespace, a parent ("input") and then a child
 * ("loop") checkpoint. A latest-only store keeps exactly the children, which are what the case
 * without thread, namespace, limit or before and with filter {source: "loop"} expects. A case
 * applies when the checkpoints it needs are among those.
 */
function latestOnlyListCases(cases: ListCase[]) {
  const childrenOnly = cases.find(
    (c) =>
      c.thread_id === undefined &&
      c.checkpoint_ns === undefined &&
      c.limit === undefined &&
      c.before === undefined &&
      c.filter?.source === "loop",
  );
  if (!childrenOnly)
    throw new Error("The validation suite's list fixture changed: revisit latestOnlyListCases");
  const kept = new Set(childrenOnly.expectedCheckpointIds);
  const applies = ({ limit, expectedCheckpointIds }: ListCase) => {
    const present = expectedCheckpointIds.filter((id) => kept.has(id)).length;
    return limit !== undefined && limit < expectedCheckpointIds.length
      ? present >= limit
      : present === expectedCheckpointIds.length;
  };
  return (name: string, fn: (row: ListCase) => Promise<void>) => {
    const run = cases.filter(applies);
    const skipped = cases.filter((c) => !applies(c));
    if (run.length > 0) it.each(run)(name, fn);
    if (skipped.length > 0)
      it.skip.each(skipped)(`[excluded: expects checkpoints a newer one replaced] ${name}`, fn);
  };
}

const latestOnlyIt = Object.assign(
  (name: string, fn?: TestFunction, timeout?: number) => {
    const reason = EXCLUDED[name];
    if (reason) it.skip(`[excluded: ${reason}] ${name}`, fn, timeout);
    else it(name, fn, timeout);
  },
  { skip: it.skip, each: latestOnlyListCases },
);

// The suite calls vitest's globals, which this project's vitest config leaves off.
Object.assign(globalThis, { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it: latestOnlyIt });

let client: RedisClientType;

const initializer: CheckpointSaverTestInitializer<RedisSaver> = {
  checkpointerName: "RedisSaver",
  beforeAll: async () => {
    client = createClient({ url: REDIS_URL });
    await client.connect();
  },
  afterAll: () => client.close(),
  createCheckpointer: () =>
    new RedisSaver(client, { ttlSeconds: 600, keyPrefix: `kigo:test:${freshSchemaName("lg")}:` }),
  destroyCheckpointer: async (saver) => {
    for await (const keys of client.scanIterator({ MATCH: `${saver.keyPrefix}*`, COUNT: 1000 })) {
      if (keys.length > 0) await client.unlink(keys);
    }
  },
};

describe.skipIf(!available)("RedisSaver: @langchain/langgraph-checkpoint-validation", () => {
  specTest(initializer);
});
