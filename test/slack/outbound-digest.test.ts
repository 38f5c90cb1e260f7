import type { Logger } from "pino";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { type SlackOutboundOptions, slackOutbound } from "../../src/bot/slack/outbound.js";
import { createSlackBot } from "../../src/bot/slack/slack-app.js";
import type { AlertView } from "../../src/core/digest/view-model.js";
import type { OfferBot } from "../../src/core/offer-bot.js";
import type { OutboundMessage } from "../../src/core/outbound.js";
import { ThreadRegistry } from "../../src/core/threads.js";
import { MemoryKeyValueStore } from "../../src/stores/kv.js";
import { type FakeSlack, type FakeSlackCall, startFakeSlack, UPLOAD } from "../fakes/slack/server.js";
import { digest, digestLine } from "../views/slack/fixtures.js";

/**
 * Digests and alerts through the Slack outbound, on the Web API client the Slack app itself
 * builds, against the fake Slack: the chart uploaded and shown, the text fallback when it cannot
 * be, rate limits and per-channel pacing, and channels named the ways people type them.
 */

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

let fake: FakeSlack;
let client: ReturnType<typeof createSlackBot>["app"]["client"];

beforeAll(async () => {
  fake = await startFakeSlack();
  const kv = new MemoryKeyValueStore();
  const slack = createSlackBot(
    { botToken: "xoxb-test", signingSecret: "secret", apiUrl: fake.apiUrl },
    { bot: {} as OfferBot, kv, ttlSeconds: 3600 },
  );
  client = slack.app.client;
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const warnings = vi.fn();
const outbound = (options: SlackOutboundOptions = {}) =>
  slackOutbound(client, new ThreadRegistry(new MemoryKeyValueStore(), 3600), undefined, {
    minIntervalMs: 50,
    fileRetryMs: 20,
    logger: { warn: warnings } as unknown as Logger,
    ...options,
  });

const digestMessage = (overrides: Parameters<typeof digest>[0] = {}): OutboundMessage => ({
  kind: "digest",
  digest: digest(overrides),
});

type Block = { type: string; slack_file?: { id: string }; text?: { text: string } };
const blocksOf = (call: FakeSlackCall | undefined) => (call?.body.blocks ?? []) as Block[];
const posted = () => fake.callsTo("chat.postMessage").filter((call) => call.response.ok);
const answers = (method: string) => fake.callsTo(method).map((call) => call.response.error ?? "ok");

describe("a digest with a chart", () => {
  it("uploads the chart as a PNG of the app's own and posts the digest showing that file", async () => {
    const result = await outbound().post({ channel: "C1" }, digestMessage());
    expect(fake.calls.map((call) => call.method)).toEqual([
      "files.getUploadURLExternal",
      UPLOAD,
      "files.completeUploadExternal",
      "chat.postMessage",
    ]);
    const [upload] = fake.callsTo(UPLOAD);
    const content = upload?.body.content as Buffer;
    expect(content.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    const [completed] = fake.callsTo("files.completeUploadExternal");
    // Shared with no channel: only the message's image block shows it.
    expect(completed?.body.channel_id).toBeUndefined();
    expect(completed?.body.channels).toBeUndefined();
    const [post] = posted();
    expect(post?.body.channel).toBe("C1");
    const image = blocksOf(post).find((block) => block.type === "image");
    expect(image?.slack_file).toEqual({ id: upload?.body.file_id });
    expect(result).toEqual({ channel: "C1", id: post?.response.ts });
  });

  it("posts with the text sparkline when the upload is refused, saying only Slack's error code", async () => {
    warnings.mockClear();
    fake.failWith("files.getUploadURLExternal", "not_allowed_token_type");
    await outbound().post({ channel: "C1" }, digestMessage());
    const [post] = posted();
    expect(blocksOf(post).some((block) => block.type === "image")).toBe(false);
    expect(JSON.stringify(blocksOf(post))).toContain("`▃▅▇▄█▆▆`");
    expect(warnings).toHaveBeenCalledWith({ error: "not_allowed_token_type" }, expect.any(String));
    expect(JSON.stringify(warnings.mock.calls)).not.toContain("xoxb");
  });

  it("tries the image once more when Slack refuses it at first, as with a file not processed yet", async () => {
    fake.failWith("chat.postMessage", "invalid_blocks", { times: 1 });
    await outbound().post({ channel: "C1" }, digestMessage());
    expect(answers("chat.postMessage")).toEqual(["invalid_blocks", "ok"]);
    expect(blocksOf(posted()[0]).some((block) => block.type === "image")).toBe(true);
  });

  it("posts with the sparkline when Slack refuses the image twice", async () => {
    fake.failWith("chat.postMessage", "invalid_blocks", { times: 2 });
    await outbound().post({ channel: "C1" }, digestMessage());
    expect(answers("chat.postMessage")).toEqual(["invalid_blocks", "invalid_blocks", "ok"]);
    expect(blocksOf(posted()[0]).some((block) => block.type === "image")).toBe(false);
  });
});

describe("pacing and rate limits", () => {
  it("waits out a 429's Retry-After and posts the digest once", async () => {
    fake.rateLimit("chat.postMessage", { times: 1, retryAfterSeconds: 1 });
    const started = Date.now();
    await outbound().post({ channel: "C1" }, digestMessage({ chart: undefined }));
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(answers("chat.postMessage")).toEqual(["ratelimited", "ok"]);
  });

  it("spaces posts to one channel by minIntervalMs without holding up another channel's", async () => {
    fake.paceChannels(250);
    const slack = outbound({ minIntervalMs: 300 });
    const plain = digestMessage({ chart: undefined });
    await Promise.all([
      slack.post({ channel: "C1" }, plain),
      slack.post({ channel: "C1" }, plain),
      slack.post({ channel: "C2" }, plain),
    ]);
    expect(answers("chat.postMessage")).toEqual(["ok", "ok", "ok"]);
    const at = (channel: string) =>
      posted()
        .filter((call) => call.body.channel === channel)
        .map((call) => call.at);
    const [first = 0, second = 0] = at("C1");
    const [other = 0] = at("C2");
    expect(second - first).toBeGreaterThanOrEqual(250);
    expect(Math.abs(other - first)).toBeLessThan(200);
  });
});

describe("told to one user", () => {
  const alert: AlertView = {
    kind: "alert",
    offerId: 7,
    text: "*Spring sale* has 2 redemptions in 7 days.",
    actions: digestLine(7).actions,
  };

  it("posts a digest, chart and all, and an alert into the user's DM", async () => {
    const slack = outbound();
    await slack.tell({ userId: "U1", channel: "C1" }, digestMessage());
    await slack.tell({ userId: "U1" }, { kind: "alert", alert });
    expect(posted().map((call) => [call.body.channel, call.response.channel])).toEqual([
      ["U1", "D1"],
      ["U1", "D1"],
    ]);
    expect(blocksOf(posted()[0]).some((block) => block.type === "image")).toBe(true);
    expect(fake.callsTo("chat.postEphemeral")).toEqual([]);
  });
});

describe("channel()", () => {
  const notIn = (name: string) =>
    `I'm not in #${name} yet: invite me with /invite @Kigo Offers, then subscribe again.`;

  it("takes the DM a command was typed in, where the bot may always post", async () => {
    expect(await outbound().channel("D0USER")).toEqual({ channel: "D0USER", name: "your DM with me" });
    expect(fake.callsTo("conversations.info")).toHaveLength(0);
  });

  it("takes Slack's escaped mention, with or without a name", async () => {
    fake.addChannel("C1", "general");
    expect(await outbound().channel("<#C1|general>")).toEqual({ channel: "C1", name: "#general" });
    expect(await outbound().channel("<#C1>")).toEqual({ channel: "C1", name: "#general" });
  });

  it("finds #name among every page of channels, public and private", async () => {
    for (let i = 0; i < 120; i += 1) fake.addChannel(`C${1000 + i}`, `team-${i}`);
    fake.addChannel("G1", "Dealer-Promos");
    expect(await outbound().channel(" #dealer-promos ")).toEqual({ channel: "G1", name: "#Dealer-Promos" });
    expect(fake.callsTo("conversations.list").length).toBeGreaterThan(1);
  });

  it("says it cannot find a name no channel has", async () => {
    fake.addChannel("C1", "general");
    fake.addChannel("C2", "old-promos", { archived: true });
    expect(await outbound().channel("#promos")).toEqual({
      problem: "I can't find a channel called #promos. Check the spelling, or pick it from the list with #.",
    });
    expect((await outbound().channel("#old-promos")) as object).toHaveProperty("problem");
  });

  it("asks to be invited to a channel it is not in, public or private", async () => {
    fake.addChannel("C2", "dealer-promos", { member: false });
    fake.addChannel("G2", "secret", { member: false });
    expect(await outbound().channel("#dealer-promos")).toEqual({ problem: notIn("dealer-promos") });
    expect(await outbound().channel("<#G2|secret>")).toEqual({ problem: notIn("secret") });
    expect(await outbound().channel("C2")).toEqual({ problem: notIn("dealer-promos") });
  });
});
