import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeSlack, type FakeSlackCall, startFakeSlack } from "../fakes/slack/server.js";
import { eventCallback, messageEvent, signedPost } from "../fakes/slack/signed.js";
import { type SlackHarness, startSlackHarness, textOf, waitUntil } from "../slack/support.js";
import { startTestApp, type TestApp, USERS } from "../support/bot.js";
import { type RunningBot, startBot, unreadableLines, writeRoles } from "./support-main.js";
import { type OwnRedis, startOwnRedis } from "./support-redis.js";

/**
 * Redis dies under a running Slack bot and comes back on the same port and data (AOF), as a
 * crashed and restarted production Redis does. The bot keeps its own clients (stores, the
 * checkpointer, BullMQ) and must find its way back without being restarted: a message during the
 * outage is not lost in silence, and afterwards the draft continues at the question it was
 * waiting on. Once in process (the harness, where a crash or an unhandled rejection would land in
 * this test), once as `npm start` (main's own wiring, its log on stderr).
 */

const USER = "dealerMarketer";
const UNREACHABLE = /conversation store is unreachable/;
const FIRST = (code: string) =>
  `20% off all equipment for John Deere dealers in December, code ${code}, budget $50k`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What the bot posted (or updated) in `channel` since call number `since`. */
function saidIn(fake: FakeSlack, channel: string, since: number): string[] {
  const inChannel = (call: FakeSlackCall) =>
    (call.method === "chat.postMessage" || call.method === "chat.update") && call.body.channel === channel;
  return fake.calls.slice(since).filter(inChannel).map(textOf);
}

/** Resolves with the bot's replies in `channel` since `since` once one matches `expected`. */
async function replyIn(
  fake: FakeSlack,
  channel: string,
  since: number,
  expected: RegExp,
  timeoutMs = 10_000,
): Promise<string> {
  await waitUntil(() => saidIn(fake, channel, since).some((text) => expected.test(text)), timeoutMs).catch(
    () => {
      const said = saidIn(fake, channel, since).join("\n") || "(nothing)";
      throw new Error(`no reply matching ${expected} in ${channel}; it said:\n${said}`);
    },
  );
  return saidIn(fake, channel, since).join("\n");
}

async function redisReady(url: string): Promise<boolean> {
  const response = await fetch(`${url}/readyz`).catch(() => undefined);
  const report = (await response?.json().catch(() => undefined)) as
    | { checks?: Record<string, { ok?: boolean }> }
    | undefined;
  return report?.checks?.redis?.ok === true;
}

describe("Redis restarted under the in-process Slack bot", () => {
  let redis: OwnRedis;
  let h: SlackHarness;
  const crashes: unknown[] = [];
  const onCrash = (error: unknown) => crashes.push(error);
  const channel = `D${USER}`;

  beforeAll(async () => {
    process.on("unhandledRejection", onCrash);
    process.on("uncaughtException", onCrash);
    redis = await startOwnRedis();
    // digests: the BullMQ scheduler's connections to Redis run too, as under npm start.
    h = await startSlackHarness({ env: { REDIS_URL: redis.url }, digests: true });
  }, 60_000);

  afterAll(async () => {
    try {
      // A test that failed mid-outage leaves Redis down, and the bot's clients would wait for it.
      if (redis && !redis.running) await redis.start().catch(() => {});
      await Promise.race([h?.close(), sleep(10_000)]);
    } finally {
      // Whatever happened: a server left behind would outlive the run.
      await redis?.dispose();
      process.off("unhandledRejection", onCrash);
      process.off("uncaughtException", onCrash);
    }
  }, 30_000);

  async function say(text: string, expected: RegExp, timeoutMs?: number): Promise<string> {
    const since = h.fake.calls.length;
    expect((await h.dm(USER, text)).status).toBe(200);
    return replyIn(h.fake, channel, since, expected, timeoutMs);
  }

  it("answers during the outage, reconnects by itself, and the draft carries on", async () => {
    await say(FIRST("REDISBACK20"), /How many times can one customer use it/);

    // A crash, not a goodbye: every connection the bot holds is reset at once.
    await redis.stop("SIGKILL");
    const started = Date.now();
    const during = await say("3 per customer", UNREACHABLE);
    expect(during).toMatch(/try again in a minute/);
    expect(during).not.toMatch(/draft is saved|in total/i);
    // At once, not after the clients' reconnect back-off.
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await redisReady(h.url)).toBe(false);
    // Down long enough for the clients' reconnect attempts to fail and back off.
    await sleep(2_000);

    await redis.start();
    // The bot was not restarted: its clients find Redis again (back-off capped at 5 s).
    await waitUntil(() => redisReady(h.url), 15_000);

    // The refused message, sent again as the reply asked, lands where the draft was.
    await say("3 per customer", /in total/i);
    const preview = await say("1000 total", /Publish/);
    expect(preview).toMatch(/REDISBACK20/);
    expect(preview).toMatch(/20%/);

    expect(crashes).toEqual([]);
  }, 60_000);
});

describe("Redis restarted under npm start", () => {
  const SECRET = "redis-restart-secret";
  let redis: OwnRedis;
  let sandbox: TestApp;
  let fake: FakeSlack;
  let dir: string;
  let bot: RunningBot | undefined;

  beforeAll(async () => {
    // The bot uses this app's sandbox as its Kigo API, so it starts in seconds.
    [redis, sandbox, fake] = await Promise.all([startOwnRedis(), startTestApp(), startFakeSlack()]);
    dir = mkdtempSync(join(tmpdir(), "kigo-redis-restart-"));
  }, 60_000);

  afterAll(async () => {
    try {
      await bot?.stop();
      await Promise.all([sandbox?.close(), fake?.close()]);
    } finally {
      await redis?.dispose();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);

  it("refuses a message sent during the outage in words, at once, and carries on once Redis is back", async () => {
    bot = await startBot(fake.apiUrl, {
      SLACK_SIGNING_SECRET: SECRET,
      REDIS_URL: redis.url,
      KIGO_API_URL: sandbox.kigo.url,
      KIGO_API_TOKEN: sandbox.kigo.embedded?.token ?? "",
      ROLES_FILE: writeRoles(dir, { [USER]: USERS.dealerMarketer }),
      DEFAULT_TIME_ZONE: "America/Chicago",
      LOG_LEVEL: "warn",
    });
    const { child, url } = bot;
    const channel = `D${Math.random().toString(36).slice(2, 10).toUpperCase()}`;
    const dm = (text: string) =>
      signedPost(
        `${url}/slack/events`,
        SECRET,
        eventCallback({ event: messageEvent({ channel, user: USER, text, channel_type: "im" }) }),
      );
    const say = async (text: string, expected: RegExp) => {
      const since = fake.calls.length;
      expect((await dm(text)).status).toBe(200);
      return replyIn(fake, channel, since, expected, 20_000);
    };

    await say(FIRST("MAINBACK20"), /How many times can one customer use it/);

    await redis.stop("SIGKILL");
    // The work cannot be queued: the turn runs in the process that got it and says why it cannot
    // be saved, and Slack gets its 200 (nothing left to deliver again).
    await say("3 per customer", UNREACHABLE);
    await redis.start();
    await waitUntil(() => redisReady(url), 15_000);
    await say("3 per customer", /in total/i);
    const preview = await say("1000 total", /Publish/);
    expect(preview).toMatch(/MAINBACK20/);

    // Alive, and everything it wrote on stderr is a JSON log line an operator's pipeline can read.
    expect(child.exitCode).toBeNull();
    expect(unreadableLines(bot.stderr).slice(0, 10)).toEqual([]);
  }, 90_000);
});
