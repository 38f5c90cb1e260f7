import { MemorySaver } from "@langchain/langgraph";
import type { BaseCheckpointSaver } from "@langchain/langgraph-checkpoint";
import type { Logger } from "pino";
import { connectRedis } from "../../redis.js";
import { RedisSaver } from "./redis-saver.js";

export { RedisSaver, type RedisSaverOptions } from "./redis-saver.js";

export interface Checkpointer {
  saver: BaseCheckpointSaver;
  close(): Promise<void>;
}

export interface CheckpointerOptions {
  /** Without it conversations live in process memory and are lost on restart. */
  redisUrl?: string;
  ttlSeconds: number;
  /** Receives Redis connection errors after start-up, while the client reconnects. */
  logger?: Logger;
}

export async function createCheckpointer(options: CheckpointerOptions): Promise<Checkpointer> {
  if (!options.redisUrl) return { saver: new MemorySaver(), close: async () => {} };
  const client = await connectRedis(options.redisUrl, options.logger);
  return { saver: new RedisSaver(client, { ttlSeconds: options.ttlSeconds }), close: () => client.close() };
}
