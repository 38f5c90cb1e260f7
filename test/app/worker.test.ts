import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createWorker } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import type { Outbound, OutboundMessage } from "../../src/core/outbound.js";
import { openSqlite } from "../../src/sqlite.js";

/** A digest worker starts with the Kigo client, the stores and an outbound port, and no conversations. */

const dir = mkdtempSync(join(tmpdir(), "kigo-worker-"));

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("createWorker", () => {
  it("reads offers and posts to a channel without the conversation graph", async () => {
    const posted: OutboundMessage[] = [];
    const outbound: Outbound = {
      async post(to, message) {
        posted.push(message);
        return { ...to, id: "1" };
      },
      async update() {
        return true;
      },
      async tell() {},
      async channel(typed) {
        return { channel: typed, name: typed };
      },
    };
    const config = loadConfig({ DATA_DIR: dir, LOG_LEVEL: "silent" });
    const worker = await createWorker(config, outbound);
    try {
      expect(worker.kigo.embedded).toBeDefined();
      expect("bot" in worker).toBe(false);
      const offers = await worker.client.listOffers({ limit: 5 });
      expect(offers.items.length).toBeGreaterThan(0);
      expect(await worker.kv.claim("digest:weekly:C1", 60)).toBe(true);
      expect(await worker.kv.claim("digest:weekly:C1", 60)).toBe(false);
      await worker.outbound.post({ channel: "C1" }, { kind: "line", text: `${offers.total} offers` });
      expect(posted).toEqual([{ kind: "line", text: `${offers.total} offers` }]);
    } finally {
      await worker.close();
    }
    // No conversation checkpoints were opened: the graph's tables never appear in DATA_DIR's database.
    const db = openSqlite(join(dir, "bot.sqlite"));
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as {
      name: string;
    }[];
    db.close();
    expect(tables.map((table) => table.name)).not.toContain("checkpoints");
  });

  it("starts no embedded sandbox when KIGO_API_URL names the Kigo API", async () => {
    const config = loadConfig({
      DATA_DIR: mkdtempSync(join(dir, "production-")),
      KIGO_API_URL: "http://127.0.0.1:9",
      KIGO_API_TOKEN: "t",
      LOG_LEVEL: "silent",
    });
    const worker = await createWorker(config, {
      post: async () => undefined,
      update: async () => false,
      tell: async () => {},
      channel: async (typed) => ({ channel: typed, name: typed }),
    });
    try {
      expect(worker.kigo).toEqual({ url: "http://127.0.0.1:9" });
    } finally {
      await worker.close();
    }
  });
});
