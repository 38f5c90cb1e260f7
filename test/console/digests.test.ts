import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runConsoleChat } from "../../src/bot/console/console-chat.js";
import { startTestApp, type TestApp } from "../support/bot.js";

/** The embedded default: a subscription made in the console is scheduled in-process and prints there. */

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
  // Every second, so the test sees a scheduled tick (people's schedules are minutes apart at least).
  await app.stores.subscriptions.add({
    channel: "console",
    channelName: "console",
    schedule: "cron",
    cron: "* * * * * *",
    timeZone: "America/Chicago",
    frequency: "weekly",
    scope: { label: "all offers", merchantIds: [] },
    createdBy: "accountManager",
    createdAt: new Date().toISOString(),
  });
});

afterAll(async () => {
  await app?.close();
});

describe("digests in the console chat", () => {
  it("receives a scheduled digest in-process, with its chart saved as a PNG", async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let screen = "";
    const arrived = new Promise<void>((resolve) => {
      output.on("data", (chunk: Buffer) => {
        screen += chunk.toString("utf8");
        if (/Chart: \S+\.png/.test(screen)) resolve();
      });
    });
    const chartDir = join(app.dir, "digests");
    const chat = runConsoleChat({
      bot: app.bot,
      kv: app.kv,
      ttlSeconds: app.ttlSeconds,
      input,
      output,
      speaker: { userId: "accountManager", channelId: "console", timeZone: "America/Chicago" },
      digests: app.digests,
      chartDir,
    });
    await arrived;
    input.write("set up a daily digest at 8\n");
    input.end("/offers digest list\n");
    await chat;

    expect(screen).toContain("📊 Weekly offer digest · all offers");
    expect(screen).toMatch(/Nov 18, 2026 – Nov 24, 2026 · as of Nov 25, 2026, 10:00 AM CST/);
    const chart = /Chart: (\S+\.png)/.exec(screen)?.[1] ?? "";
    expect(chart.startsWith(chartDir)).toBe(true);
    expect(existsSync(chart)).toBe(true);
    expect(readFileSync(chart).subarray(1, 4).toString()).toBe("PNG");
    expect(screen).toMatch(
      /Subscribed #console to the daily digest for all offers, every day at 8:00 AM \(America\/Chicago\)/,
    );
    expect(screen).toMatch(/\d+\. #console · daily · all offers · every day at 8:00 AM \(America\/Chicago\)/);
  }, 30_000);
});
