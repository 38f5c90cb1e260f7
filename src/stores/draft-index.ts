import type { Statement } from "better-sqlite3";
import type { DraftStatus } from "../graph/turn.js";
import type { Redis } from "../redis.js";
import type { SqliteDatabase } from "../sqlite.js";

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

/**
 * One process, durable: a table in the bot's SQLite database (DATA_DIR). Like the Redis index, a
 * draft untouched for the TTL drops out of the list; expired rows are deleted at start.
 */
export class SqliteDraftIndex implements DraftIndex {
  private readonly upsert: Statement<[string, string, string, string, string, number]>;
  private readonly select: Statement<[string, number], DraftEntry>;

  constructor(
    db: SqliteDatabase,
    private readonly ttlSeconds: number,
  ) {
    db.exec(`CREATE TABLE IF NOT EXISTS draft_index (
      user_id TEXT NOT NULL, thread_key TEXT NOT NULL, title TEXT NOT NULL, status TEXT NOT NULL,
      updated_at TEXT NOT NULL, expires_at INTEGER NOT NULL, PRIMARY KEY (user_id, thread_key))`);
    db.prepare("DELETE FROM draft_index WHERE expires_at <= ?").run(Date.now());
    this.upsert = db.prepare(
      `INSERT INTO draft_index (user_id, thread_key, title, status, updated_at, expires_at)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (user_id, thread_key) DO UPDATE SET title = excluded.title, status = excluded.status,
         updated_at = excluded.updated_at, expires_at = excluded.expires_at`,
    );
    this.select = db.prepare(
      `SELECT thread_key AS threadKey, title, status, updated_at AS updatedAt
       FROM draft_index WHERE user_id = ? AND expires_at > ?`,
    );
  }

  async save(userId: string, entry: DraftEntry): Promise<void> {
    const expiresAt = Date.now() + this.ttlSeconds * 1000;
    this.upsert.run(userId, entry.threadKey, entry.title, entry.status, entry.updatedAt, expiresAt);
  }

  async list(userId: string): Promise<DraftEntry[]> {
    return newestFirst(this.select.all(userId, Date.now()));
  }
}

/** One hash per user; the hash expires with the drafts it lists. */
export class RedisDraftIndex implements DraftIndex {
  constructor(
    private readonly redis: Redis,
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
