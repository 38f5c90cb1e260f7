import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeSlack, type FakeSlackCall, RESPONSE_URL, startFakeSlack } from "../fakes/slack/server.js";
import {
  appHomeOpenedEvent,
  blockAction,
  eventCallback,
  messageEvent,
  signedPost,
  slashCommand,
  viewSubmission,
} from "../fakes/slack/signed.js";
import { message, personalChat } from "../fakes/teams/activities.js";
import { type FakeConnector, startFakeConnector } from "../fakes/teams/connector.js";
import { buttonsOf, textOf, waitUntil } from "../slack/support.js";
import { startTestApp, type TestApp, USERS } from "../support/bot.js";
import { createClient } from "redis";
import { REDIS_URL, serviceAvailable } from "../support/services.js";
import { textOf as cardText, clickActivity, newestCardWith } from "../teams/support.js";
import { type SpawnedBot, startSlackBot } from "./spawned-bot.js";

/**
 * Two `npm start` replicas on one Redis behind the same (fake) Slack. With REDIS_URL the work
 * after Slack's ack is a BullMQ job first: a replica killed right after it acked an event or a
 * click loses nothing, the other replica finishes it once, and the user sees what they would have.
 * A digest due every minute meanwhile is posted once a minute, whichever replicas are up.
 */

const SECRET = "replicas-secret";
/** Each run's users (and so DMs) are new, whatever an earlier run left in Redis. */
const RUN = Math.random().toString(36).slice(2, 8).toUpperCase();
const user = (n: number) => `U${RUN}R${n}`;
const MARKETERS = [1, 2, 3, 4].map(user);
const USERS_IN_ROLES = [...MARKETERS, user(5), user(6), user(7), user(8), user(9), user(10)];

/**
 * A Redis database of its own, emptied before and after: every bot started on a Redis schedules
 * the digest subscriptions stored there, so this suite's every-minute digest must not reach the
 * bots other test files start on the shared one.
 */
const REPLICAS_REDIS = (() => {
  const url = new URL(REDIS_URL);
  url.pathname = "/11";
  return url.toString();
})();

async function emptyRedis(): Promise<void> {
  const client = createClient({ url: REPLICAS_REDIS });
  await client.connect();
  await client.flushDb();
  await client.quit();
}

let sandbox: TestApp;
let fake: FakeSlack;
let dir: string;
let connector: FakeConnector;
/** Its own queues, so bots other test files start on the same Redis take none of these jobs. */
const QUEUE_PREFIX = `replicas-${process.pid}-${Date.now()}`;

beforeAll(async () => {
  if (!(await serviceAvailable("redis"))) throw new Error("Redis is needed for this test");
  await emptyRedis();
  [sandbox, fake, connector] = await Promise.all([startTestApp(), startFakeSlack(), startFakeConnector()]);
  dir = mkdtempSync(join(tmpdir(), "kigo-replicas-"));
  const users = Object.fromEntries(USERS_IN_ROLES.map((user) => [user, USERS.dealerMarketer]));
  writeFileSync(join(dir, "roles.json"), JSON.stringify({ unknownUsers: [], users }));
});

afterAll(async () => {
  await Promise.all([sandbox?.close(), fake?.close(), connector?.close()]);
  await emptyRedis();
  rmSync(dir, { recursive: true, force: true });
});

const startReplica = (name: string, env: Record<string, string> = {}) =>
  startSlackBot(fake, sandbox, {
    secret: SECRET,
    rolesDir: dir,
    name,
    env: {
      ...env,
      REDIS_URL: REPLICAS_REDIS,
      QUEUE_PREFIX,
      DATA_DIR: mkdtempSync(join(dir, `${name}-`)),
      // Teams on the same server; without an app id no token is needed.
      TEAMS_ALLOW_ANONYMOUS: "true",
    },
  });

type Replica = SpawnedBot;

async function stop(replica: Replica | undefined, signal: NodeJS.Signals = "SIGTERM") {
  if (!replica || replica.child.exitCode !== null) return;
  replica.child.kill(signal);
  await replica.exited;
}

const channelOf = (user: string) => `D${user}`;
const CODE_CHECK = "GET /dashboard/promo-codes";

function kigo() {
  const embedded = sandbox.kigo.embedded;
  if (!embedded) throw new Error("the test app runs the embedded sandbox");
  return embedded.sandbox;
}

/** Waits for `check`; a failure shows what the bot said to `user` and what the replicas logged. */
async function expectSoon(check: () => boolean, user: string, replicas: (Replica | undefined)[]) {
  await waitUntil(check, 30_000).catch(() => {
    const said = fake.calls
      .filter((call) => call.body.channel === channelOf(user) || call.body.user === user)
      .map((call) => `${call.method}: ${textOf(call).slice(0, 4000)}`);
    const logged = replicas.map((replica) => `${replica?.name}: ${replica?.printed.output.slice(-1_500)}`);
    throw new Error(`not in time. To ${user}:\n${said.join("\n")}\nLogs:\n${logged.join("\n")}`);
  });
}
const postsTo = (channel: string, pattern: RegExp) =>
  fake
    .callsTo("chat.postMessage")
    .filter((call) => call.body.channel === channel && pattern.test(textOf(call)));

function dmTo(replica: Replica, user: string, text: string, eventId?: string): Promise<Response> {
  const event = messageEvent({ channel: channelOf(user), user, text, channel_type: "im" });
  return signedPost(
    `${replica.url}/slack/events`,
    SECRET,
    eventCallback({ event, ...(eventId ? { eventId } : {}) }),
  );
}

function click(replica: Replica, user: string, card: FakeSlackCall, label: string): Promise<Response> {
  const button = buttonsOf(card).find((candidate) => candidate.text.text === label);
  if (!button) throw new Error(`no ${label} on the card`);
  const { channel, ts } = card.response;
  const body = blockAction({
    user,
    action_id: button.action_id,
    value: button.value,
    channel,
    message_ts: ts,
  });
  return signedPost(`${replica.url}/slack/events`, SECRET, body);
}

const offer = (code: string) =>
  `20% off all equipment for John Deere dealers in December, code ${code}, 3 uses per customer, 1000 total, budget $50k`;

/** The card the bot posted for `code` with a Publish button. */
const previewCard = (user: string, code: string) =>
  postsTo(channelOf(user), new RegExp(code)).find((call) =>
    buttonsOf(call).some((button) => button.text.text === "Publish"),
  );

describe("two replicas on one Redis", () => {
  let a: Replica | undefined;
  let b: Replica | undefined;

  /** Where a digest due every minute is posted while the suite runs, the replicas come and go. */
  const DIGESTS = `C${RUN}DIGEST`;
  let subscribedAt = 0;

  beforeAll(async () => {
    [a, b] = await Promise.all([startReplica("a"), startReplica("b")]);
    const answers = fake.callsTo(RESPONSE_URL).length;
    const subscribe = slashCommand({
      user: user(5),
      channel: DIGESTS,
      command: "/offers",
      text: 'digest subscribe cron "* * * * *"',
      response_url: fake.responseUrl(),
    });
    expect((await signedPost(`${a.url}/slack/events`, SECRET, subscribe)).status).toBe(200);
    await waitUntil(() => fake.callsTo(RESPONSE_URL).length > answers, 20_000);
    expect(JSON.stringify(fake.callsTo(RESPONSE_URL).at(-1)?.body)).toMatch(/digest unsubscribe \d+/);
    subscribedAt = Date.now();
  });

  afterAll(async () => {
    await Promise.all([stop(a), stop(b)]);
  });

  it("answers each event once, whichever replica Slack sends it to, and a redelivery to the other not again", async () => {
    if (!a || !b) throw new Error("replicas not started");
    const [first, second] = [a, b];
    await Promise.all(
      MARKETERS.map((marketer, index) => dmTo(index % 2 ? first : second, marketer, offer(`SPREAD${index}`))),
    );
    // Slack thinks a delivery was missed and sends it again, with its event id, to the other replica.
    const eventId = `EvTWICE${Date.now()}`;
    expect((await dmTo(first, user(5), offer("TWICE"), eventId)).status).toBe(200);
    expect((await dmTo(second, user(5), offer("TWICE"), eventId)).status).toBe(200);

    // Opening App Home is queued work too: a redelivery to the other replica is not drawn twice.
    const homeId = `EvHOME${Date.now()}`;
    const home = eventCallback({ event: appHomeOpenedEvent(user(5)), eventId: homeId });
    expect((await signedPost(`${first.url}/slack/events`, SECRET, home)).status).toBe(200);
    expect((await signedPost(`${second.url}/slack/events`, SECRET, home)).status).toBe(200);

    // A slash command too: answered once, through its response_url, by whichever replica took it.
    const answersBefore = fake.callsTo(RESPONSE_URL).length;
    const command = slashCommand({
      user: user(5),
      channel: channelOf(user(5)),
      command: "/offers",
      text: "list",
      response_url: fake.responseUrl(),
    });
    expect((await signedPost(`${second.url}/slack/events`, SECRET, command)).status).toBe(200);

    const codes = [...MARKETERS.map((marketer, index) => [marketer, `SPREAD${index}`]), [user(5), "TWICE"]];
    for (const [marketer = "", code = ""] of codes)
      await expectSoon(() => previewCard(marketer, code) !== undefined, marketer, [first, second]);
    await waitUntil(() => fake.callsTo(RESPONSE_URL).length > answersBefore, 20_000);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(fake.callsTo("views.publish").filter((call) => call.body.user_id === user(5))).toHaveLength(1);
    const listAnswers = fake.callsTo(RESPONSE_URL).slice(answersBefore);
    expect(listAnswers).toHaveLength(1);
    expect(JSON.stringify(listAnswers[0]?.body)).toMatch(/offer/i);
    for (const [marketer = ""] of codes)
      expect(
        fake.callsTo("chat.postMessage").filter((call) => call.body.channel === channelOf(marketer)),
      ).toHaveLength(1);

    // A form: Edit opened through one replica, submitted through the other, saved once.
    const editor = MARKETERS[0] ?? "";
    const draftCard = previewCard(editor, "SPREAD0");
    if (!draftCard) throw new Error("no preview card");
    expect((await click(first, editor, draftCard, "Edit")).status).toBe(200);
    const opened = await fake.waitFor("views.open", (call) => textOf(call).includes("SPREAD0"), 20_000);
    const view = (opened.body as { view: { callback_id: string; private_metadata: string } }).view;
    const submitted = viewSubmission({
      user: editor,
      callback_id: view.callback_id,
      private_metadata: view.private_metadata,
      values: { offerValue: { offerValue: { type: "number_input", value: "25" } } },
    });
    expect((await signedPost(`${second.url}/slack/events`, SECRET, submitted)).status).toBe(200);
    const savedEdits = () =>
      fake
        .callsTo("chat.update")
        .filter((call) => call.body.channel === channelOf(editor) && textOf(call).includes("25% off"));
    await waitUntil(() => savedEdits().length > 0, 20_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(savedEdits()).toHaveLength(1);
  });

  it("finishes a message whose replica was killed mid-turn right after acking it, on another replica, once", async () => {
    await stop(b);
    if (!a) throw new Error("replica a not running");
    const marketer = user(6);
    // Checking the promo code is free takes long enough for the replica to die inside the turn.
    const codeChecks = kigo().hits(CODE_CHECK);
    kigo().faults.inject({ route: CODE_CHECK, delayMs: 2_000 });
    expect((await dmTo(a, marketer, offer("SLOWTURN"))).status).toBe(200);
    await waitUntil(() => kigo().hits(CODE_CHECK) > codeChecks);
    await stop(a, "SIGKILL");
    const killed = Date.now();
    b = await startReplica("b2");

    await expectSoon(() => previewCard(marketer, "SLOWTURN") !== undefined, marketer, [a, b]);
    const recoveredMs = Date.now() - killed;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(
      fake.callsTo("chat.postMessage").filter((call) => call.body.channel === channelOf(marketer)),
    ).toHaveLength(1);
    expect(recoveredMs).toBeLessThan(30_000);
  });

  it("publishes once when the replica that acked the Publish click dies mid-publish", async () => {
    if (!b) throw new Error("replica b not running");
    const marketer = user(7);
    await dmTo(b, marketer, offer("KILLCLICK"));
    await expectSoon(() => previewCard(marketer, "KILLCLICK") !== undefined, marketer, [b]);
    const card = previewCard(marketer, "KILLCLICK");
    if (!card) throw new Error("no preview card");
    const sandboxApi = kigo();
    // The offer's create takes long enough for the replica to die inside the publish.
    sandboxApi.faults.inject({ route: "POST /dashboard/offers", delayMs: 2_000 });
    const creates = sandboxApi.hits("POST /dashboard/offers");

    expect((await click(b, marketer, card, "Publish")).status).toBe(200);
    await waitUntil(() => sandboxApi.hits("POST /dashboard/offers") > creates);
    await stop(b, "SIGKILL");
    a = await startReplica("a2");

    const published = () =>
      [...fake.callsTo("chat.update"), ...fake.callsTo("chat.postMessage")].filter(
        (call) => call.body.channel === channelOf(marketer) && /Published/.test(textOf(call)),
      );
    await expectSoon(() => published().length > 0, marketer, [a, b]);
    expect(await sandbox.client.promoCodes.list({ promo_code: "KILLCLICK" })).toHaveLength(1);

    // The published card's Show goes through the queue too, and is answered once.
    const publishedCard = published().at(-1);
    if (!a || !publishedCard) throw new Error("no published card");
    const shown = () => fake.callsTo("chat.postEphemeral").filter((call) => call.body.user === marketer);
    const before = shown().length;
    expect(
      (
        await click(
          a,
          marketer,
          { ...publishedCard, response: { ...publishedCard.response, channel: channelOf(marketer) } },
          "Show",
        )
      ).status,
    ).toBe(200);
    await expectSoon(() => shown().length > before, marketer, [a]);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(shown()).toHaveLength(before + 1);
  });

  it("finishes a Teams message whose replica died mid-turn after answering Teams, on another replica, once", async () => {
    await stop(b);
    if (!a) throw new Error("replica a not running");
    const marketer = user(8);
    const chat = personalChat(marketer);
    const codeChecks = kigo().hits(CODE_CHECK);
    kigo().faults.inject({ route: CODE_CHECK, delayMs: 2_000 });
    const activity = message(connector.url, { aadObjectId: marketer }, chat, offer("TEAMSKILL"));
    const answered = await fetch(`${a.url}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(activity),
    });
    expect(answered.status).toBeLessThan(300);
    await waitUntil(() => kigo().hits(CODE_CHECK) > codeChecks);
    await stop(a, "SIGKILL");
    b = await startReplica("b3");

    const previews = () =>
      connector.calls.filter(
        (call) =>
          call.conversationId === chat.conversationId &&
          call.method === "POST" &&
          JSON.stringify(call.body).includes("TEAMSKILL"),
      );
    await waitUntil(() => previews().length > 0, 30_000);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(previews()).toHaveLength(1);
  });

  it("finishes a Teams Publish click whose replica died after answering 'on it', on another replica, once", async () => {
    if (!b) throw new Error("replica b not running");
    const marketer = user(9);
    const chat = personalChat(marketer);
    const from = { aadObjectId: marketer };
    const toBot = (replica: Replica, activity: unknown) =>
      fetch(`${replica.url}/api/messages`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(activity),
      });
    await toBot(b, message(connector.url, from, chat, offer("TEAMSCLICK")));
    await waitUntil(() => {
      try {
        return Boolean(newestCardWith(connector, chat.conversationId, "Publish"));
      } catch {
        return false;
      }
    }, 30_000);
    const preview = newestCardWith(connector, chat.conversationId, "Publish");
    // The offer's create outlasts the click's answer, and the replica dies inside it.
    kigo().faults.inject({ route: "POST /dashboard/offers", delayMs: 4_000 });
    const creates = kigo().hits("POST /dashboard/offers");
    const answered = await toBot(
      b,
      clickActivity(connector.url, from, chat, preview.action, preview.messageId),
    );
    expect(((await answered.json()) as { value: string }).value).toMatch(/On it/);
    await waitUntil(() => kigo().hits("POST /dashboard/offers") > creates);
    await stop(b, "SIGKILL");
    a = await startReplica("a3");

    const publishedCards = () =>
      connector
        .cards((call) => call.conversationId === chat.conversationId)
        .filter(({ card }) => /Published/.test(cardText(card)));
    await waitUntil(() => publishedCards().length > 0, 30_000);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(publishedCards()).toHaveLength(1);
    expect(await sandbox.client.promoCodes.list({ promo_code: "TEAMSCLICK" })).toHaveLength(1);
  });

  it("leaves the turns a TURN_WORKER=false bot acknowledged to the bots that run them", async () => {
    await stop(a);
    const intake = await startReplica("intake", { TURN_WORKER: "false" });
    try {
      const marketer = user(10);
      expect((await dmTo(intake, marketer, offer("INTAKE"))).status).toBe(200);
      // No bot running turns: the event is acknowledged and waits in the queue.
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      expect(previewCard(marketer, "INTAKE")).toBeUndefined();
      a = await startReplica("a4");
      await expectSoon(() => previewCard(marketer, "INTAKE") !== undefined, marketer, [intake, a]);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(
        fake.callsTo("chat.postMessage").filter((call) => call.body.channel === channelOf(marketer)),
      ).toHaveLength(1);
    } finally {
      await stop(intake);
    }
  });

  it("posts each minute's scheduled digest once, whichever replicas are running", async () => {
    const digests = () => fake.callsTo("chat.postMessage").filter((call) => call.body.channel === DIGESTS);
    // The first minute's tick may still be to come if the suite ran fast.
    await waitUntil(() => digests().length > 0, Math.max(5_000, subscribedAt + 70_000 - Date.now()));
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const minutes = digests().map((call) => Math.floor(call.at / 60_000));
    expect(minutes.length).toBeGreaterThan(0);
    expect(new Set(minutes).size).toBe(minutes.length);
  }, 90_000);
});
