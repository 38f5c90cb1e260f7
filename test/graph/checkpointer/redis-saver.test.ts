import { AIMessage, type BaseMessage, HumanMessage } from "@langchain/core/messages";
import type { RunnableConfig } from "@langchain/core/runnables";
import { Annotation, Command, END, INTERRUPT, interrupt, START, StateGraph } from "@langchain/langgraph";
import {
  type Checkpoint,
  type CheckpointTuple,
  emptyCheckpoint,
  uuid6,
} from "@langchain/langgraph-checkpoint";
import { createClient, type RedisClientType } from "redis";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { RedisSaver } from "../../../src/graph/checkpointer/redis-saver.js";
import { freshSchemaName, REDIS_URL, serviceAvailable } from "../../support/services.js";

const available = await serviceAvailable("redis");

const ttlSeconds = 3600;

const ConfirmState = Annotation.Root({
  messages: Annotation<BaseMessage[]>({
    reducer: (previous, next) => previous.concat(next),
    default: () => [],
  }),
});

/** Drafts, asks the user to confirm (interrupt), publishes. */
function confirmGraph(saver: RedisSaver) {
  return new StateGraph(ConfirmState)
    .addNode("draft", (state) => ({ messages: [new AIMessage(`Draft: ${state.messages[0]?.content}`)] }))
    .addNode("confirm", () => ({
      messages: [new HumanMessage(interrupt<string, string>("Publish the draft?"))],
    }))
    .addNode("publish", () => ({ messages: [new AIMessage("Published")] }))
    .addEdge(START, "draft")
    .addEdge("draft", "confirm")
    .addEdge("confirm", "publish")
    .addEdge("publish", END)
    .compile({ checkpointer: saver });
}

const CounterState = Annotation.Root({
  target: Annotation<number>(),
  rounds: Annotation<number>({ reducer: (_previous, next) => next, default: () => 0 }),
});

/** Loops one node `target` times: one checkpoint per step. */
function counterGraph(saver: RedisSaver) {
  return new StateGraph(CounterState)
    .addNode("tick", (state) => ({ rounds: state.rounds + 1 }))
    .addEdge(START, "tick")
    .addConditionalEdges("tick", (state) => (state.rounds < state.target ? "tick" : END))
    .compile({ checkpointer: saver });
}

const thread = (thread_id: string, checkpoint_ns = ""): RunnableConfig => ({
  configurable: { thread_id, checkpoint_ns },
});

const checkpointWithId = (id: string): Checkpoint => ({ ...emptyCheckpoint(), id });

async function collect(iterator: AsyncGenerator<CheckpointTuple>): Promise<CheckpointTuple[]> {
  const tuples: CheckpointTuple[] = [];
  for await (const tuple of iterator) tuples.push(tuple);
  return tuples;
}

describe.skipIf(!available)("RedisSaver on a real Redis", () => {
  let client: RedisClientType;
  let keyPrefix: string;
  let saver: RedisSaver;

  async function connect(): Promise<RedisClientType> {
    const connection: RedisClientType = createClient({ url: REDIS_URL });
    await connection.connect();
    return connection;
  }

  async function keysUnder(): Promise<string[]> {
    const keys: string[] = [];
    for await (const batch of client.scanIterator({ MATCH: `${keyPrefix}*`, COUNT: 1000 }))
      keys.push(...batch);
    return keys;
  }

  async function putCheckpoint(config: RunnableConfig, id: string, source: "input" | "loop") {
    return saver.put(
      config,
      checkpointWithId(id),
      { source, step: source === "input" ? -1 : 0, parents: {} },
      {},
    );
  }

  beforeEach(async () => {
    keyPrefix = `kigo:test:${freshSchemaName("lg")}:`;
    client = await connect();
    saver = new RedisSaver(client, { ttlSeconds, keyPrefix });
  });

  afterEach(async () => {
    const keys = await keysUnder();
    if (keys.length > 0) await client.unlink(keys);
    await client.close();
  });

  it("resumes an interrupted graph from a new saver on a new connection, as after a restart", async () => {
    const config = thread("conversation-1");
    const beforeRestart = await connect();
    await confirmGraph(new RedisSaver(beforeRestart, { ttlSeconds, keyPrefix })).invoke(
      { messages: [new HumanMessage("20% off pizza")] },
      config,
    );
    await beforeRestart.close();

    const afterRestart = await connect();
    try {
      const graph = confirmGraph(new RedisSaver(afterRestart, { ttlSeconds, keyPrefix }));
      const paused = await graph.getState(config);
      expect(paused.next).toEqual(["confirm"]);
      expect(paused.tasks.flatMap((task) => task.interrupts.map((pending) => pending.value))).toEqual([
        "Publish the draft?",
      ]);
      const done = await graph.invoke(new Command({ resume: "yes" }), config);
      expect(done.messages.map((message) => message.content)).toEqual([
        "20% off pizza",
        "Draft: 20% off pizza",
        "yes",
        "Published",
      ]);
      expect(done.messages[0]).toBeInstanceOf(HumanMessage);
      expect((await graph.getState(config)).next).toEqual([]);
    } finally {
      await afterRestart.close();
    }
  });

  it("sets the TTL on every key it writes and restarts it when the thread is read", async () => {
    const config = thread("conversation-ttl");
    await confirmGraph(saver).invoke({ messages: [new HumanMessage("BOGO burgers")] }, config);
    const keys = await keysUnder();
    // The checkpoint, and its pending writes holding the interrupt.
    expect(keys).toHaveLength(2);
    for (const key of keys) {
      const ttl = await client.ttl(key);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(ttlSeconds);
    }

    for (const key of keys) await client.expire(key, 5);
    const tuple = await saver.getTuple(config);
    expect(tuple?.pendingWrites?.map(([, channel]) => channel)).toEqual([INTERRUPT]);
    for (const key of keys) expect(await client.ttl(key)).toBeGreaterThan(ttlSeconds - 60);
  });

  it("keeps one checkpoint per thread however many steps run", async () => {
    const graph = counterGraph(saver);
    await graph.invoke({ target: 2 }, thread("short"));
    const keysAfterShortRun = await keysUnder();
    await graph.invoke({ target: 12 }, thread("long"));

    expect(keysAfterShortRun).toHaveLength(1);
    expect(await keysUnder()).toHaveLength(2);
    const history = await collect(saver.list(thread("long")));
    expect(history).toHaveLength(1);
    expect(history[0]?.checkpoint.channel_values).toMatchObject({ target: 12, rounds: 12 });
    expect(history[0]?.metadata?.step).toBe(12);
  });

  it("deletes every key of one thread and nothing of another", async () => {
    const graph = confirmGraph(saver);
    // A thread id with key and glob syntax in it, and one that is its prefix.
    await graph.invoke({ messages: [new HumanMessage("a")] }, thread("team:T1/channel*C9"));
    await graph.invoke({ messages: [new HumanMessage("b")] }, thread("team:T1"));
    expect(await keysUnder()).toHaveLength(4);

    await saver.deleteThread("team:T1/channel*C9");

    expect(await keysUnder()).toHaveLength(2);
    expect(await saver.getTuple(thread("team:T1/channel*C9"))).toBeUndefined();
    expect((await saver.getTuple(thread("team:T1")))?.pendingWrites).toHaveLength(1);
  });

  it("replaces the previous checkpoint and drops its pending writes", async () => {
    const parentId = uuid6(3);
    const childId = uuid6(3);
    const parent = await putCheckpoint(thread("t"), parentId, "input");
    await saver.putWrites(parent, [["animals", "dog"]], "task-1");
    const child = await putCheckpoint(parent, childId, "loop");

    expect(await saver.getTuple(parent)).toBeUndefined();
    const latest = await saver.getTuple(thread("t"));
    expect(latest?.config).toEqual(child);
    expect(latest?.parentConfig).toEqual(parent);
    expect(latest?.pendingWrites).toEqual([]);
    expect((await collect(saver.list(thread("t")))).map((tuple) => tuple.checkpoint.id)).toEqual([childId]);
    expect(await keysUnder()).toHaveLength(1);
  });

  it("keeps writes that reach a checkpoint before its put, and drops those of a replaced non-parent", async () => {
    const first = await putCheckpoint(thread("t"), uuid6(3), "input");
    await saver.putWrites(first, [["animals", "dog"]], "task-1");
    // A fork: its parent is not the checkpoint it replaces.
    const forkId = uuid6(3);
    const forkConfig = { configurable: { thread_id: "t", checkpoint_ns: "", checkpoint_id: forkId } };
    await saver.putWrites(forkConfig, [["animals", "cat"]], "task-2");
    await putCheckpoint(thread("t"), forkId, "loop");

    expect((await saver.getTuple(thread("t")))?.pendingWrites).toEqual([["task-2", "animals", "cat"]]);
    expect(await keysUnder()).toHaveLength(2);
  });

  it("orders pending writes as live execution applies them and keeps a retried task's first writes", async () => {
    const config = await putCheckpoint(thread("t"), uuid6(3), "loop");
    await saver.putWrites(config, [["animals", "bird"]], "task-b", "~b");
    await saver.putWrites(config, [["animals", "dog"]], "task-a", "~a");
    await saver.putWrites(config, [["animals", "cat"]], "task-a", "~a");
    await saver.putWrites(config, [[INTERRUPT, "first"]], "task-c", "~c");
    await saver.putWrites(config, [[INTERRUPT, "second"]], "task-c", "~c");

    expect((await saver.getTuple(config))?.pendingWrites).toEqual([
      ["task-a", "animals", "dog"],
      ["task-b", "animals", "bird"],
      ["task-c", INTERRUPT, "second"],
    ]);
  });

  it("lists the latest checkpoint of each thread and namespace, newest first, with filter, before and limit", async () => {
    const ids: string[] = [];
    for (const config of [thread("t1"), thread("t1", "sub"), thread("t2")]) {
      const parent = await putCheckpoint(config, uuid6(3), "input");
      const childId = uuid6(3);
      await putCheckpoint(parent, childId, "loop");
      ids.push(childId);
    }
    const [t1, t1Sub, t2] = ids;
    const listed = async (config: RunnableConfig, options?: Parameters<RedisSaver["list"]>[1]) =>
      (await collect(saver.list(config, options))).map((tuple) => tuple.checkpoint.id);

    expect(await listed({})).toEqual([t2, t1Sub, t1]);
    expect(await listed({ configurable: { thread_id: "t1" } })).toEqual([t1Sub, t1]);
    expect(await listed({ configurable: { checkpoint_ns: "sub" } })).toEqual([t1Sub]);
    expect(await listed({}, { filter: { source: "input" } })).toEqual([]);
    expect(await listed({}, { filter: { source: "loop" } })).toEqual([t2, t1Sub, t1]);
    expect(await listed({}, { before: { configurable: { checkpoint_id: t2 } } })).toEqual([t1Sub, t1]);
    expect(await listed({}, { limit: 1 })).toEqual([t2]);
    expect(await listed({ configurable: { thread_id: "t1", checkpoint_ns: "", checkpoint_id: t1 } })).toEqual(
      [t1],
    );
  });

  it("serves a channel's history from the latest value and leaves an empty channel out", async () => {
    const config = await saver.put(
      { configurable: { thread_id: "delta", checkpoint_ns: "" } },
      { ...emptyCheckpoint(), id: uuid6(-3), channel_values: { draft: { offerValue: 20 } } },
      { source: "loop", step: 1, parents: {} },
      {},
    );
    expect(await saver.getDeltaChannelHistory({ config, channels: ["draft"] })).toEqual({
      draft: { seed: { offerValue: 20 }, writes: [] },
    });
    expect(await saver.getDeltaChannelHistory({ config, channels: ["draft", "empty"] })).toEqual({
      draft: { seed: { offerValue: 20 }, writes: [] },
    });
    expect(await saver.getDeltaChannelHistory({ config, channels: ["empty"] })).toEqual({});
  });
});
