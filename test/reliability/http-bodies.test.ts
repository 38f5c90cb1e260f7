import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeSlack, startFakeSlack } from "../fakes/slack/server.js";
import { eventCallback, messageEvent, signedPost } from "../fakes/slack/signed.js";
import { message, personalChat, teamsActivity } from "../fakes/teams/activities.js";
import { type FakeConnector, startFakeConnector } from "../fakes/teams/connector.js";
import { SIGNING_SECRET, type SlackHarness, startSlackHarness, textOf, waitUntil } from "../slack/support.js";
import { startTestApp, type TestApp, USERS } from "../support/bot.js";
import { startTeamsHarness, type TeamsHarness } from "../teams/support.js";
import { bigJson, type RawRequest, type RawStatus, rawRequest, slackSigned } from "./support-http.js";
import { type RunningBot, startBot, unreadableLines, writeRoles } from "./support-main.js";

/**
 * Every HTTP endpoint of the bot, sent bodies no Slack or Bot Connector would send: not JSON, cut
 * short, labelled with another content type, megabytes large, or JSON of the wrong shape, signed
 * (so the body gets past the signature check and reaches our code) and not. Each is refused with
 * a 4xx (or acknowledged where the protocol asks for it, said where), the process stays up and
 * keeps answering, and nothing is left rejected or thrown unhandled.
 */

type Case = [name: string, send: () => Promise<RawStatus>, expected: RawStatus];

const JSON_TYPE = "application/json";
const FORM = "application/x-www-form-urlencoded";
const USER = "dealerMarketer";
const form = (payload: unknown) => `payload=${encodeURIComponent(JSON.stringify(payload))}`;
const slackUser = { id: USER, username: USER, team_id: "T1" };

/** Cases for POST /slack/events at `url`, signed with `secret` where they say so. */
function slackCases(url: () => string, secret: string): Case[] {
  const signed = (body: string, contentType?: string, extra: RawRequest = {}) =>
    rawRequest(url(), { body, headers: slackSigned(secret, body, contentType), ...extra });
  const unsigned = (body: string, contentType = JSON_TYPE, extra: RawRequest = {}) =>
    rawRequest(url(), { body, headers: { "content-type": contentType }, ...extra });
  const dm = (fields: Record<string, unknown>) =>
    JSON.stringify({
      type: "event_callback",
      team_id: "T1",
      event_id: `EvBodies${Math.random().toString(36).slice(2, 10)}`,
      event: fields,
    });
  return [
    ["unsigned, a valid event", () => unsigned(dm({ type: "message", channel: "D1", text: "hi" })), 401],
    // Unsigned or badly signed, the body is never looked at: 401, whatever it holds.
    ["unsigned, not JSON", () => unsigned("hello"), 401],
    ["unsigned, null", () => unsigned("null"), 401],
    ["unsigned, JSON sent as text/plain", () => unsigned("{}", "text/plain"), 401],
    [
      "badly signed, null",
      () => rawRequest(url(), { body: "null", headers: slackSigned(`not-${secret}`, "null", JSON_TYPE) }),
      401,
    ],
    ["signed, not JSON", () => signed("hello", JSON_TYPE), 400],
    ["signed, JSON cut short", () => signed('{"type":"event_callback","event":{"type":', JSON_TYPE), 400],
    // Bolt reads `body.ssl_check` of whatever parsed: null threw after the answer was due, unhandled.
    ["signed, null", () => signed("null", JSON_TYPE), 400],
    ["signed, a string", () => signed('"event_callback"', JSON_TYPE), 400],
    ["signed, a number", () => signed("5", JSON_TYPE), 400],
    ["signed, an array", () => signed("[]", JSON_TYPE), 400],
    ["signed, type: 5", () => signed(JSON.stringify({ type: 5, team_id: "T1" }), JSON_TYPE), 400],
    // Bolt answered 500 (which Slack retries) for an event that is not an object.
    ['signed, event: "str"', () => signed(dm({}).replace("{}", '"str"'), JSON_TYPE), 400],
    // Events are acknowledged before any listener runs (Slack wants the 200 within 3 s and
    // retries otherwise); the listener then finds no DM it can read and does nothing.
    [
      "signed, a message event with wrongly typed fields (acknowledged)",
      () => signed(dm({ type: "message", channel_type: "im", channel: 5, user: [], text: {} }), JSON_TYPE),
      200,
    ],
    ["signed, payload= not JSON", () => signed("payload=%7Bnope", FORM), 400],
    ["signed, payload=null", () => signed("payload=null", FORM), 400],
    ["signed, payload=5", () => signed("payload=5", FORM), 400],
    // Bolt answered 500 for each of these three.
    [
      'signed, block_actions with actions: "x"',
      () => signed(form({ type: "block_actions", user: slackUser, actions: "x" }), FORM),
      400,
    ],
    [
      "signed, block_actions with actions: [5]",
      () => signed(form({ type: "block_actions", user: slackUser, actions: [5] }), FORM),
      400,
    ],
    [
      'signed, view_submission with view: "x"',
      () => signed(form({ type: "view_submission", user: slackUser, view: "x" }), FORM),
      400,
    ],
    [
      "signed, a shortcut without a user",
      () => signed(form({ type: "shortcut", callback_id: "new_offer" }), FORM),
      400,
    ],
    [
      "signed, a slash command whose text is given twice",
      () => signed(`command=%2Foffers&text=list&text=drafts&user_id=${USER}&channel_id=C1&team_id=T1`, FORM),
      400,
    ],
    [
      "signed, a form sent as application/json",
      () => signed(form({ type: "block_actions" }), JSON_TYPE),
      400,
    ],
    ["signed, JSON sent as a form", () => signed(dm({ type: "message" }), FORM), 400],
    ["signed, JSON sent as text/plain", () => signed(dm({ type: "message" }), "text/plain"), 415],
    [
      "signed, JSON sent as multipart/form-data",
      () => signed(dm({ type: "message" }), "multipart/form-data; boundary=x"),
      415,
    ],
    ["signed, JSON without a content type", () => signed(dm({ type: "message" })), 415],
    ["signed, 5 MB of JSON", () => signed(bigJson(5, { type: "event_callback" }), JSON_TYPE), 413],
    ["unsigned, 5 MB of JSON", () => unsigned(bigJson(5)), 413],
    ["unsigned, 5 MB chunked, no length", () => unsigned(bigJson(5), JSON_TYPE, { chunked: true }), 413],
    [
      "a body cut off mid-way (the client hangs up)",
      () => unsigned(bigJson(1), JSON_TYPE, { cutAfter: 4096 }),
      "no answer",
    ],
  ];
}

/** Cases for the ops routes at `base`: they take GET without a body, and nothing else. */
function opsCases(base: () => string): Case[] {
  return [
    [
      "POST /healthz with a body",
      () => rawRequest(`${base()}/healthz`, { body: "junk", headers: { "content-type": JSON_TYPE } }),
      404,
    ],
    [
      "POST /readyz with 5 MB",
      () => rawRequest(`${base()}/readyz`, { body: bigJson(5), headers: { "content-type": JSON_TYPE } }),
      404,
    ],
    ["PUT /metrics", () => rawRequest(`${base()}/metrics`, { method: "PUT", body: "x" }), 404],
  ];
}

/** Cases for POST /api/messages at `url`, with a valid Bot Framework token from `token` where it applies. */
function teamsCases(url: () => string, token: () => string | undefined, serviceUrl: () => string): Case[] {
  /** `contentType` null: no Content-Type header at all. */
  const send = (body: string, contentType: string | null = JSON_TYPE, extra: RawRequest = {}) => {
    const bearer = token();
    return rawRequest(url(), {
      body,
      headers: {
        ...(contentType ? { "content-type": contentType } : {}),
        ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
      },
      ...extra,
    });
  };
  const activity = (fields: Record<string, unknown>) =>
    JSON.stringify(teamsActivity(serviceUrl(), { aadObjectId: USER }, personalChat("bodies"), fields));
  return [
    ["not JSON", () => send("hello"), 400],
    ["JSON cut short", () => send('{"type":"message","text":'), 400],
    ["null", () => send("null"), 400],
    ["an array", () => send("[]"), 400],
    ["an empty object", () => send("{}"), 400],
    ["type: 5", () => send(activity({ type: 5, text: "hi" })), 400],
    ["text: 5", () => send(activity({ type: "message", text: 5 })), 400],
    ['from: "x"', () => send(activity({ type: "message", text: "hi", from: "x" })), 400],
    ["conversation: 7", () => send(activity({ type: "message", text: "hi", conversation: 7 })), 400],
    ['membersAdded: "x"', () => send(activity({ type: "conversationUpdate", membersAdded: "x" })), 400],
    [
      "a valid activity sent as text/plain",
      () => send(activity({ type: "message", text: "list" }), "text/plain"),
      415,
    ],
    [
      "a valid activity without a content type",
      () => send(activity({ type: "message", text: "list" }), null),
      415,
    ],
    ["2 MB of JSON", () => send(bigJson(2, { type: "message" })), 413],
    [
      "2 MB chunked, no length",
      () => send(bigJson(2, { type: "message" }), JSON_TYPE, { chunked: true }),
      413,
    ],
    [
      "a body cut off mid-way (the client hangs up)",
      () => send(bigJson(1), JSON_TYPE, { cutAfter: 4096 }),
      "no answer",
    ],
    ["GET", () => rawRequest(url(), { method: "GET" }), 405],
  ];
}

describe("in process: the Slack receiver and the Teams server", () => {
  let slack: SlackHarness;
  let teams: TeamsHarness;
  const crashes: unknown[] = [];
  const onCrash = (error: unknown) => crashes.push(error);

  beforeAll(async () => {
    process.on("unhandledRejection", onCrash);
    process.on("uncaughtException", onCrash);
    [slack, teams] = await Promise.all([startSlackHarness(), startTeamsHarness({ auth: true })]);
  }, 60_000);

  afterAll(async () => {
    await Promise.all([slack?.close(), teams?.close()]);
    process.off("unhandledRejection", onCrash);
    process.off("uncaughtException", onCrash);
  });

  describe("POST /slack/events", () => {
    it.each(slackCases(() => `${slack.url}/slack/events`, SIGNING_SECRET))(
      "%s",
      async (_name, send, expected) => {
        expect(await send()).toBe(expected);
      },
    );
  });

  describe("the ops routes on Slack's receiver", () => {
    it.each(opsCases(() => slack.url))("%s", async (_name, send, expected) => {
      expect(await send()).toBe(expected);
    });
  });

  describe("POST /api/messages, with a valid token", () => {
    it.each(
      teamsCases(
        () => `${teams.url}/api/messages`,
        () => teams.issuer?.sign(teams.goodClaims()),
        () => teams.connector.url,
      ),
    )("%s", async (_name, send, expected) => {
      expect(await send()).toBe(expected);
    });

    it("answers a click whose value is not a card action's with 200 and words, as an invoke is answered", async () => {
      const click = teamsActivity(teams.connector.url, { aadObjectId: USER }, personalChat("bodies"), {
        type: "invoke",
        name: "adaptiveCard/action",
        value: { action: { type: "Action.Execute", verb: 5, data: "x" } },
      });
      const { status, body } = await teams.send(click);
      expect(status).toBe(200);
      expect(JSON.stringify(body)).toMatch(/isn't one of mine any more/);
    });
  });

  describe("the Teams server's other routes", () => {
    it.each([
      ...opsCases(() => teams.url),
      [
        "an unsigned body that is not JSON",
        () =>
          rawRequest(`${teams.url}/api/messages`, { body: "hello", headers: { "content-type": JSON_TYPE } }),
        400,
      ] as Case,
    ])("%s", async (_name, send, expected) => {
      expect(await send()).toBe(expected);
    });
  });

  it("still answers a real DM and a real Teams message, and nothing was thrown or rejected unhandled", async () => {
    const before = slack.fake.callsTo("chat.postMessage").length;
    expect((await slack.dm(USER, "list")).status).toBe(200);
    await waitUntil(() => slack.fake.callsTo("chat.postMessage").length > before);

    const chat = personalChat("bodies-after");
    expect((await teams.send(message(teams.connector.url, { aadObjectId: USER }, chat, "list"))).status).toBe(
      200,
    );
    await teams.settle();
    expect(teams.connector.calls.some((call) => call.conversationId === chat.conversationId)).toBe(true);

    // The cut-off request is logged by the Teams route ("aborted"); anything else logged is a failure.
    expect(teams.problems.filter((problem) => !/aborted/.test(problem))).toEqual([]);
    expect(crashes).toEqual([]);
  });
});

describe("npm start with Slack and Teams on one server, and digest charts", () => {
  const SECRET = "bodies-signing-secret";
  let sandbox: TestApp;
  let fake: FakeSlack;
  let connector: FakeConnector;
  let dir: string;
  let bot: RunningBot;
  let url = "";

  beforeAll(async () => {
    [sandbox, fake, connector] = await Promise.all([startTestApp(), startFakeSlack(), startFakeConnector()]);
    dir = mkdtempSync(join(tmpdir(), "kigo-bodies-"));
    bot = await startBot(fake.apiUrl, {
      SLACK_SIGNING_SECRET: SECRET,
      // Teams' routes on Slack's receiver, as main serves both; without an app id no token is
      // needed, so every body reaches the route's own reading of it.
      TEAMS_ALLOW_ANONYMOUS: "true",
      PUBLIC_URL: "https://offers.example.com",
      KIGO_API_URL: sandbox.kigo.url,
      KIGO_API_TOKEN: sandbox.kigo.embedded?.token ?? "",
      ROLES_FILE: writeRoles(dir, { [USER]: USERS.dealerMarketer }),
      DEFAULT_TIME_ZONE: "America/Chicago",
      LOG_LEVEL: "warn",
    });
    url = bot.url;
  }, 90_000);

  afterAll(async () => {
    await bot?.stop();
    await Promise.all([sandbox?.close(), fake?.close(), connector?.close()]);
    rmSync(dir, { recursive: true, force: true });
  });

  const chart = (path: string, options: RawRequest = {}) =>
    rawRequest(`${url}${path}`, { method: "GET", ...options });
  const cases: Case[] = [
    ...slackCases(() => `${url}/slack/events`, SECRET).filter(([name]) =>
      /null|event: "str"|actions: "x"|cut off|5 MB of JSON|text\/plain/.test(name),
    ),
    ...teamsCases(
      () => `${url}/api/messages`,
      () => undefined,
      () => connector.url,
    )
      .filter(([name]) => !/^GET$/.test(name))
      .map(([name, send, expected]): Case => [`/api/messages: ${name}`, send, expected]),
    // Only GET is routed to Teams here: Bolt answers any other method 404.
    ["GET /api/messages", () => chart("/api/messages"), 404],
    ["a chart nobody made", () => chart(`/charts/${"ab".repeat(20)}.png`), 404],
    ["a chart name that is not a hash", () => chart("/charts/nope.png"), 404],
    ["a path out of the charts", () => chart("/charts/..%2F..%2Fpackage.json"), 404],
    [
      "POST to a chart",
      () => chart(`/charts/${"ab".repeat(20)}.png`, { method: "POST", body: bigJson(2) }),
      404,
    ],
    ...opsCases(() => url),
  ];

  it.each(cases)("%s", async (_name, send, expected) => {
    expect(await send()).toBe(expected);
  });

  it("is still running and answers Slack and Teams, with no crash in its log", async () => {
    const channel = "DBODIES1";
    const event = messageEvent({ channel, user: USER, text: "list", channel_type: "im" });
    expect((await signedPost(`${url}/slack/events`, SECRET, eventCallback({ event }))).status).toBe(200);
    await fake.waitFor(
      "chat.postMessage",
      (call) => call.body.channel === channel && textOf(call).length > 0,
      20_000,
    );

    const chat = personalChat("bodies-main");
    const activity = message(connector.url, { aadObjectId: USER }, chat, "list");
    const response = await fetch(`${url}/api/messages`, {
      method: "POST",
      headers: { "content-type": JSON_TYPE },
      body: JSON.stringify(activity),
    });
    expect(response.status).toBe(200);
    await connector.waitFor((call) => call.conversationId === chat.conversationId, 20_000);

    expect(bot.child.exitCode).toBeNull();
    expect(bot.stderr).not.toMatch(/TypeError|Unhandled|uncaught|Cannot read properties/i);
    // Every refusal above that was logged, was logged as a JSON line (Bolt's among them).
    expect(unreadableLines(bot.stderr).slice(0, 10)).toEqual([]);
  });
});
