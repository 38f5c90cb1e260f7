import { pino } from "pino";
import { createApp } from "./app.js";
import { runConsoleChat } from "./bot/console/console-chat.js";
import { ConfigError, loadConfig } from "./config.js";

/**
 * `npm start`: the bot with whatever the environment configures; with nothing configured, the
 * console chat against the in-process Kigo sandbox (DESIGN §5).
 */
async function main(): Promise<void> {
  const config = loadConfig();
  // Logs go to stderr so they never interleave with the chat on stdout.
  const logger = pino({ name: "kigo-offer-bot", level: config.LOG_LEVEL }, pino.destination(2));
  const app = await createApp(config, { logger });
  const where = app.kigo.embedded
    ? `the built-in Kigo sandbox at ${app.kigo.url} (demo data, token ${app.kigo.embedded.token})`
    : `the Kigo API at ${new URL(app.kigo.url).host}`;
  process.stdout.write(`Connected to ${where}.\n`);
  const stop = async () => {
    await app.close();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  await runConsoleChat({
    bot: app.bot,
    input: process.stdin,
    output: process.stdout,
    speaker: { userId: "console" },
  });
  await app.close();
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) process.stderr.write(`${error.message}\n`);
  else process.stderr.write(`Could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
