import { join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { type Logger, pino } from "pino";
import type { Config } from "./config.js";
import { AccessPolicy, ProgramMapping } from "./core/access.js";
import { ConversationService } from "./core/conversation.js";
import { AlertChecker } from "./core/digest/alert-check.js";
import { loadAlertSettings } from "./core/digest/alerts.js";
import { DigestCommands } from "./core/digest/digest-commands.js";
import { DigestService } from "./core/digest/digest-service.js";
import { bullmqScheduler, inProcessScheduler } from "./core/digest/scheduler.js";
import { Metrics } from "./core/metrics.js";
import { OfferBot } from "./core/offer-bot.js";
import { OfferCommands } from "./core/offer-commands.js";
import { OfferFactsStore } from "./core/offer-facts.js";
import type { Outbound } from "./core/outbound.js";
import { Readiness } from "./core/readiness.js";
import { Turns } from "./core/turns.js";
import { createCheckpointer } from "./graph/checkpointer/index.js";
import { RepairingSaver } from "./graph/checkpointer/repair.js";
import { createExtractor } from "./graph/extractor/index.js";
import { buildOfferGraph } from "./graph/graph.js";
import { loadBenchmarks } from "./graph/recommend/benchmarks.js";
import { loadBrandRules } from "./graph/validation/brand-rules.js";
import { createDraftChecker } from "./graph/validation/checker.js";
import { KigoClient } from "./kigo/client.js";
import { describeDatabase } from "./kigo/sandbox/banner.js";
import type { DatabaseOptions } from "./kigo/sandbox/db.js";
import type { EmbeddedSandbox } from "./kigo/sandbox/embedded.js";
import { connectRedis, type Redis } from "./redis.js";
import { openSqlite, type SqliteDatabase } from "./sqlite.js";
import { type AuditLog, boundedAudit, FileAuditLog, RedisAuditLog } from "./stores/audit.js";
import { type DraftIndex, RedisDraftIndex, SqliteDraftIndex } from "./stores/draft-index.js";
import { type KeyValueStore, RedisKeyValueStore, SqliteKeyValueStore } from "./stores/kv.js";
import { type KeyedLock, MemoryLock, RedisLock } from "./stores/locks.js";
import {
  RedisSubscriptionStore,
  SqliteSubscriptionStore,
  type SubscriptionStore,
} from "./stores/subscriptions.js";

export interface OfferBotApp extends AppBase {
  bot: OfferBot;
}

/** Scheduled digests and alerts: stored subscriptions, started once a channel adapter can post. */
export interface Digests {
  service: DigestService;
  /** Schedules the subscriptions and the alert check, posting through `outbound`. */
  start(outbound: Outbound): Promise<void>;
}

/**
 * What every process of the bot needs, with no conversation graph: the Kigo API (the embedded
 * sandbox only when no KIGO_API_URL is set), the stores, and who may do what.
 */
export interface AppBase {
  client: KigoClient;
  /** Where the Kigo admin API is, and whether it is the in-process sandbox. */
  kigo: { url: string; embedded?: EmbeddedSandbox };
  /** Shared facts for channel adapters: delivery, de-duplication, approval cards (Redis when configured). */
  kv: KeyValueStore;
  stores: Stores;
  access: AccessPolicy;
  ttlSeconds: number;
  digests: Digests;
  /** What alerts need of offers this bot published. */
  facts: OfferFactsStore;
  metrics: Metrics;
  /** The dependencies /readyz checks: the Kigo API, Redis when configured (channels add theirs). */
  readiness: Readiness;
  close(): Promise<void>;
}

/** A worker without conversations (scheduled digests, alerts): the base, and where it posts. */
export interface Worker extends AppBase {
  outbound: Outbound;
}

export interface AppOptions {
  logger?: Logger;
  now?: () => Date;
  /** Where the embedded sandbox keeps its data, instead of what the configuration says (tests). */
  sandboxDatabase?: DatabaseOptions;
}

/**
 * For a long-running bot or worker process, before it wires anything. After each full collection
 * V8 lets the old generation grow to up to 4 times what survived before it collects again (the
 * most on a host with 2 GB or more for the heap), and a heap once grown keeps its pages: the bot
 * keeps about 55 MB but sat at 240 MB of RSS idle and 400 MB under 50 events a second. Growing by
 * half instead held it to about 200 and 230 MB; under that load V8 collected fully 5 times in 10 s
 * instead of 3, 77 ms in all instead of 31 (the longest 23 ms instead of 11). Not a limit: the heap
 * still grows as far as the work needs.
 */
export function growHeapByHalf(): void {
  setFlagsFromString("--heap-growing-percent=50");
}

/**
 * Wires the bot from configuration: every port gets its embedded adapter unless the environment
 * names the production one (DESIGN §5). Config files are read first so a bad one stops start-up
 * before any server starts.
 */
export async function createApp(config: Config, options: AppOptions = {}): Promise<OfferBotApp> {
  const { logger } = options;
  const brandRules = loadBrandRules(config.BRAND_RULES_FILE);
  const benchmarks = loadBenchmarks(config.BENCHMARKS_FILE);
  const programs = ProgramMapping.load(config.PROGRAMS_FILE);
  const defaultTimeZone =
    config.DEFAULT_TIME_ZONE ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? "UTC";
  const base = await createBase(config, options);
  try {
    const { client, stores, access, ttlSeconds } = base;
    const checkpointer = await createCheckpointer({
      redisUrl: config.REDIS_URL,
      ...(stores.sqlite ? { sqlite: stores.sqlite } : {}),
      ttlSeconds,
      ...(logger ? { logger } : {}),
    });
    const close = async () => {
      await checkpointer.close().catch(() => {});
      await base.close();
    };
    const check = createDraftChecker(client, { brandRules, benchmarks });
    const graph = buildOfferGraph({
      extractor: await createExtractor(config, logger, base.metrics),
      client,
      brandRules,
      benchmarks,
      check,
      checkpointer: new RepairingSaver(checkpointer.saver, logger),
      programOfMerchant: {
        byId: (merchantId) => programs.programOfMerchant(merchantId),
        byType: (merchantType) => programs.programOfMerchantType(merchantType),
      },
      ...(logger ? { logger } : {}),
      metrics: base.metrics,
    });
    const shared = {
      access,
      audit: boundedAudit(stores.audit, logger),
      drafts: stores.drafts,
      defaultTimeZone,
      ...(options.now ? { now: options.now } : {}),
    };
    const conversation = new ConversationService({
      ...shared,
      graph,
      client,
      check,
      programs,
      locks: stores.locks,
      benchmarks,
      facts: base.facts,
      ...(logger ? { logger } : {}),
      metrics: base.metrics,
    });
    const commands = new OfferCommands({ ...shared, client });
    const digestCommands = new DigestCommands({ ...shared, client, digests: base.digests.service });
    const turns = new Turns(base.metrics);
    return { ...base, bot: new OfferBot(conversation, commands, digestCommands, turns), close };
  } catch (error) {
    await base.close();
    throw error;
  }
}

/**
 * A process that posts without conversing, e.g. scheduled digests: the Kigo client, the stores and
 * an outbound port, without the conversation graph or its checkpoints.
 */
export async function createWorker(
  config: Config,
  /** The port itself, or how to make it from the stores (a channel's thread registry lives there). */
  outbound: Outbound | ((base: AppBase) => Outbound),
  options: AppOptions = {},
): Promise<Worker> {
  const base = await createBase(config, options);
  return { ...base, outbound: typeof outbound === "function" ? outbound(base) : outbound };
}

async function createBase(config: Config, { logger, now, sandboxDatabase }: AppOptions): Promise<AppBase> {
  const access = AccessPolicy.load(config.ROLES_FILE);
  if (!config.REDIS_URL)
    FileAuditLog.assertWritable(auditPath(config), config.AUDIT_LOG_FILE ? "AUDIT_LOG_FILE" : "DATA_DIR");
  const closers: (() => Promise<unknown>)[] = [];
  const metrics = new Metrics();
  const readiness = new Readiness();
  const close = async () => {
    for (const closer of closers.reverse()) await closer().catch(() => {});
  };
  try {
    const embedded = config.KIGO_API_URL ? undefined : await startSandbox(config, logger, sandboxDatabase);
    if (embedded) closers.push(() => embedded.close());
    const url = config.KIGO_API_URL ?? embedded?.url ?? "";
    const token = config.KIGO_API_TOKEN ?? embedded?.token ?? "";
    const client = new KigoClient({
      baseUrl: url,
      token,
      timeoutMs: config.KIGO_API_TIMEOUT_MS,
      retries: config.KIGO_API_RETRIES,
      ...(logger ? { logger } : {}),
    });
    readiness.add("kigo", kigoCheck(url, token));
    const ttlSeconds = config.DRAFT_TTL_DAYS * 86_400;
    const redis = config.REDIS_URL ? await connectRedis(config.REDIS_URL, logger) : undefined;
    if (redis) {
      closers.push(() => redis.close());
      readiness.add("redis", () => redis.ping());
    }
    const stores = redis ? redisStores(redis, ttlSeconds) : dataDirStores(config, ttlSeconds);
    const { sqlite } = stores;
    if (sqlite) closers.push(async () => sqlite.close());
    access.useStore(stores.kv);
    const facts = new OfferFactsStore(stores.kv);
    const digests = createDigests(config, { client, stores, facts, metrics }, logger, now);
    closers.push(() => digests.service.close());
    metrics.watchQueue(() => digests.service.queueDepth());
    return {
      client,
      kigo: { url, ...(embedded ? { embedded } : {}) },
      kv: stores.kv,
      stores,
      access,
      ttlSeconds,
      digests,
      facts,
      metrics,
      readiness,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * Digests post on BullMQ job schedulers when Redis is configured (once per tick across replicas),
 * else on in-process cron timers; alerts are checked on ALERTS_CRON the same way.
 */
function createDigests(
  config: Config,
  base: { client: KigoClient; stores: Stores; facts: OfferFactsStore; metrics: Metrics },
  logger?: Logger,
  now?: () => Date,
): Digests {
  const defaultTimeZone =
    config.DEFAULT_TIME_ZONE ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? "UTC";
  const programs = ProgramMapping.load(config.PROGRAMS_FILE);
  const alerts = new AlertChecker({
    client: base.client,
    kv: base.stores.kv,
    facts: base.facts,
    programs,
    settings: loadAlertSettings(config.ALERTS_FILE),
    defaultTimeZone,
    ...(logger ? { logger } : {}),
    ...(now ? { now } : {}),
  });
  const service = new DigestService({
    client: base.client,
    subscriptions: base.stores.subscriptions,
    kv: base.stores.kv,
    alerts,
    facts: base.facts,
    metrics: base.metrics,
    ...(logger ? { logger } : {}),
    ...(now ? { now } : {}),
  });
  const log = logger ?? pino({ level: "silent" });
  const run = (subscriptionId: string, tick: string) => service.run(subscriptionId, tick);
  return {
    service,
    async start(outbound) {
      const scheduler = config.REDIS_URL
        ? await bullmqScheduler({
            redisUrl: config.REDIS_URL,
            prefix: config.QUEUE_PREFIX,
            run,
            logger: log,
            worker: config.DIGEST_WORKER,
          })
        : inProcessScheduler({ run, logger: log });
      await service.start({
        outbound,
        scheduler,
        alertCheck: { cron: config.ALERTS_CRON, timeZone: defaultTimeZone },
      });
    },
  };
}

export interface Stores {
  subscriptions: SubscriptionStore;
  locks: KeyedLock;
  audit: AuditLog;
  drafts: DraftIndex;
  kv: KeyValueStore;
  /** The DATA_DIR database, which also keeps the conversations. */
  sqlite?: SqliteDatabase;
}

/** Replicas share everything through Redis. */
function redisStores(redis: Redis, ttlSeconds: number): Stores {
  return {
    locks: new RedisLock(redis),
    audit: new RedisAuditLog(redis),
    drafts: new RedisDraftIndex(redis, ttlSeconds),
    kv: new RedisKeyValueStore(redis),
    subscriptions: new RedisSubscriptionStore(redis),
  };
}

/** One process: its locks in memory, everything that must outlive it in DATA_DIR. */
function dataDirStores(config: Config, ttlSeconds: number): Stores {
  const sqlite = openSqlite(join(config.DATA_DIR, "bot.sqlite"));
  return {
    locks: new MemoryLock(),
    audit: new FileAuditLog(auditPath(config)),
    drafts: new SqliteDraftIndex(sqlite, ttlSeconds),
    kv: new SqliteKeyValueStore(sqlite),
    subscriptions: new SqliteSubscriptionStore(sqlite),
    sqlite,
  };
}

const auditPath = (config: Config) => config.AUDIT_LOG_FILE ?? join(config.DATA_DIR, "audit.log");

/** The embedded sandbox; a database it cannot use is reported with the setting that chose it. */
async function startSandbox(
  config: Config,
  logger?: Logger,
  database?: DatabaseOptions,
): Promise<EmbeddedSandbox> {
  // PGlite (its WASM), pg and the sandbox's routes: only a bot without KIGO_API_URL loads them.
  const { sandboxDatabaseOptions, startEmbeddedSandbox } = await import("./kigo/sandbox/embedded.js");
  try {
    return await startEmbeddedSandbox(config, logger, database);
  } catch (error) {
    const setting = config.SANDBOX_DATABASE_URL
      ? "SANDBOX_DATABASE_URL"
      : config.SANDBOX_DATA_DIR
        ? "SANDBOX_DATA_DIR"
        : "DATA_DIR";
    const database = describeDatabase(sandboxDatabaseOptions(config, join(config.DATA_DIR, "sandbox")));
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`The built-in Kigo sandbox cannot use ${database} (${setting}): ${reason}`, {
      cause: error,
    });
  }
}

/**
 * Readiness asks the Kigo API for one offer: authenticated, so a revoked token shows too. Its own
 * client makes one short attempt, where the app's retries for a waiting user's sake.
 */
function kigoCheck(baseUrl: string, token: string): () => Promise<unknown> {
  const probe = new KigoClient({ baseUrl, token, timeoutMs: 2_000, retries: 0 });
  return () => probe.listOffers({ limit: 1 });
}

/**
 * Undefined when the Kigo API answers HTTP at `url` (any status: the token is checked per
 * request); otherwise why not, in a few words for the operator.
 */
export async function kigoUnreachable(url: string, timeoutMs: number): Promise<string | undefined> {
  try {
    await fetch(url, { method: "HEAD", signal: AbortSignal.timeout(timeoutMs) });
    return undefined;
  } catch (error) {
    if (error instanceof Error && error.name === "TimeoutError") return `no answer within ${timeoutMs} ms`;
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
    return cause instanceof Error ? cause.message : String(cause);
  }
}
