import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeSlack, startFakeSlack } from "../fakes/slack/server.js";
import { eventCallback, messageEvent, signedPost } from "../fakes/slack/signed.js";
import { textOf } from "../slack/support.js";
import { startTestApp, type TestApp, USERS } from "../support/bot.js";
import { REDIS_URL, serviceAvailable } from "../support/services.js";
import { type SpawnedBot, startSlackBot } from "./spawned-bot.js";

/**
 * `kill -9` on `npm start` in Slack halfway through a conversation, then a new process on the same
 * state: the marketer's next answer continues the draft where it was, as if nothing happened.
 */

const SECRET = "kill-restart-secret";
const USER = "UKILLED";

let sandbox: TestApp;
let fake: FakeSlack;
let dir: string;

beforeAll(async () => {
  // The bots use this app's sandbox as their Kigo API, so a restart loses no offers either way.
  [sandbox, fake] = await Promise.all([startTestApp(), startFakeSlack()]);
  dir = mkdtempSync(join(tmpdir(), "kigo-kill-"));
  writeFileSync(
    join(dir, "roles.json"),
    JSON.stringify({ unknownUsers: [], users: { [USER]: USERS.dealerMarketer } }),
  );
});

afterAll(async () => {
  await Promise.all([sandbox?.close(), fake?.close()]);
  rmSync(dir, { recursive: true, force: true });
});

const startBot = (env: Record<string, string>) =>
  startSlackBot(fake, sandbox, { secret: SECRET, rolesDir: dir, env });

type Bot = SpawnedBot;

/** DMs `text` on `channel`; resolves with the bot's reply there that matches `expected`. */
async function dm(bot: Bot, channel: string, text: string, expected: RegExp): Promise<string> {
  const event = messageEvent({ channel, user: USER, text, channel_type: "im" });
  expect((await signedPost(`${bot.url}/slack/events`, SECRET, eventCallback({ event }))).status).toBe(200);
  const reply = await fake
    .waitFor(
      "chat.postMessage",
      (call) => call.body.channel === channel && expected.test(textOf(call)),
      20_000,
    )
    .catch((error: Error) => {
      const said = fake.callsTo("chat.postMessage").filter((call) => call.body.channel === channel);
      const heard = said.map((call) => textOf(call).slice(0, 300)).join("\n");
      throw new Error(`${error.message}\nit said: ${heard}\nit logged: ${bot.printed.output.slice(-3_000)}`);
    });
  return textOf(reply);
}

const STATES: [string, () => Promise<Record<string, string>>][] = [
  ["the default state in DATA_DIR", async () => ({ DATA_DIR: mkdtempSync(join(dir, "data-")) })],
  [
    "state in Redis",
    async () => {
      if (!(await serviceAvailable("redis"))) throw new Error("Redis is needed for this test");
      return { REDIS_URL, DATA_DIR: mkdtempSync(join(dir, "data-")) };
    },
  ],
];

describe.concurrent.each(STATES)("kill -9 mid-conversation, with %s", (_state, stateOf) => {
  it("resumes the draft at the question it was waiting on", async () => {
    const state = await stateOf();
    const channel = `D${Math.random().toString(36).slice(2, 10).toUpperCase()}`;
    const first = await startBot(state);
    try {
      await dm(
        first,
        channel,
        "20% off all equipment for John Deere dealers in December, code KILLED9, budget $50k",
        /How many times can one customer use it/,
      );
    } finally {
      const killed = new Promise((resolve) => first.child.once("exit", resolve));
      first.child.kill("SIGKILL");
      await killed;
    }

    const second = await startBot(state);
    try {
      await dm(second, channel, "3 per customer", /in total/i);
      const preview = await dm(second, channel, "1000 total", /Publish/);
      expect(preview).toMatch(/KILLED9/);
      expect(preview).toMatch(/20%/);
    } finally {
      const stopped = new Promise((resolve) => second.child.once("exit", resolve));
      second.child.kill("SIGTERM");
      await stopped;
    }
  });
});
