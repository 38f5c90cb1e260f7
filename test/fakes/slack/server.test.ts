import { webApi } from "@slack/bolt";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { BOT_TOKEN } from "./ids.js";
import { type FakeSlack, startFakeSlack, UPLOAD } from "./server.js";

const { WebClient, LogLevel, ErrorCode } = webApi;

let fake: FakeSlack;
let client: InstanceType<typeof WebClient>;

const section = (text: string) => ({ type: "section", text: { type: "mrkdwn", text } });

/** What web-api threw for a call the fake answered with ok: false. */
async function platformError(call: Promise<unknown>): Promise<Record<string, unknown>> {
  const error = await call.then(
    () => expect.unreachable("the call should have failed"),
    (e: unknown) => e as { code: string; data: Record<string, unknown> },
  );
  expect(error.code).toBe(ErrorCode.PlatformError);
  return error.data;
}

beforeAll(async () => {
  fake = await startFakeSlack();
  client = new WebClient(BOT_TOKEN, {
    slackApiUrl: fake.apiUrl,
    // One quick retry: enough to see a 429 honoured without the default half-hour policy.
    retryConfig: { retries: 1, minTimeout: 0, maxTimeout: 1 },
    logLevel: LogLevel.ERROR,
  });
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

describe("fake Slack Web API through @slack/web-api", () => {
  it("answers auth.test as the bot", async () => {
    const result = await client.auth.test();
    expect(result).toMatchObject({ ok: true, user_id: "UBOT", bot_id: "BBOT", team_id: "T1", team: "Test" });
  });

  it("records chat.postMessage with its blocks parsed, and answers unique increasing ts", async () => {
    const first = await client.chat.postMessage({ channel: "C1", text: "hi", blocks: [section("*hi*")] });
    const second = await client.chat.postMessage({ channel: "C1", text: "again" });
    expect(first).toMatchObject({ ok: true, channel: "C1", message: { text: "hi", bot_id: "BBOT" } });
    expect(first.ts).toMatch(/^\d{10}\.\d{6}$/);
    expect(Number(second.ts)).toBeGreaterThan(Number(first.ts));
    const [call] = fake.callsTo("chat.postMessage");
    expect(call?.body.blocks).toEqual([section("*hi*")]);
    expect(call?.response.ok).toBe(true);
  });

  it("rejects blocks over a limit with invalid_blocks naming the path", async () => {
    const data = await platformError(
      client.chat.postMessage({ channel: "C1", text: "x", blocks: [section("x".repeat(3001))] }),
    );
    expect(data).toMatchObject({
      error: "invalid_blocks",
      errors: ["must be less than 3001 characters [json-pointer:/blocks/0/text/text]"],
    });
  });

  it("rejects text over 40,000 characters with msg_too_long", async () => {
    const data = await platformError(client.chat.postMessage({ channel: "C1", text: "x".repeat(40_001) }));
    expect(data.error).toBe("msg_too_long");
  });

  it("answers invalid_auth for a wrong token and unknown_method for a method it does not know", async () => {
    const stranger = new WebClient("xoxb-wrong", { slackApiUrl: fake.apiUrl, logLevel: LogLevel.ERROR });
    expect((await platformError(stranger.auth.test())).error).toBe("invalid_auth");
    expect((await platformError(client.apiCall("offers.launch"))).error).toBe("unknown_method");
  });

  it("answers 429 with Retry-After when asked, and web-api waits and retries", async () => {
    fake.rateLimit("chat.postMessage", { times: 1, retryAfterSeconds: 1 });
    const started = Date.now();
    const result = await client.chat.postMessage({ channel: "C1", text: "patient" });
    expect(result.ok).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(fake.callsTo("chat.postMessage").map((c) => c.response.error ?? "ok")).toEqual([
      "ratelimited",
      "ok",
    ]);
  });

  it("answers 429 to a second post to one channel within the pace, not to another channel's", async () => {
    fake.paceChannels(5_000);
    const paced = new WebClient(BOT_TOKEN, {
      slackApiUrl: fake.apiUrl,
      rejectRateLimitedCalls: true,
      logLevel: LogLevel.ERROR,
    });
    await paced.chat.postMessage({ channel: "C1", text: "first" });
    await paced.chat.postMessage({ channel: "C2", text: "elsewhere" });
    await expect(paced.chat.postMessage({ channel: "C1", text: "too soon" })).rejects.toMatchObject({
      code: ErrorCode.RateLimitedError,
      retryAfter: 1,
    });
    expect(fake.callsTo("chat.postMessage").map((c) => c.response.error ?? "ok")).toEqual([
      "ok",
      "ok",
      "ratelimited",
    ]);
  });

  it("fails the next calls to a method with the error it is told", async () => {
    fake.failWith("files.getUploadURLExternal", "not_allowed_token_type", { times: 2 });
    const upload = () => client.files.getUploadURLExternal({ filename: "a.png", length: 1 });
    expect((await platformError(upload())).error).toBe("not_allowed_token_type");
    expect((await platformError(upload())).error).toBe("not_allowed_token_type");
    expect((await upload()).ok).toBe(true);
  });

  it("lists declared channels page by page, private ones only to members, archived ones unless excluded", async () => {
    fake.addChannel("C1", "general");
    fake.addChannel("C2", "dealer-promos", { member: false });
    fake.addChannel("G1", "secret-team");
    fake.addChannel("G2", "not-ours", { member: false });
    fake.addChannel("C3", "old-news", { archived: true });
    const names: string[] = [];
    for await (const page of client.paginate("conversations.list", {
      types: "public_channel,private_channel",
      exclude_archived: true,
      limit: 2,
    })) {
      names.push(
        ...(page as unknown as { channels: { name: string }[] }).channels.map((channel) => channel.name),
      );
    }
    expect(names).toEqual(["general", "dealer-promos", "secret-team"]);
    const listed = await client.conversations.list({ exclude_archived: false });
    expect(listed.channels?.map((channel) => channel.name)).toEqual(["general", "dealer-promos", "old-news"]);
  });

  it("answers conversations.info with the declared name and whether the bot is in the channel", async () => {
    fake.addChannel("C2", "dealer-promos", { member: false });
    fake.addChannel("G2", "not-ours", { member: false });
    fake.keepBotOut("C9");
    expect((await client.conversations.info({ channel: "C2" })).channel).toMatchObject({
      name: "dealer-promos",
      is_member: false,
    });
    expect((await client.conversations.info({ channel: "C9" })).channel?.is_member).toBe(false);
    expect((await client.conversations.info({ channel: "C1" })).channel?.is_member).toBe(true);
    expect((await platformError(client.conversations.info({ channel: "G2" }))).error).toBe(
      "channel_not_found",
    );
    expect((await platformError(client.chat.postMessage({ channel: "C2", text: "hi" }))).error).toBe(
      "channel_not_found",
    );
  });

  it("rejects a view whose title is too long as Slack does: invalid_arguments", async () => {
    const view = {
      type: "modal" as const,
      title: { type: "plain_text" as const, text: "x".repeat(25) },
      blocks: [],
    };
    const data = await platformError(client.views.open({ trigger_id: "1.T1.t", view }));
    expect(data).toMatchObject({
      error: "invalid_arguments",
      response_metadata: {
        messages: ["[ERROR] must be less than 25 characters [json-pointer:/view/title/text]"],
      },
    });
  });

  it("opens, updates and publishes views, answering their ids", async () => {
    const modal = {
      type: "modal" as const,
      title: { type: "plain_text" as const, text: "Offer" },
      blocks: [],
    };
    const opened = await client.views.open({ trigger_id: "1.T1.t", view: modal });
    const id = opened.view?.id ?? "";
    expect(id).toMatch(/^V/);
    expect((await client.views.update({ view_id: id, view: modal })).view?.id).toBe(id);
    const home = await client.views.publish({
      user_id: "U1",
      view: { type: "home", blocks: [section("hi")] },
    });
    expect(home.view?.type).toBe("home");
    expect(fake.callsTo("views.publish")[0]?.body.view.blocks).toEqual([section("hi")]);
  });

  it("uploads a file with filesUploadV2 end to end", async () => {
    const result = await client.filesUploadV2({
      channel_id: "C1",
      filename: "offers.csv",
      content: "name,discount\nSpring,10%",
    });
    expect(result.ok).toBe(true);
    const [upload] = fake.callsTo(UPLOAD);
    expect(upload?.body.content.toString()).toBe("name,discount\nSpring,10%");
    const completed = await fake.waitFor("files.completeUploadExternal");
    expect(completed.body).toMatchObject({
      channel_id: "C1",
      files: [{ id: upload?.body.file_id, title: "offers.csv" }],
    });
    expect(completed.response.files).toEqual([
      { id: upload?.body.file_id, title: "offers.csv", name: "offers.csv", size: 24 },
    ]);
  });

  it("accepts JSON bodies with the token in the Authorization header", async () => {
    const response = await fetch(`${fake.apiUrl}chat.postMessage`, {
      method: "POST",
      headers: { "content-type": "application/json; charset=utf-8", authorization: `Bearer ${BOT_TOKEN}` },
      body: JSON.stringify({ channel: "C1", text: "json", blocks: [section("json")] }),
    });
    expect(await response.json()).toMatchObject({ ok: true, message: { blocks: [section("json")] } });
  });

  it("fails a call whose arguments a method cannot take, without taking the fake down", async () => {
    const response = await fetch(`${fake.apiUrl}conversations.info`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${BOT_TOKEN}` },
      body: JSON.stringify({ channel: 42 }),
    });
    expect(await response.json()).toMatchObject({ ok: false, error: "fatal_error" });
    expect((await client.auth.test()).ok).toBe(true);
  });

  it("answers users.info in America/Chicago unless told otherwise", async () => {
    fake.setUser("U2", { tz: "Europe/Paris", real_name: "Ana Lima" });
    expect((await client.users.info({ user: "U1" })).user).toMatchObject({ id: "U1", tz: "America/Chicago" });
    expect((await client.users.info({ user: "U2" })).user).toMatchObject({
      tz: "Europe/Paris",
      real_name: "Ana Lima",
    });
  });

  it("answers history and replies from what was posted and added, and edits only messages that exist", async () => {
    const dm = (await client.conversations.open({ users: "U1" })).channel?.id ?? "";
    expect(dm).toBe("D1");
    const question = fake.addMessage(dm, { user: "U1", text: "my offers?" });
    const answer = await client.chat.postMessage({ channel: dm, thread_ts: question.ts, text: "two" });
    await client.chat.update({ channel: dm, ts: answer.ts ?? "", text: "three" });
    const replies = await client.conversations.replies({ channel: dm, ts: question.ts });
    expect(replies.messages?.map((m) => m.text)).toEqual(["my offers?", "three"]);
    const history = await client.conversations.history({ channel: dm });
    expect(history.messages?.map((m) => m.text)).toEqual(["my offers?"]);
    const missing = await platformError(client.chat.update({ channel: dm, ts: "1.000100", text: "x" }));
    expect(missing.error).toBe("message_not_found");
  });

  it("answers the assistant and streaming methods and records them", async () => {
    await client.assistant.threads.setStatus({ channel_id: "D1", thread_ts: "1.1", status: "is thinking…" });
    const stream = client.chatStream({ channel: "D1", thread_ts: "1.1", buffer_size: 1 });
    await stream.append({ markdown_text: "Two offers" });
    await stream.append({ markdown_text: " are live." });
    await stream.stop();
    expect(fake.calls.map((c) => c.method)).toEqual([
      "assistant.threads.setStatus",
      "chat.startStream",
      "chat.appendStream",
      "chat.stopStream",
    ]);
    expect(fake.callsTo("chat.appendStream")[0]?.body.chunks).toEqual([
      { type: "markdown_text", text: " are live." },
    ]);
  });

  it("waits for a call still to come, and says what it saw when none comes", async () => {
    const waiting = fake.waitFor("chat.postMessage", (c) => c.body.text === "later");
    await client.chat.postMessage({ channel: "C1", text: "sooner" });
    await client.chat.postMessage({ channel: "C1", text: "later" });
    expect((await waiting).body.text).toBe("later");
    await expect(fake.waitFor("views.open", undefined, 50)).rejects.toThrow(
      "no matching views.open call within 50 ms; calls seen: chat.postMessage, chat.postMessage",
    );
  });
});
