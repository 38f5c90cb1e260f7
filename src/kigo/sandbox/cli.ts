import { pino } from "pino";
import { type Config, ConfigError, loadConfig } from "../../config.js";
import { describeDatabase, formatBanner } from "./banner.js";
import { type DatabaseOptions, openDatabase, type SqlDatabase } from "./db.js";
import { loadDemoData } from "./demo-data.js";
import { sandboxDatabaseOptions } from "./embedded.js";
import { createSandbox, type Sandbox } from "./server.js";

/**
 * `npm run sandbox`: the embedded Kigo admin API with demo data, for trying the bot or the API by
 * hand. Operator mistakes (bad environment, busy port, unreachable database) end with one line
 * naming the setting to fix, not a stack trace.
 */

class StartupError extends Error {}

async function open(database: DatabaseOptions): Promise<SqlDatabase> {
  try {
    return await openDatabase(database);
  } catch (error) {
    const setting = database.kind === "postgres" ? "SANDBOX_DATABASE_URL" : "SANDBOX_DATA_DIR";
    throw new StartupError(`Cannot open ${describeDatabase(database)} (${setting}): ${messageOf(error)}`);
  }
}

function listenFailure(error: unknown, config: Config): StartupError {
  const where = `${config.SANDBOX_HOST}:${config.SANDBOX_PORT}`;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "EADDRINUSE") {
    return new StartupError(
      `SANDBOX_PORT ${config.SANDBOX_PORT} is already in use on ${config.SANDBOX_HOST}; ` +
        "stop whatever holds it or set SANDBOX_PORT to another port (0 picks a free one)",
    );
  }
  if (code === "EACCES") {
    return new StartupError(`SANDBOX_PORT ${config.SANDBOX_PORT} needs privileges; use a port above 1023`);
  }
  if (code === "EADDRNOTAVAIL" || code === "ENOTFOUND") {
    return new StartupError(`SANDBOX_HOST ${config.SANDBOX_HOST} is not an address of this machine`);
  }
  return new StartupError(`Cannot listen on ${where}: ${messageOf(error)}`);
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = pino({ name: "kigo-sandbox", level: config.LOG_LEVEL });
  const database = sandboxDatabaseOptions(config);
  const db = await open(database);
  let sandbox: Sandbox | undefined;
  const closeAll = async () => {
    await sandbox?.close();
    await db.close();
  };
  try {
    sandbox = await createSandbox({
      database: db,
      token: config.SANDBOX_TOKEN,
      profile: config.SANDBOX_PROFILE,
      onError: (error) => logger.error({ err: error }, "request failed"),
    });
    const demo = await loadDemoData(db);
    logger.info({ loaded: demo.loaded, counts: demo.counts }, "demo data ready");
    const url = await sandbox.listen(config.SANDBOX_PORT, config.SANDBOX_HOST).catch((error: unknown) => {
      throw listenFailure(error, config);
    });
    logger.info({ url, profile: config.SANDBOX_PROFILE, database: db.kind }, "sandbox listening");
    process.stdout.write(
      formatBanner({ url, token: config.SANDBOX_TOKEN, profile: config.SANDBOX_PROFILE, database, demo }),
    );
  } catch (error) {
    await closeAll();
    throw error;
  }

  const stop = (signal: NodeJS.Signals) => {
    logger.info({ signal }, "shutting down");
    closeAll().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  // `once`: a second Ctrl+C falls through to Node's default and kills a shutdown that hangs.
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof StartupError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
