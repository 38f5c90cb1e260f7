import type { RunnableConfig } from "@langchain/core/runnables";
import {
  BaseCheckpointSaver,
  type ChannelVersions,
  type Checkpoint,
  type CheckpointListOptions,
  type CheckpointMetadata,
  type CheckpointTuple,
  type PendingWrite,
} from "@langchain/langgraph-checkpoint";
import type { Logger } from "pino";
import { keepValid } from "../extractor/validate.js";

/** More than the turns one process has in flight; past it the set starts again. */
const PASSED_LIMIT = 1_000;

/**
 * Any saver, with every draft it loads passed through the draft's validators. A value stored
 * before a validator existed (a time zone Intl does not know, a javascript: link) would otherwise
 * break every turn of its conversation; dropped here, the bot simply asks for it again.
 */
export class RepairingSaver extends BaseCheckpointSaver {
  /**
   * Checkpoints whose draft passed, by thread, namespace and id. A checkpoint never changes once
   * written, and a turn reads the same one several times: each is checked once per process.
   */
  readonly #passed = new Set<string>();

  constructor(
    private readonly inner: BaseCheckpointSaver,
    private readonly logger?: Logger,
  ) {
    super(inner.serde);
  }

  async getTuple(config: RunnableConfig): Promise<CheckpointTuple | undefined> {
    const tuple = await this.inner.getTuple(config);
    return tuple && this.#repaired(tuple);
  }

  async *list(config: RunnableConfig, options?: CheckpointListOptions): AsyncGenerator<CheckpointTuple> {
    for await (const tuple of this.inner.list(config, options)) yield this.#repaired(tuple);
  }

  put(
    config: RunnableConfig,
    checkpoint: Checkpoint,
    metadata: CheckpointMetadata,
    newVersions: ChannelVersions,
  ): Promise<RunnableConfig> {
    return this.inner.put(config, checkpoint, metadata, newVersions);
  }

  putWrites(
    config: RunnableConfig,
    writes: PendingWrite[],
    taskId: string,
    taskPath?: string,
  ): Promise<void> {
    return this.inner.putWrites(config, writes, taskId, taskPath);
  }

  deleteThread(threadId: string): Promise<void> {
    return this.inner.deleteThread(threadId);
  }

  override getNextVersion(current: number | undefined): number {
    return this.inner.getNextVersion(current);
  }

  /**
   * The inner saver's answer, not the base class's walk through the ancestors, which reads and
   * repairs the checkpoint again. LangGraph asks only for channels the checkpoint lacks, and the
   * draft is never one (it starts as {}), so there is no draft in the answer to repair.
   */
  override getDeltaChannelHistory(
    options: Parameters<BaseCheckpointSaver["getDeltaChannelHistory"]>[0],
  ): ReturnType<BaseCheckpointSaver["getDeltaChannelHistory"]> {
    return this.inner.getDeltaChannelHistory(options);
  }

  #repaired(tuple: CheckpointTuple): CheckpointTuple {
    const thread = tuple.config.configurable?.thread_id;
    const draft = this.#checkpointDraft(tuple, thread);
    const pendingWrites = tuple.pendingWrites?.map(([task, channel, value]): [string, string, unknown] =>
      channel === "draft" ? [task, channel, this.#valid(value, thread)] : [task, channel, value],
    );
    return {
      ...tuple,
      checkpoint: {
        ...tuple.checkpoint,
        channel_values: {
          ...tuple.checkpoint.channel_values,
          ...(draft !== undefined && { draft }),
        },
      },
      ...(pendingWrites && { pendingWrites }),
    };
  }

  #checkpointDraft(tuple: CheckpointTuple, thread: unknown): unknown {
    const draft = tuple.checkpoint.channel_values.draft;
    const key = `${thread}\u0000${tuple.config.configurable?.checkpoint_ns ?? ""}\u0000${tuple.checkpoint.id}`;
    if (this.#passed.has(key)) return draft;
    const valid = this.#valid(draft, thread);
    if (valid === draft) {
      if (this.#passed.size >= PASSED_LIMIT) this.#passed.clear();
      this.#passed.add(key);
    }
    return valid;
  }

  #valid(draft: unknown, thread: unknown): unknown {
    if (draft === undefined) return undefined;
    const { patch, dropped } = keepValid(draft);
    if (dropped.length === 0) return draft;
    this.logger?.warn({ thread, dropped }, "stored draft had invalid values; they were dropped on load");
    return patch;
  }
}
