import { type Logger as BoltLogger, LogLevel } from "@slack/bolt";
import type { Logger } from "pino";

const SEVERITY: Record<LogLevel, number> = {
  [LogLevel.DEBUG]: 0,
  [LogLevel.INFO]: 1,
  [LogLevel.WARN]: 2,
  [LogLevel.ERROR]: 3,
};

/**
 * Bolt's own lines (its receiver's refusals, an event not acknowledged in time) as the bot's JSON
 * log lines instead of Bolt's console text among them. Only Bolt's level and above are written
 * (warnings by default), whatever LOG_LEVEL lets through: Bolt's and its Web API client's debug
 * lines carry request bodies.
 */
export function boltLogger(logger: Logger, initial: LogLevel = LogLevel.WARN): BoltLogger {
  let level = initial;
  const write =
    (method: LogLevel) =>
    (...parts: unknown[]) => {
      if (SEVERITY[method] < SEVERITY[level]) return;
      const err = parts.find((part) => part instanceof Error);
      const text = parts
        .filter((part) => !(part instanceof Error))
        .map((part) => (typeof part === "string" ? part : String(part)))
        .join(" ");
      logger[method]({ from: "bolt", ...(err ? { err } : {}) }, text);
    };
  return {
    debug: write(LogLevel.DEBUG),
    info: write(LogLevel.INFO),
    warn: write(LogLevel.WARN),
    error: write(LogLevel.ERROR),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
