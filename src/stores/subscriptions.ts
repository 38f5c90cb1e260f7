import type { Statement } from "better-sqlite3";
import type { Redis } from "../redis.js";
import type { SqliteDatabase } from "../sqlite.js";

/** A channel's scheduled digest, as stored: what the core decided, kept as JSON. */
export interface StoredSubscription {
  /** A small number, so people can type it: "/offers digest unsubscribe 3". */
  id: string;
  [field: string]: unknown;
}

/** Digest subscriptions, shared by every replica (Redis) or kept in DATA_DIR. */
export interface SubscriptionStore {
  /** Stores `fields` under a new id and returns the stored subscription. */
  add<T extends object>(fields: T): Promise<T & { id: string }>;
  get(id: string): Promise<StoredSubscription | undefined>;
  list(): Promise<StoredSubscription[]>;
  /** false when there was no such subscription. */
  remove(id: string): Promise<boolean>;
}

const byId = (a: StoredSubscription, b: StoredSubscription) => Number(a.id) - Number(b.id);

export class SqliteSubscriptionStore implements SubscriptionStore {
  private readonly insert: Statement<[string]>;
  private readonly select: Statement<[string], string>;
  private readonly selectAll: Statement<[], { id: number; body: string }>;
  private readonly delete: Statement<[string]>;

  constructor(db: SqliteDatabase) {
    db.exec(
      "CREATE TABLE IF NOT EXISTS digest_subscriptions (id INTEGER PRIMARY KEY AUTOINCREMENT, body TEXT NOT NULL)",
    );
    this.insert = db.prepare("INSERT INTO digest_subscriptions (body) VALUES (?)");
    this.select = db.prepare<[string], string>("SELECT body FROM digest_subscriptions WHERE id = ?").pluck();
    this.selectAll = db.prepare("SELECT id, body FROM digest_subscriptions ORDER BY id");
    this.delete = db.prepare("DELETE FROM digest_subscriptions WHERE id = ?");
  }

  async add<T extends object>(fields: T): Promise<T & { id: string }> {
    const id = String(this.insert.run(JSON.stringify(fields)).lastInsertRowid);
    return { ...fields, id };
  }

  async get(id: string): Promise<StoredSubscription | undefined> {
    const body = this.select.get(id);
    return body === undefined ? undefined : { ...(JSON.parse(body) as object), id };
  }

  async list(): Promise<StoredSubscription[]> {
    return this.selectAll.all().map((row) => ({ ...(JSON.parse(row.body) as object), id: String(row.id) }));
  }

  async remove(id: string): Promise<boolean> {
    return this.delete.run(id).changes === 1;
  }
}

/** One hash of JSON bodies by id; ids come from a counter, so two replicas never share one. */
export class RedisSubscriptionStore implements SubscriptionStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = "kigo:digest:",
  ) {}

  private get hash() {
    return `${this.prefix}subscriptions`;
  }

  async add<T extends object>(fields: T): Promise<T & { id: string }> {
    const id = String(await this.redis.incr(`${this.prefix}next-id`));
    await this.redis.hSet(this.hash, id, JSON.stringify(fields));
    return { ...fields, id };
  }

  async get(id: string): Promise<StoredSubscription | undefined> {
    const body = await this.redis.hGet(this.hash, id);
    return body ? { ...(JSON.parse(body) as object), id } : undefined;
  }

  async list(): Promise<StoredSubscription[]> {
    const all = await this.redis.hGetAll(this.hash);
    return Object.entries(all)
      .map(([id, body]) => ({ ...(JSON.parse(body) as object), id }))
      .sort(byId);
  }

  async remove(id: string): Promise<boolean> {
    return (await this.redis.hDel(this.hash, id)) === 1;
  }
}
