import { appendFile, mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import type { RedisClientType } from "redis";

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

/** Embedded mode: one JSON line per record. */
export class FileAuditLog implements AuditLog {
  constructor(private readonly path: string) {}

  async record(entry: AuditRecord): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true });
    await appendFile(this.path, `${JSON.stringify(entry)}\n`, "utf8");
  }
}

/** Shared mode: a Redis stream, capped so it cannot grow without bound. */
export class RedisAuditLog implements AuditLog {
  constructor(
    private readonly redis: RedisClientType,
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
