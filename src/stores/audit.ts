import { closeSync, constants, mkdirSync, openSync, statSync } from "node:fs";
import { mkdir, open } from "node:fs/promises";
import { dirname } from "node:path";
import type { Logger } from "pino";
import type { Redis } from "../redis.js";

export const AUDITED_ACTIONS = [
  "publish",
  "submit",
  "approve",
  "reject",
  "pause",
  "resume",
  "end",
  "delete",
  "duplicate",
  "roles",
  "extend",
  "subscribe",
  "unsubscribe",
] as const;

export interface AuditRecord {
  at: string;
  /** Channel user id of who acted. */
  who: string;
  action: (typeof AUDITED_ACTIONS)[number];
  offerId?: number;
  draftId?: string;
  result: "ok" | "failed" | "refused";
  detail?: string;
}

/** Append-only: who did what to which offer, when, and how it ended. */
export interface AuditLog {
  record(entry: AuditRecord): Promise<void>;
}

/**
 * Non-blocking: a named pipe nobody reads fails at once instead of holding the write, and with it
 * the turn, forever.
 */
const APPEND = constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_NONBLOCK;

/** Embedded mode: one JSON line per record. */
export class FileAuditLog implements AuditLog {
  constructor(private readonly path: string) {}

  /**
   * Checked at start-up: a path that cannot take writes (a directory, a pipe, no permission) stops
   * the bot with one line naming `setting`, instead of failing the first Publish.
   */
  static assertWritable(path: string, setting: string): void {
    try {
      mkdirSync(dirname(path), { recursive: true });
      if (statSync(path, { throwIfNoEntry: false })?.isFile() === false)
        throw new Error("not a regular file");
      closeSync(openSync(path, APPEND));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`${setting} must be a file the bot can append to (${path}): ${reason}`);
    }
  }

  async record(entry: AuditRecord): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true });
    const file = await open(this.path, APPEND);
    try {
      await file.appendFile(`${JSON.stringify(entry)}\n`, "utf8");
    } finally {
      await file.close();
    }
  }
}

const AUDIT_WAIT_MS = 2_000;

/**
 * Every write bounded: the turn that acted has its reply to give whether or not the record could
 * be written, so a failed or slow write is reported to the operator and never to the turn.
 */
export function boundedAudit(log: AuditLog, logger?: Logger, waitMs = AUDIT_WAIT_MS): AuditLog {
  return {
    async record(entry) {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<"late">((resolve) => {
        timer = setTimeout(() => resolve("late"), waitMs);
      });
      try {
        const outcome = await Promise.race([log.record(entry).then(() => "written" as const), late]);
        if (outcome === "late")
          logger?.error({ audit: entry }, `audit record not written within ${waitMs} ms; the turn went on`);
      } catch (error) {
        logger?.error({ err: error, audit: entry }, "audit record could not be written; the turn went on");
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/** Shared mode: a Redis stream, capped so it cannot grow without bound. */
export class RedisAuditLog implements AuditLog {
  constructor(
    private readonly redis: Redis,
    private readonly stream = "kigo:audit",
  ) {}

  async record(entry: AuditRecord): Promise<void> {
    const fields = Object.fromEntries(
      Object.entries(entry)
        .filter(([, value]) => value !== undefined)
        .map(([key, value]) => [key, String(value)]),
    );
    await this.redis.xAdd(this.stream, "*", fields, {
      TRIM: { strategy: "MAXLEN", strategyModifier: "~", threshold: 1_000_000 },
    });
  }
}
