import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { emptyCheckpoint } from "@langchain/langgraph-checkpoint";
import { SqliteSaver } from "@langchain/langgraph-checkpoint-sqlite";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createCheckpointer } from "../../src/graph/checkpointer/index.js";
import { openSqlite, type SqliteDatabase } from "../../src/sqlite.js";
import { SqliteDraftIndex } from "../../src/stores/draft-index.js";
import { SqliteKeyValueStore } from "../../src/stores/kv.js";

/** The DATA_DIR database behind the default set-up: what it keeps, for how long, across reopening. */

const opened: SqliteDatabase[] = [];
const databaseFile = () => join(mkdtempSync(join(tmpdir(), "kigo-sqlite-")), "nested", "bot.sqlite");
const open = (file: string) => {
  const db = openSqlite(file);
  opened.push(db);
  return db;
};

afterEach(() => {
  vi.useRealTimers();
  for (const db of opened.splice(0)) if (db.open) db.close();
});

const entry = (threadKey: string, updatedAt: string) => ({
  threadKey,
  title: `Offer ${threadKey}`,
  status: "collecting" as const,
  updatedAt,
});

describe("SqliteKeyValueStore", () => {
  it("50 concurrent claims of one key: exactly one wins", async () => {
    const store = new SqliteKeyValueStore(open(databaseFile()));
    const results = await Promise.all(Array.from({ length: 50 }, () => store.claim("event-1", 60)));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it("lets a claim and a value lapse after their ttl, also when the database is opened again", async () => {
    vi.useFakeTimers();
    const file = databaseFile();
    const store = new SqliteKeyValueStore(open(file));
    expect(await store.claim("event", 2)).toBe(true);
    await store.set("preview", "msg-1", 2);
    vi.advanceTimersByTime(1_000);
    expect([await store.claim("event", 2), await store.get("preview")]).toEqual([false, "msg-1"]);
    vi.advanceTimersByTime(1_000);
    const reopened = new SqliteKeyValueStore(open(file));
    expect([await reopened.get("preview"), await reopened.claim("event", 2)]).toEqual([undefined, true]);
  });

  it("keeps its facts when the database is opened again", async () => {
    const file = databaseFile();
    const first = open(file);
    await new SqliteKeyValueStore(first).set("preview", "msg-1", 60);
    expect(await new SqliteKeyValueStore(first).claim("event", 60)).toBe(true);
    first.close();
    const again = new SqliteKeyValueStore(open(file));
    expect(await again.get("preview")).toBe("msg-1");
    expect(await again.claim("event", 60)).toBe(false);
  });
});

describe("SqliteDraftIndex", () => {
  it("lists each user's drafts newest first, one entry per thread, after reopening", async () => {
    const file = databaseFile();
    const index = new SqliteDraftIndex(open(file), 60);
    await index.save("ann", entry("a", "2026-11-01T10:00:00.000Z"));
    await index.save("ann", entry("b", "2026-11-02T10:00:00.000Z"));
    await index.save("ann", { ...entry("a", "2026-11-03T10:00:00.000Z"), status: "review" });
    await index.save("bob", entry("c", "2026-11-04T10:00:00.000Z"));
    opened[0]?.close();

    const reopened = new SqliteDraftIndex(open(file), 60);
    expect(await reopened.list("ann")).toEqual([
      { ...entry("a", "2026-11-03T10:00:00.000Z"), status: "review" },
      entry("b", "2026-11-02T10:00:00.000Z"),
    ]);
    expect(await reopened.list("nobody")).toEqual([]);
  });

  it("drops a draft untouched for the ttl", async () => {
    vi.useFakeTimers();
    const index = new SqliteDraftIndex(open(databaseFile()), 10);
    await index.save("ann", entry("old", "2026-11-01T10:00:00.000Z"));
    vi.advanceTimersByTime(5_000);
    await index.save("ann", entry("new", "2026-11-01T10:00:05.000Z"));
    vi.advanceTimersByTime(5_000);
    expect((await index.list("ann")).map((draft) => draft.threadKey)).toEqual(["new"]);
  });
});

describe("createCheckpointer with the DATA_DIR database", () => {
  it("keeps checkpoints in SQLite, readable after reopening", async () => {
    const file = databaseFile();
    const checkpointer = await createCheckpointer({ sqlite: open(file), ttlSeconds: 60 });
    expect(checkpointer.saver).toBeInstanceOf(SqliteSaver);
    const config = await checkpointer.saver.put(
      { configurable: { thread_id: "thread-1", checkpoint_ns: "" } },
      emptyCheckpoint(),
      { source: "input", step: -1, parents: {} },
      {},
    );
    await checkpointer.close();
    opened[0]?.close();

    const reopened = await createCheckpointer({ sqlite: open(file), ttlSeconds: 60 });
    expect((await reopened.saver.getTuple(config))?.config).toEqual(config);
  });
});
