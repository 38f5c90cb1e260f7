import type { RunnableConfig } from "@langchain/core/runnables";
import {
  BaseCheckpointSaver,
  type ChannelVersions,
  type Checkpoint,
  type CheckpointListOptions,
  type CheckpointMetadata,
  type CheckpointPendingWrite,
  type CheckpointTuple,
  compareWritesSortKeys,
  copyCheckpoint,
  type DeltaChannelHistory,
  getCheckpointId,
  type PendingWrite,
  WRITES_IDX_MAP,
  writesSortKey,
} from "@langchain/langgraph-checkpoint";
import type { Redis } from "../../redis.js";

export interface RedisSaverOptions {
  /** How long a thread nobody touches survives. Every write and every `getTuple` restarts the clock. */
  ttlSeconds: number;
  /** Default "kigo:lg:". */
  keyPrefix?: string;
}

/** Serde output; base64 keeps arbitrary bytes safe inside the JSON records and readable in redis-cli. */
interface StoredValue {
  type: string;
  data: string;
}

interface CheckpointRecord {
  threadId: string;
  ns: string;
  id: string;
  parentId?: string;
  checkpoint: StoredValue;
  metadata: StoredValue;
}

interface WriteRecord {
  taskId: string;
  idx: number;
  channel: string;
  taskPath: string;
  value: StoredValue;
}

type CheckpointAddress = Pick<CheckpointRecord, "threadId" | "ns" | "id">;

/** More than the turns one process has in flight; past it the memory starts again. */
const REMEMBERED_CHECKPOINTS = 1_000;

const globEscape = (literal: string) => literal.replace(/[*?[\]\\]/g, "\\$&");

/**
 * A LangGraph checkpointer on plain Redis keys (no RedisJSON, no RediSearch), for Redis 7 and
 * managed Redis/Valkey services. It keeps only the latest checkpoint of each thread and namespace,
 * with that checkpoint's pending writes: enough to continue or resume a conversation after a
 * restart, not to time-travel. Every key expires after `ttlSeconds` without use.
 *
 * Keys, with the thread in a hash tag so all of a thread's keys share one cluster slot:
 *   {prefix}{thread}:cp:{ns}             string: JSON CheckpointRecord
 *   {prefix}{thread}:w:{ns}:{checkpoint} hash: one JSON WriteRecord per (task, index)
 */
export class RedisSaver extends BaseCheckpointSaver {
  readonly keyPrefix: string;
  private readonly ttlSeconds: number;
  /**
   * The channels held by each checkpoint this process wrote or read, by key and id: a checkpoint
   * never changes once written, and LangGraph asks for the history of exactly the channels a
   * checkpoint it has just read lacks.
   */
  private readonly channelsOf = new Map<string, readonly string[]>();

  constructor(
    private readonly client: Redis,
    options: RedisSaverOptions,
  ) {
    super();
    if (!Number.isInteger(options.ttlSeconds) || options.ttlSeconds <= 0) {
      throw new Error(`RedisSaver ttlSeconds must be a whole number above 0, got ${options.ttlSeconds}`);
    }
    this.ttlSeconds = options.ttlSeconds;
    this.keyPrefix = options.keyPrefix ?? "kigo:lg:";
  }

  async getTuple(config: RunnableConfig): Promise<CheckpointTuple | undefined> {
    const threadId = config.configurable?.thread_id;
    if (threadId === undefined) return undefined;
    const ns: string = config.configurable?.checkpoint_ns ?? "";
    // Reading refreshes the TTL as well: a draft the user keeps looking at (previews, state reads)
    // is in use even on turns that write nothing. `list` does not, so inspecting threads never
    // keeps abandoned ones alive.
    const raw = await this.client.getEx(this.checkpointKey(String(threadId), ns), {
      type: "EX",
      value: this.ttlSeconds,
    });
    if (raw === null) return undefined;
    const record: CheckpointRecord = JSON.parse(raw);
    const wanted = getCheckpointId(config);
    if (wanted && wanted !== record.id) return undefined;
    const [tuple] = await Promise.all([
      this.toTuple(record),
      this.client.expire(this.writesKey(record), this.ttlSeconds),
    ]);
    return tuple;
  }

  /** Yields at most one tuple per thread and namespace (the latest), newest first. */
  async *list(config: RunnableConfig, options: CheckpointListOptions = {}): AsyncGenerator<CheckpointTuple> {
    const { limit, before, filter } = options;
    const checkpointId = config.configurable?.checkpoint_id;
    const beforeId = before?.configurable?.checkpoint_id;
    const records = (
      await this.latestRecords(config.configurable?.thread_id, config.configurable?.checkpoint_ns)
    )
      .filter(
        (record) => (!checkpointId || record.id === checkpointId) && (!beforeId || record.id < beforeId),
      )
      .sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
    let yielded = 0;
    for (const record of records) {
      if (limit !== undefined && yielded >= limit) return;
      const tuple = await this.toTuple(record);
      const metadata: Record<string, unknown> = tuple.metadata ?? {};
      if (filter && !Object.entries(filter).every(([key, value]) => metadata[key] === value)) continue;
      yielded += 1;
      yield tuple;
    }
  }

  async put(
    config: RunnableConfig,
    checkpoint: Checkpoint,
    metadata: CheckpointMetadata,
    _newVersions: ChannelVersions,
  ): Promise<RunnableConfig> {
    const threadId = requireThreadId(config, "put");
    const ns: string = config.configurable?.checkpoint_ns ?? "";
    const parentId: string | undefined = config.configurable?.checkpoint_id;
    const [storedCheckpoint, storedMetadata] = await Promise.all([
      this.dump(copyCheckpoint(checkpoint)),
      this.dump(metadata),
    ]);
    const record: CheckpointRecord = {
      threadId,
      ns,
      id: checkpoint.id,
      parentId,
      checkpoint: storedCheckpoint,
      metadata: storedMetadata,
    };
    const transaction = this.client.multi().set(this.checkpointKey(threadId, ns), JSON.stringify(record), {
      expiration: { type: "EX", value: this.ttlSeconds },
      GET: true,
    });
    // The parent's writes produced this checkpoint, so nothing needs them any more. The new
    // checkpoint's own writes may already be stored (the loop does not wait for `put` before
    // running the next step), which is why writes live under their checkpoint id.
    if (parentId && parentId !== checkpoint.id)
      transaction.del(this.writesKey({ threadId, ns, id: parentId }));
    const [replaced] = await transaction.exec();
    if (typeof replaced === "string") {
      const previous: CheckpointRecord = JSON.parse(replaced);
      // A fork or a concurrent run replaced a checkpoint that is not the parent.
      if (previous.id !== checkpoint.id && previous.id !== parentId)
        await this.client.del(this.writesKey(previous));
    }
    const address = {
      configurable: { thread_id: threadId, checkpoint_ns: ns, checkpoint_id: checkpoint.id },
    };
    this.remember(address, checkpoint);
    return address;
  }

  /**
   * Writes that arrive after their checkpoint was replaced (the loop does not order them against
   * `put`) land under a key no reader looks up, and expire with the TTL.
   */
  async putWrites(
    config: RunnableConfig,
    writes: PendingWrite[],
    taskId: string,
    taskPath = "",
  ): Promise<void> {
    const threadId = requireThreadId(config, "putWrites");
    const id: string | undefined = config.configurable?.checkpoint_id;
    if (id === undefined) {
      throw new Error('RedisSaver.putWrites needs "checkpoint_id" in config.configurable');
    }
    const ns: string = config.configurable?.checkpoint_ns ?? "";
    const key = this.writesKey({ threadId, ns, id });
    const records = await Promise.all(
      writes.map(
        async ([channel, value], position): Promise<WriteRecord> => ({
          taskId,
          idx: WRITES_IDX_MAP[channel] ?? position,
          channel,
          taskPath,
          value: await this.dump(value),
        }),
      ),
    );
    const transaction = this.client.multi();
    for (const record of records) {
      const field = JSON.stringify([record.taskId, record.idx]);
      // As in MemorySaver: a retried task keeps its first regular writes, while the special
      // channels (error, interrupt, resume, scheduled) always hold the newest value.
      if (record.idx >= 0) transaction.hSetNX(key, field, JSON.stringify(record));
      else transaction.hSet(key, field, JSON.stringify(record));
    }
    await transaction
      .expire(key, this.ttlSeconds)
      .expire(this.checkpointKey(threadId, ns), this.ttlSeconds)
      .exec();
  }

  async deleteThread(threadId: string): Promise<void> {
    for await (const keys of this.client.scanIterator({
      MATCH: `${globEscape(this.threadTag(threadId))}:*`,
      COUNT: 1000,
    })) {
      if (keys.length > 0) await this.client.unlink(keys);
    }
  }

  /**
   * LangGraph asks for the history of reducer channels too when reading state. This store keeps
   * each channel's whole value in the latest checkpoint, so that value is the seed and there is
   * nothing to replay; a channel absent from it is empty (LangGraph leaves it at its default).
   * The opt-in DeltaChannel, whose value lives only in ancestors' writes, is not supported.
   */
  override async getDeltaChannelHistory(options: {
    config: RunnableConfig;
    channels: string[];
  }): Promise<Record<string, DeltaChannelHistory>> {
    const known = this.channelsOf.get(this.addressOf(options.config));
    // Empty channels have no history: the answer needs no read.
    if (known && !options.channels.some((channel) => known.includes(channel))) return {};
    if (options.channels.length === 0) return {};
    const values = (await this.getTuple(options.config))?.checkpoint.channel_values ?? {};
    return Object.fromEntries(
      options.channels
        .filter((channel) => Object.hasOwn(values, channel))
        .map((channel) => [channel, { seed: values[channel], writes: [] }]),
    );
  }

  private remember(config: RunnableConfig, checkpoint: Checkpoint): void {
    if (this.channelsOf.size >= REMEMBERED_CHECKPOINTS) this.channelsOf.clear();
    this.channelsOf.set(this.addressOf(config), Object.keys(checkpoint.channel_values));
  }

  /** Thread, namespace and checkpoint id; empty without an id (the latest, which may change). */
  private addressOf(config: RunnableConfig): string {
    const id = getCheckpointId(config);
    if (!id) return "";
    return JSON.stringify([config.configurable?.thread_id, config.configurable?.checkpoint_ns ?? "", id]);
  }

  private threadTag(threadId: string): string {
    return `${this.keyPrefix}{${encodeURIComponent(threadId)}}`;
  }

  private checkpointKey(threadId: string, ns: string): string {
    return `${this.threadTag(threadId)}:cp:${encodeURIComponent(ns)}`;
  }

  private writesKey({ threadId, ns, id }: CheckpointAddress): string {
    return `${this.threadTag(threadId)}:w:${encodeURIComponent(ns)}:${encodeURIComponent(id)}`;
  }

  private async latestRecords(threadId?: string, ns?: string): Promise<CheckpointRecord[]> {
    const keys = new Set<string>();
    if (threadId !== undefined && ns !== undefined) {
      keys.add(this.checkpointKey(threadId, ns));
    } else {
      const thread =
        threadId === undefined ? `${globEscape(this.keyPrefix)}{*}` : globEscape(this.threadTag(threadId));
      const namespace = ns === undefined ? "*" : globEscape(encodeURIComponent(ns));
      for await (const batch of this.client.scanIterator({
        MATCH: `${thread}:cp:${namespace}`,
        COUNT: 1000,
      })) {
        for (const key of batch) keys.add(key);
      }
    }
    if (keys.size === 0) return [];
    const raws = await this.client.mGet([...keys]);
    return raws.filter((raw) => raw !== null).map((raw): CheckpointRecord => JSON.parse(raw));
  }

  private async toTuple(record: CheckpointRecord): Promise<CheckpointTuple> {
    const stored = Object.values(await this.client.hGetAll(this.writesKey(record))).map(
      (raw): WriteRecord => JSON.parse(raw),
    );
    // Live execution applies a superstep's writes in this order; replaying them must match.
    stored.sort((a, b) =>
      compareWritesSortKeys(
        writesSortKey(a.taskPath, a.taskId, a.idx),
        writesSortKey(b.taskPath, b.taskId, b.idx),
      ),
    );
    const [checkpoint, metadata, pendingWrites] = await Promise.all([
      this.load(record.checkpoint),
      this.load(record.metadata),
      Promise.all(
        stored.map(
          async (write): Promise<CheckpointPendingWrite> => [
            write.taskId,
            write.channel,
            await this.load(write.value),
          ],
        ),
      ),
    ]);
    const address = { thread_id: record.threadId, checkpoint_ns: record.ns };
    const tuple: CheckpointTuple = {
      config: { configurable: { ...address, checkpoint_id: record.id } },
      checkpoint,
      metadata,
      pendingWrites,
    };
    this.remember(tuple.config, checkpoint);
    if (record.parentId !== undefined) {
      tuple.parentConfig = { configurable: { ...address, checkpoint_id: record.parentId } };
    }
    return tuple;
  }

  private async dump(value: unknown): Promise<StoredValue> {
    const [type, bytes] = await this.serde.dumpsTyped(value);
    return { type, data: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64") };
  }

  private load(value: StoredValue) {
    return this.serde.loadsTyped(value.type, Buffer.from(value.data, "base64"));
  }
}

function requireThreadId(config: RunnableConfig, method: string): string {
  const threadId = config.configurable?.thread_id;
  if (threadId === undefined) {
    throw new Error(`RedisSaver.${method} needs "thread_id" in config.configurable`);
  }
  return String(threadId);
}
