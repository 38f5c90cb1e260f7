import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSlackBot } from "../../src/bot/slack/slack-app.js";
import { MemoryKeyValueStore } from "../../src/stores/kv.js";
import { APP_TOKEN } from "../fakes/slack/ids.js";
import { type FakeSlack, startFakeSlack } from "../fakes/slack/server.js";
import { startTestApp, type TestApp } from "../support/bot.js";
import { startMain } from "./support.js";

/** Starting against SLACK_API_URL: both tokens go there, and a rejected one is named in one line. */

let fake: FakeSlack;
let app: TestApp;

beforeAll(async () => {
  fake = await startFakeSlack();
  app = await startTestApp();
});

afterAll(async () => {
  await app.close();
  await fake.close();
});

const socketBot = (tokens: { botToken?: string; appToken?: string } = {}) =>
  createSlackBot(
    {
      botToken: tokens.botToken ?? "xoxb-test",
      appToken: tokens.appToken ?? APP_TOKEN,
      apiUrl: fake.apiUrl,
      healthPort: 0,
    },
    { bot: app.bot, kv: new MemoryKeyValueStore(), ttlSeconds: 60 },
  );

describe("Socket Mode", () => {
  it("opens its connection through SLACK_API_URL with the app token", async () => {
    const slack = socketBot();
    await slack.start(0);
    try {
      const opened = fake.callsTo("apps.connections.open");
      expect(opened).toHaveLength(1);
      expect(opened[0]?.response).toMatchObject({ ok: true });
      expect(fake.sockets).toHaveLength(1);
    } finally {
      await slack.stop();
    }
  });

  it("stops with one line when Slack rejects the app token", async () => {
    await expect(socketBot({ appToken: "xapp-revoked" }).start(0)).rejects.toThrow(
      /^Slack rejected SLACK_APP_TOKEN \(invalid_auth\)$/,
    );
  });
});

describe("a bot token Slack rejects", () => {
  it("ends npm start with one line, before anything says the bot is running", async () => {
    const { child, printed } = startMain(fake.apiUrl, { SLACK_BOT_TOKEN: "xoxb-revoked", PORT: "0" });
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    expect(code).toBe(1);
    expect(printed.output).toBe("Could not start: Slack rejected SLACK_BOT_TOKEN (invalid_auth)\n");
  }, 90_000);
});
