import { ConfigError } from "./config.js";

/** Stops on SIGINT/SIGTERM: `stop` finishes what is in flight and closes connections, then the process exits. */
export function onStopSignal(stop: () => Promise<void>): void {
  const handler = () => {
    stop().then(
      () => process.exit(0),
      () => process.exit(1),
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
