import type { AddressInfo } from "node:net";
import net from "node:net";
import { MemorySaver } from "@langchain/langgraph";
import { emptyCheckpoint } from "@langchain/langgraph-checkpoint";
import { afterEach, describe, expect, it } from "vitest";
import { createCheckpointer, RedisSaver } from "../../../src/graph/checkpointer/index.js";
import { REDIS_URL, serviceAvailable } from "../../support/services.js";

const available = await serviceAvailable("redis");

/**
 * A port with nothing listening, or with a server that reads and never says a word. Closing that
 * server waits for its connections, so a client left connected would hang the test.
 */
async function localPort(silentServer: boolean): Promise<{ port: number; close(): Promise<void> }> {
  const server = net.createServer((socket) => socket.resume());
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  if (!silentServer) await close();
  return { port, close: silentServer ? close : async () => {} };
}

describe("createCheckpointer", () => {
  const opened: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const close of opened.splice(0)) await close();
  });

  it("keeps conversations in memory without a Redis URL", async () => {
    const checkpointer = await createCheckpointer({ ttlSeconds: 60 });
    expect(checkpointer.saver).toBeInstanceOf(MemorySaver);
    await checkpointer.close();
  });

  it("refuses a URL that is not redis:// or rediss://", async () => {
    await expect(createCheckpointer({ redisUrl: "http://127.0.0.1:6379", ttlSeconds: 60 })).rejects.toThrow(
      /REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL/,
    );
  });

  it("fails at once, naming REDIS_URL and hiding the password, when nothing listens", async () => {
    const { port } = await localPort(false);
    const error: Error = await createCheckpointer({
      redisUrl: `redis://:s3cret@127.0.0.1:${port}`,
      ttlSeconds: 60,
    }).catch((caught) => caught);
    expect(error.message).toMatch(
      new RegExp(`Cannot reach Redis at REDIS_URL \\(127\\.0\\.0\\.1:${port}\\)`),
    );
    expect(error.message).not.toContain("s3cret");
  });

  it("gives up within a few seconds on a server that never answers", async () => {
    const silent = await localPort(true);
    opened.push(silent.close);
    const started = Date.now();
    await expect(
      createCheckpointer({ redisUrl: `redis://127.0.0.1:${silent.port}`, ttlSeconds: 60 }),
    ).rejects.toThrow(/REDIS_URL .* no answer/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it.skipIf(!available)("stores checkpoints in Redis when REDIS_URL is set", async () => {
    const checkpointer = await createCheckpointer({ redisUrl: REDIS_URL, ttlSeconds: 60 });
    opened.push(() => checkpointer.close());
    expect(checkpointer.saver).toBeInstanceOf(RedisSaver);
    const threadId = `create-checkpointer-${process.pid}-${Date.now()}`;
    const config = await checkpointer.saver.put(
      { configurable: { thread_id: threadId } },
      emptyCheckpoint(),
      { source: "input", step: -1, parents: {} },
      {},
    );
    expect((await checkpointer.saver.getTuple(config))?.config).toEqual(config);
    await checkpointer.saver.deleteThread(threadId);
  });
});
