import type { Logger } from "pino";
import { ConfigError } from "./config.js";

export interface StopOptions {
  /** SHUTDOWN_TIMEOUT_MS: past it the process exits anyway, with code 1. */
  timeoutMs: number;
  logger?: Logger;
  /** What is still running, logged when the deadline passes. */
  unfinished?: () => unknown;
}

/**
 * Stops on SIGINT/SIGTERM: `stop` stops intake, finishes what is in flight and closes connections,
 * then the process exits 0. An orchestrator kills a process that takes too long, so past the
 * deadline it exits by itself, saying what it left unfinished.
 */
export function onStopSignal(stop: () => Promise<void>, options: StopOptions): void {
  const { logger } = options;
  const handler = (signal: NodeJS.Signals) => {
    logger?.info({ signal }, "stopping");
    setTimeout(() => {
      logger?.error(
        { unfinished: options.unfinished?.() },
        `not stopped within SHUTDOWN_TIMEOUT_MS (${options.timeoutMs} ms); exiting anyway`,
      );
      process.exit(1);
    }, options.timeoutMs);
    stop().then(
      () => {
        logger?.info("stopped");
        process.exit(0);
      },
      (error: unknown) => {
        logger?.error({ err: error }, "stopping failed");
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", handler);
  process.once("SIGTERM", handler);
}

/** Runs a command's main; a start-up failure is one line on stderr (a config error as it is) and exit code 1. */
export function runMain(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    if (error instanceof ConfigError) process.stderr.write(`${error.message}\n`);
    else process.stderr.write(`Could not start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
