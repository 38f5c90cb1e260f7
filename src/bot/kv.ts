import type { RedisClientType } from "redis";

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

export class RedisKeyValueStore implements KeyValueStore {
  constructor(
    private readonly redis: RedisClientType,
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
