import { MemorySaver } from "@langchain/langgraph";
import type { BaseCheckpointSaver } from "@langchain/langgraph-checkpoint";
import { SqliteSaver } from "@langchain/langgraph-checkpoint-sqlite";
import type { Logger } from "pino";
import { connectRedis } from "../../redis.js";
import type { SqliteDatabase } from "../../sqlite.js";
import { RedisSaver } from "./redis-saver.js";

export { RedisSaver, type RedisSaverOptions } from "./redis-saver.js";

export interface Checkpointer {
  saver: BaseCheckpointSaver;
  close(): Promise<void>;
}

export interface CheckpointerOptions {
  /** Shared by replicas; checkpoints expire after `ttlSeconds`. */
  redisUrl?: string;
  /**
   * One process, durable: the SQLite database in DATA_DIR, closed by whoever opened it. It keeps
   * every checkpoint of a thread, with no expiry. Without this or Redis, conversations live in
   * memory and are lost on restart.
   */
  sqlite?: SqliteDatabase;
  ttlSeconds: number;
  /** Receives Redis connection errors after start-up, while the client reconnects. */
  logger?: Logger;
}

export async function createCheckpointer(options: CheckpointerOptions): Promise<Checkpointer> {
  if (options.redisUrl) {
    const client = await connectRedis(options.redisUrl, options.logger);
    return { saver: new RedisSaver(client, { ttlSeconds: options.ttlSeconds }), close: () => client.close() };
  }
  if (options.sqlite) return { saver: new SqliteSaver(options.sqlite), close: async () => {} };
  return { saver: new MemorySaver(), close: async () => {} };
}
