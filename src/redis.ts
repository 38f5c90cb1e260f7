import type { Logger } from "pino";
import {
  ClientClosedError,
  ClientOfflineError,
  ConnectionTimeoutError,
  RedisClient,
  SocketClosedUnexpectedlyError,
} from "redis";

const CONNECT_TIMEOUT_MS = 3_000;

/**
 * One client class for every connection. node-redis builds a class per distinct options object
 * and keeps only the last, and the `redis` package's createClient adds the Redis Stack modules'
 * hundreds of commands to each: the bot's clients, named apart, built it over and over at start
 * (about 90 MB of garbage and 150 ms). Plain Redis 7 is all the app needs, so no modules.
 */
export const newRedisClient = RedisClient.factory();

/** A node-redis client of the app's one class. */
export type Redis = ReturnType<typeof newRedisClient>;

/**
 * A connected node-redis client, or one clear error naming REDIS_URL. Failing to connect at start
 * is a configuration problem to report, not to retry forever; once running, a dropped connection
 * is retried with capped backoff.
 */
export async function connectRedis(url: string, logger?: Logger): Promise<Redis> {
  if (!URL.canParse(url) || !/^rediss?:$/.test(new URL(url).protocol)) {
    throw new Error("REDIS_URL must be a redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379");
  }
  let connected = false;
  const client = newRedisClient({
    url,
    // While Redis is down a command fails at once: queued, it would hold the user's turn until
    // Redis came back, with no reply at all.
    disableOfflineQueue: true,
    socket: {
      connectTimeout: CONNECT_TIMEOUT_MS,
      reconnectStrategy: (retries, cause) => (connected ? Math.min(100 * 2 ** retries, 5_000) : cause),
    },
  });
  // node-redis re-throws "error" events nobody listens to, which would crash the process.
  client.on("error", (error: Error) => logger?.warn({ err: error }, "Redis connection error"));
  let timer: NodeJS.Timeout | undefined;
  try {
    // connectTimeout covers only the TCP handshake; a server that accepts and never answers
    // would otherwise keep start-up waiting forever.
    const silence = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error("no answer")), CONNECT_TIMEOUT_MS);
    });
    await Promise.race([client.connect(), silence]);
    connected = true;
  } catch (error) {
    client.destroy();
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      // Host and port only: the URL may carry a password.
      `Cannot reach Redis at REDIS_URL (${new URL(url).host}) within ${CONNECT_TIMEOUT_MS / 1000} s: ${reason}. ` +
        "Start Redis or fix REDIS_URL; leave REDIS_URL unset to keep conversations in DATA_DIR.",
      { cause: error },
    );
  } finally {
    clearTimeout(timer);
  }
  return client;
}

const OUTAGES = [
  ClientOfflineError,
  ClientClosedError,
  SocketClosedUnexpectedlyError,
  ConnectionTimeoutError,
];

/** Whether a failure, or what caused it, is Redis being unreachable (not a bug to report). */
export function isRedisOutage(error: unknown): boolean {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    if (OUTAGES.some((outage) => cause instanceof outage)) return true;
  }
  return false;
}
