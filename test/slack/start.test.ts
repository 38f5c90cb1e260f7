import { SocketModeReceiver } from "@slack/bolt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSlackBot } from "../../src/bot/slack/slack-app.js";
import { MemoryKeyValueStore } from "../../src/stores/kv.js";
import { type FakeSlack, startFakeSlack } from "../fakes/slack/server.js";
import { startTestApp } from "../support/bot.js";
import { startMain } from "./support.js";

/** `npm start` with Slack settings runs the Slack app, not the console (a child process: slow on a busy machine). */
describe("starting in Slack mode", () => {
  let fake: FakeSlack;

  beforeAll(async () => {
    fake = await startFakeSlack();
  });

  afterAll(async () => {
    await fake.close();
  });

  it("serves /slack/events and /healthz on PORT in HTTP mode", async () => {
    const { child, printed, exited } = startMain(fake.apiUrl, { PORT: "0" });
    try {
      const started = /running in Slack \(HTTP mode: events at (http:\/\/127\.0\.0\.1:\d+)\/slack\/events/;
      const deadline = Date.now() + 60_000;
      while (!started.test(printed.output) && Date.now() < deadline && child.exitCode === null) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const origin = started.exec(printed.output)?.[1];
      if (!origin)
        throw new Error(`npm start did not start in Slack (exit ${child.exitCode}): ${printed.output}`);
      const health = await fetch(`${origin}/healthz`);
      expect(health.status).toBe(200);
      const unsigned = await fetch(`${origin}/slack/events`, { method: "POST", body: "{}" });
      expect(unsigned.status).toBe(401);
    } finally {
      child.kill("SIGTERM");
      await exited;
    }
  }, 90_000);

  it("uses Socket Mode when only an app token is given", async () => {
    const app = await startTestApp();
    try {
      const slack = createSlackBot(
        { botToken: "xoxb-test", appToken: "xapp-test", apiUrl: fake.apiUrl },
        { bot: app.bot, kv: new MemoryKeyValueStore(), ttlSeconds: 60 },
      );
      expect((slack.app as unknown as { receiver: unknown }).receiver).toBeInstanceOf(SocketModeReceiver);
    } finally {
      await app.close();
    }
  }, 90_000);
});
