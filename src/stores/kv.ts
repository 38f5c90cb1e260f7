import type { Statement } from "better-sqlite3";
import type { Redis } from "../redis.js";
import type { SqliteDatabase } from "../sqlite.js";

/**
 * Small shared facts with an expiry: delivered event ids (de-duplication), where a thread's
 * preview message sits (updated in place), which approval card belongs to a draft.
 */
export interface KeyValueStore {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, ttlSeconds: number): Promise<void>;
  /** true when the key was free and is now taken: the first delivery of an event wins. */
  claim(key: string, ttlSeconds: number): Promise<boolean>;
}

/**
 * One process. Every method reads and writes the map synchronously (no await in between), so a
 * claim's check and set cannot interleave with another claim of the same key.
 */
export class MemoryKeyValueStore implements KeyValueStore {
  private readonly entries = new Map<string, { value: string; expiresAt: number }>();

  async get(key: string): Promise<string | undefined> {
    return this.current(key);
  }

  async set(key: string, value: string, ttlSeconds: number): Promise<void> {
    this.put(key, value, ttlSeconds);
  }

  async claim(key: string, ttlSeconds: number): Promise<boolean> {
    if (this.current(key) !== undefined) return false;
    this.put(key, "1", ttlSeconds);
    return true;
  }

  private current(key: string): string | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt > Date.now()) return entry.value;
    this.entries.delete(key);
    return undefined;
  }

  private put(key: string, value: string, ttlSeconds: number): void {
    this.entries.set(key, { value, expiresAt: Date.now() + ttlSeconds * 1000 });
  }
}

/**
 * One process, durable: a table in the bot's SQLite database (DATA_DIR), so a restarted bot still
 * updates its preview messages in place and ignores Slack's retries of events it already handled.
 * Each statement is atomic, so a claim cannot interleave with another claim of the same key.
 */
export class SqliteKeyValueStore implements KeyValueStore {
  private readonly select: Statement<[string, number], string>;
  private readonly upsert: Statement<[string, string, number]>;
  private readonly claimIfFree: Statement<[string, number, number]>;
  private readonly prune: Statement<[number]>;

  constructor(db: SqliteDatabase) {
    db.exec(`CREATE TABLE IF NOT EXISTS key_values (
      key TEXT PRIMARY KEY, value TEXT NOT NULL, expires_at INTEGER NOT NULL)`);
    db.exec("CREATE INDEX IF NOT EXISTS key_values_expiry ON key_values (expires_at)");
    this.select = db
      .prepare<[string, number], string>("SELECT value FROM key_values WHERE key = ? AND expires_at > ?")
      .pluck();
    this.upsert = db.prepare(
      `INSERT INTO key_values (key, value, expires_at) VALUES (?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at`,
    );
    this.claimIfFree = db.prepare(
      `INSERT INTO key_values (key, value, expires_at) VALUES (?, '1', ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at
       WHERE key_values.expires_at <= ?`,
    );
    this.prune = db.prepare("DELETE FROM key_values WHERE expires_at <= ?");
    this.prune.run(Date.now());
  }

  async get(key: string): Promise<string | undefined> {
    return this.select.get(key, Date.now());
  }

  async set(key: string, value: string, ttlSeconds: number): Promise<void> {
    this.upsert.run(key, value, Date.now() + ttlSeconds * 1000);
  }

  async claim(key: string, ttlSeconds: number): Promise<boolean> {
    const now = Date.now();
    // Claims are where keys pile up (one per delivered event), so expired ones go here.
    this.prune.run(now);
    return this.claimIfFree.run(key, now + ttlSeconds * 1000, now).changes === 1;
  }
}

export class RedisKeyValueStore implements KeyValueStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = "kigo:kv:",
  ) {}

  async get(key: string): Promise<string | undefined> {
    return (await this.redis.get(this.prefix + key)) ?? undefined;
  }

  async set(key: string, value: string, ttlSeconds: number): Promise<void> {
    await this.redis.set(this.prefix + key, value, { expiration: { type: "EX", value: ttlSeconds } });
  }

  async claim(key: string, ttlSeconds: number): Promise<boolean> {
    const result = await this.redis.set(this.prefix + key, "1", {
      condition: "NX",
      expiration: { type: "EX", value: ttlSeconds },
    });
    return result === "OK";
  }
}
