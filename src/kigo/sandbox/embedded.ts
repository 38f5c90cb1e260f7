import { join } from "node:path";
import type { Logger } from "pino";
import type { Config } from "../../config.js";
import { type DatabaseOptions, openDatabase } from "./db.js";
import { type DemoSummary, loadDemoData } from "./demo-data.js";
import { createSandbox, type Sandbox } from "./server.js";

export interface EmbeddedSandbox {
  /** The server itself: tests inject faults and count requests through it. */
  sandbox: Sandbox;
  url: string;
  token: string;
  demo: DemoSummary;
  close(): Promise<void>;
}

/** `defaultDataDir` applies when SANDBOX_DATA_DIR is unset; without it PGlite runs in memory. */
export function sandboxDatabaseOptions(config: Config, defaultDataDir?: string): DatabaseOptions {
  if (config.SANDBOX_DATABASE_URL) return { kind: "postgres", url: config.SANDBOX_DATABASE_URL };
  return { kind: "pglite", dataDir: config.SANDBOX_DATA_DIR ?? defaultDataDir };
}

/**
 * The Kigo admin API the bot uses when no KIGO_API_URL is set: the sandbox in this process, with
 * demo data, on a free loopback port, so the bot still talks real HTTP through its client. Its
 * data lives in DATA_DIR like the bot's own, so offers published in one run are there in the next;
 * the demo data is loaded only into an empty database.
 */
export async function startEmbeddedSandbox(
  config: Config,
  logger?: Logger,
  database: DatabaseOptions = sandboxDatabaseOptions(config, join(config.DATA_DIR, "sandbox")),
): Promise<EmbeddedSandbox> {
  const db = await openDatabase(database);
  try {
    const sandbox = await createSandbox({
      database: db,
      token: config.SANDBOX_TOKEN,
      profile: config.SANDBOX_PROFILE,
      onError: (error) => logger?.error({ err: error }, "sandbox request failed"),
    });
    const demo = await loadDemoData(db);
    const url = await sandbox.listen(0, "127.0.0.1");
    return {
      sandbox,
      url,
      token: config.SANDBOX_TOKEN,
      demo,
      close: async () => {
        await sandbox.close();
        await db.close();
      },
    };
  } catch (error) {
    await db.close();
    throw error;
  }
}
