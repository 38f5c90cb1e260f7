import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";

export type SqliteDatabase = Database.Database;

/** Another process holding a write lock (a second bot on one DATA_DIR) is waited for this long. */
const BUSY_TIMEOUT_MS = 5_000;

/**
 * The bot's own database file when REDIS_URL is unset: conversations, the draft index and delivery
 * facts. WAL lets `/offers drafts` read while a turn writes. A file that cannot be opened is a
 * set-up problem, reported with the setting to fix.
 */
export function openSqlite(file: string): SqliteDatabase {
  try {
    mkdirSync(dirname(file), { recursive: true });
    const db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
    db.pragma("journal_mode = WAL");
    return db;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Cannot open ${file} (DATA_DIR): ${reason}`);
  }
}
