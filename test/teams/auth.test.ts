import { describe, expect, it } from "vitest";
import { message, personalChat } from "../fakes/teams/activities.js";
import { forgedToken } from "../fakes/teams/issuer.js";
import { SEED_MESSAGE } from "../support/seed.js";
import { OUTBOUND_TOKEN, useTeamsHarness } from "./support.js";

const harness = useTeamsHarness({ auth: true });
const marketer = { aadObjectId: "dealerMarketer" };

const repliesIn = (conversationId: string) =>
  harness.h.connector.calls.filter(
    (call) => call.conversationId === conversationId && call.body?.type === "message",
  );

describe("Teams with an app id: every request's token checked", () => {
  it("accepts a request signed by the tenant's key and replies with the bot's own token", async () => {
    const { h } = harness;
    const chat = personalChat("auth-good");
    const { status } = await h.send(message(h.connector.url, marketer, chat, "list"));
    expect(status).toBe(200);
    await h.settle();
    const [reply] = repliesIn(chat.conversationId);
    expect(reply?.authorization).toBe(`Bearer ${OUTBOUND_TOKEN}`);
  });

  it.each([
    ["no token", () => null],
    ["a token signed by another key", () => forgedToken(harness.h.goodClaims())],
    [
      "a token for another app",
      () => harness.h.issuer?.sign({ ...harness.h.goodClaims(), aud: "someone-else" }) ?? "",
    ],
    [
      "an expired token",
      () =>
        harness.h.issuer?.sign({ ...harness.h.goodClaims(), exp: Math.floor(Date.now() / 1000) - 3600 }) ??
        "",
    ],
  ])("refuses %s with 401 and runs nothing", async (_case, token) => {
    const { h } = harness;
    const chat = personalChat(`auth-${_case.replaceAll(" ", "-")}`);
    const { status } = await h.send(message(h.connector.url, marketer, chat, "list"), { token: token() });
    expect(status).toBe(401);
    await h.settle();
    expect(h.connector.calls.filter((call) => call.conversationId === chat.conversationId)).toEqual([]);
  });

  it("retries a throttled reply after its Retry-After, and it arrives once", async () => {
    const { h } = harness;
    const chat = personalChat("auth-throttled");
    await h.send(message(h.connector.url, marketer, chat, "list"));
    await h.settle();
    const calm = repliesIn(chat.conversationId).filter((call) => call.status < 300).length;

    h.connector.throttleNext(1, 1, (call) => Array.isArray(call.body?.attachments));
    const started = Date.now();
    await h.send(message(h.connector.url, marketer, chat, "list"));
    await h.settle();
    const calls = repliesIn(chat.conversationId);
    expect(calls.filter((call) => call.status === 429)).toHaveLength(1);
    expect(calls.filter((call) => call.status < 300)).toHaveLength(calm * 2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it("retries a 412 on a post and a 502 on a card update, each landing once", async () => {
    const { h } = harness;
    const chat = personalChat("auth-flaky");
    const inChat = () => h.connector.calls.filter((call) => call.conversationId === chat.conversationId);
    h.connector.failNext(1, 412, (call) => call.method === "POST" && Array.isArray(call.body?.attachments));
    await h.send(message(h.connector.url, marketer, chat, SEED_MESSAGE));
    await h.settle();
    const posts = inChat().filter((call) => call.method === "POST" && Array.isArray(call.body?.attachments));
    expect(posts.map((call) => call.status)).toEqual([412, 201]);

    h.connector.failNext(1, 502, (call) => call.method === "PUT");
    await h.send(message(h.connector.url, marketer, chat, "make it 25%"));
    await h.settle();
    const updates = inChat().filter((call) => call.method === "PUT");
    expect(updates.map((call) => call.status)).toEqual([502, 200]);
    expect(updates.at(-1)?.activityId).toBe(posts.at(-1)?.id);

    // The operator sees each refusal by its status, and the turns under Teams.
    const metrics = await (await fetch(`${h.url}/metrics`)).text();
    expect(metrics).toContain('kigo_bot_channel_api_errors_total{channel="teams",code="412"} 1');
    expect(metrics).toContain('kigo_bot_channel_api_errors_total{channel="teams",code="502"} 1');
    expect(metrics).toMatch(/^kigo_bot_turns_total\{channel="teams",kind="message"\} [1-9]/m);
  });
});
