import type { RedisClientType } from "redis";
import type { DraftStatus } from "../graph/turn.js";

export interface DraftEntry {
  threadKey: string;
  title: string;
  status: DraftStatus;
  updatedAt: string;
}

/** Each user's drafts, newest first, so they can be listed and resumed from any channel. */
export interface DraftIndex {
  save(userId: string, entry: DraftEntry): Promise<void>;
  list(userId: string): Promise<DraftEntry[]>;
}

const newestFirst = (entries: DraftEntry[]) => entries.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));

export class MemoryDraftIndex implements DraftIndex {
  private readonly byUser = new Map<string, Map<string, DraftEntry>>();

  async save(userId: string, entry: DraftEntry): Promise<void> {
    const entries = this.byUser.get(userId) ?? new Map<string, DraftEntry>();
    entries.set(entry.threadKey, entry);
    this.byUser.set(userId, entries);
  }

  async list(userId: string): Promise<DraftEntry[]> {
    return newestFirst([...(this.byUser.get(userId)?.values() ?? [])]);
  }
}

/** One hash per user; the hash expires with the drafts it lists. */
export class RedisDraftIndex implements DraftIndex {
  constructor(
    private readonly redis: RedisClientType,
    private readonly ttlSeconds: number,
    private readonly keyPrefix = "kigo:drafts:",
  ) {}

  async save(userId: string, entry: DraftEntry): Promise<void> {
    const key = `${this.keyPrefix}${userId}`;
    await this.redis
      .multi()
      .hSet(key, entry.threadKey, JSON.stringify(entry))
      .expire(key, this.ttlSeconds)
      .exec();
  }

  async list(userId: string): Promise<DraftEntry[]> {
    const values = Object.values(await this.redis.hGetAll(`${this.keyPrefix}${userId}`));
    return newestFirst(values.map((value) => JSON.parse(value) as DraftEntry));
  }
}
