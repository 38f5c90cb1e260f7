import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeOpenAI, type RecordedRequest, startFakeOpenAI, textCompletion } from "../fakes/openai.js";
import { type FakeSlack, startFakeSlack } from "../fakes/slack/server.js";
import { eventCallback, messageEvent, signedPost } from "../fakes/slack/signed.js";
import { startMain, textOf, waitUntil } from "../slack/support.js";
import { startTestApp, type TestApp, USERS } from "../support/bot.js";
import { SEED_MESSAGE } from "../support/seed.js";

/**
 * SIGTERM to `npm start` in Slack while a turn waits on the model: the turn still answers, then
 * the process exits 0 within SHUTDOWN_TIMEOUT_MS; a turn outlasting it is named as it exits 1.
 * Its logs, read from the process's stderr, tag the turn's lines with its id and hold no secret.
 */

const SIGNING_SECRET = "signing-secret-not-for-logs";
const OPENAI_KEY = "sk-openai-key-not-for-logs";
const USER = "UMARKETER";
/** How long the model takes to answer a message carrying each promo code. */
const MODEL_DELAY_MS: Record<string, number> = { DRAIN20: 1_000, ABANDON20: 10_000 };
const asks = (request: RecordedRequest, code: string) => JSON.stringify(request.body).includes(code);

let sandbox: TestApp;
let fake: FakeSlack;
let openai: FakeOpenAI;
let dir: string;

beforeAll(async () => {
  // The bot under test uses this app's sandbox as its Kigo API, so it starts no database of its own.
  [sandbox, fake, openai] = await Promise.all([startTestApp(), startFakeSlack(), startFakeOpenAI()]);
  dir = mkdtempSync(join(tmpdir(), "kigo-shutdown-"));
  writeFileSync(
    join(dir, "roles.json"),
    JSON.stringify({ unknownUsers: [], users: { [USER]: USERS.dealerMarketer } }),
  );
  openai.answer((request) => ({
    body: textCompletion("I cannot tell."),
    delayMs: Object.entries(MODEL_DELAY_MS).find(([code]) => asks(request, code))?.[1] ?? 0,
  }));
});

afterAll(async () => {
  await Promise.all([sandbox?.close(), fake?.close(), openai?.close()]);
  rmSync(dir, { recursive: true, force: true });
});

interface LogLine {
  msg: string;
  turn?: string;
  unfinished?: { turns: { id: string; channel: string }[] };
}

/** The bot; resolves once it listens. */
async function startBot(shutdownMs: number) {
  const bot = startMain(fake.apiUrl, {
    PORT: "0",
    LOG_LEVEL: "info",
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    KIGO_API_URL: sandbox.kigo.url,
    KIGO_API_TOKEN: sandbox.kigo.embedded?.token ?? "",
    OPENAI_API_KEY: OPENAI_KEY,
    OPENAI_BASE_URL: openai.baseURL,
    ROLES_FILE: join(dir, "roles.json"),
    SHUTDOWN_TIMEOUT_MS: String(shutdownMs),
  });
  const exited = new Promise<number | null>((resolve) => bot.child.once("exit", resolve));
  await waitUntil(() => /events at (\S+)\/slack\/events/.test(bot.printed.output), 60_000);
  const url = /events at (\S+)\/slack\/events/.exec(bot.printed.output)?.[1] ?? "";
  const logs = () =>
    bot.printed.output
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line) as LogLine);
  return { ...bot, url, exited, logs };
}

/**
 * The bot, sent SIGTERM while a DM's turn waits on the model: resolves with how it exited, how long
 * that took, and what it wrote.
 */
async function stopMidTurn(options: { shutdownMs: number; code: string }) {
  const bot = await startBot(options.shutdownMs);
  const event = messageEvent({
    channel: `D${USER}`,
    user: USER,
    text: SEED_MESSAGE.replace("DEALER20", options.code),
    channel_type: "im",
  });
  const sent = await signedPost(`${bot.url}/slack/events`, SIGNING_SECRET, eventCallback({ event }));
  expect(sent.status).toBe(200);
  await waitUntil(() => openai.requests.some((request) => asks(request, options.code)), 10_000);
  const signalled = Date.now();
  bot.child.kill("SIGTERM");
  const code = await bot.exited;
  return { code, ms: Date.now() - signalled, logs: bot.logs(), output: bot.printed.output };
}

// Each test waits mostly on a process starting: the two run side by side.
describe.concurrent("SIGTERM", () => {
  it("lets the turn in flight answer, then exits 0 within SHUTDOWN_TIMEOUT_MS", async () => {
    const stopped = await stopMidTurn({ shutdownMs: 8_000, code: "DRAIN20" });
    expect(stopped.code).toBe(0);
    expect(stopped.ms).toBeLessThan(8_000);

    // The reply was posted before the process went away.
    expect(fake.callsTo("chat.postMessage").some((call) => textOf(call).includes("DRAIN20"))).toBe(true);
    // Written in the graph, inside the turn: it carries the turn's id.
    const modelLine = stopped.logs.find((line) =>
      line.msg.startsWith("model answered without a usable draft patch"),
    );
    expect(modelLine?.turn).toMatch(/^[0-9a-f-]{36}$/);
    expect(stopped.logs.map((line) => line.msg)).toEqual(expect.arrayContaining(["stopping", "stopped"]));
    for (const secret of [SIGNING_SECRET, OPENAI_KEY, sandbox.kigo.embedded?.token ?? "none"])
      expect(stopped.output).not.toContain(secret);
  });

  it("exits 1 when a turn outlasts SHUTDOWN_TIMEOUT_MS, naming the turn it abandoned", async () => {
    const stopped = await stopMidTurn({ shutdownMs: 500, code: "ABANDON20" });
    expect(stopped.code).toBe(1);
    expect(stopped.ms).toBeLessThan(5_000);
    const deadline = stopped.logs.find((line) =>
      line.msg.startsWith("not stopped within SHUTDOWN_TIMEOUT_MS"),
    );
    expect(deadline?.unfinished?.turns).toEqual([{ id: expect.any(String), channel: "slack" }]);
  });
});
