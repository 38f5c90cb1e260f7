import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PATCH_FUNCTION } from "../../src/graph/extractor/model-patch.js";
import { textCompletion, toolCallCompletion } from "../fakes/openai.js";
import { slashCommand } from "../fakes/slack/signed.js";
import { clickOn, postDraft, textOf, useSlackHarness, waitUntil } from "../slack/support.js";
import { Chat, startModelApp, TIME_ZONE } from "../support/bot.js";
import { SEED_MESSAGE } from "../support/seed.js";

/** /metrics counts what happened: turns, publishes, Slack's refusals, digests; and the model's calls. */

const h = useSlackHarness({ digests: true });

/** One sample's value in the Prometheus text, 0 when it has not been counted. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  for (const line of text.split("\n")) {
    const match = /^(\w+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (match?.[1] !== name) continue;
    const present = (match[2] ?? "").split(",");
    if (wanted.every((pair) => present.includes(pair))) return Number(match[3]);
  }
  return 0;
}

async function scrape(): Promise<string> {
  const response = await fetch(`${h.url}/metrics`);
  expect(response.status).toBe(200);
  return response.text();
}

describe("/metrics in Slack", () => {
  it("counts a conversation's turns and its publish, a second Publish as a duplicate, and Slack's refusals by code", async () => {
    h.fake.failWith("users.info", "user_not_found");
    const card = await postDraft(h, "dealerMarketer", "METRICS20");
    const click = () => clickOn(h, card, "dealerMarketer", "Publish");
    await click();
    await h.fake.waitFor("chat.update", (call) => /published/i.test(textOf(call)), 10_000);
    await click();
    await h.send(
      slashCommand({
        user: "dealerMarketer",
        channel: "DdealerMarketer",
        command: "/offers",
        text: "list",
        response_url: h.fake.responseUrl(),
      }),
    );

    await waitUntil(async () => sample(await scrape(), "kigo_bot_turns_total", { kind: "command" }) === 1);
    const text = await scrape();
    expect(sample(text, "kigo_bot_turns_total", { channel: "slack", kind: "message" })).toBe(1);
    expect(sample(text, "kigo_bot_turns_total", { channel: "slack", kind: "action" })).toBe(2);
    expect(sample(text, "kigo_bot_turns_total", { channel: "slack", kind: "command" })).toBe(1);
    expect(sample(text, "kigo_bot_turn_duration_seconds_count", { channel: "slack", kind: "message" })).toBe(
      1,
    );
    expect(sample(text, "kigo_bot_publishes_total", { result: "published" })).toBe(1);
    expect(sample(text, "kigo_bot_publishes_total", { result: "duplicate" })).toBe(1);
    expect(
      sample(text, "kigo_bot_channel_api_errors_total", { channel: "slack", code: "user_not_found" }),
    ).toBe(1);
    expect(text).toMatch(/^kigo_bot_nodejs_eventloop_lag_seconds \d/m);
  });

  it("counts a failed publish step by step", async () => {
    // A Retry-After too long to wait for fails the step at once.
    h.app.kigo.embedded?.sandbox.faults.inject({
      route: "POST /dashboard/offers",
      status: 429,
      retryAfterSeconds: 60,
    });
    const card = await postDraft(h, "dealerMarketer", "STEPFAIL20");
    await clickOn(h, card, "dealerMarketer", "Publish");
    await waitUntil(
      async () => sample(await scrape(), "kigo_bot_publishes_total", { result: "failed" }) === 1,
    );
    expect(sample(await scrape(), "kigo_bot_publish_step_failures_total", { step: "offer" })).toBe(1);
  });

  it("counts digests posted and digests Slack refused", async () => {
    h.fake.addChannel("CPROMOS", "dealer-promos");
    h.fake.keepBotOut("CCLOSED");
    const subscribe = (channel: string) =>
      h.app.digests.service.add({
        channel,
        channelName: channel,
        schedule: "weekly",
        cron: "0 9 * * 1",
        timeZone: TIME_ZONE,
        frequency: "weekly",
        scope: { label: "Heartland", merchantIds: [1] },
        createdBy: "dealerMarketer",
        createdAt: new Date().toISOString(),
      });
    const open = await subscribe("CPROMOS");
    const closed = await subscribe("CCLOSED");
    await h.app.digests.service.run(open.id, "tick-1");
    await expect(h.app.digests.service.run(closed.id, "tick-1")).rejects.toThrow();
    const text = await scrape();
    expect(sample(text, "kigo_bot_digest_posts_total", { result: "posted" })).toBe(1);
    expect(sample(text, "kigo_bot_digest_posts_total", { result: "failed" })).toBe(1);
    expect(sample(text, "kigo_bot_channel_api_errors_total", { code: "channel_not_found" })).toBeGreaterThan(
      0,
    );
  });
});

describe("model metrics", () => {
  let model: Awaited<ReturnType<typeof startModelApp>>;

  beforeAll(async () => {
    model = await startModelApp();
  });

  afterAll(async () => {
    await model.close();
  });

  it("counts calls by result and the tokens they spent", async () => {
    const chat = new Chat(model.app, "dealerMarketer");
    model.openai.answer({ body: toolCallCompletion(PATCH_FUNCTION, { offerValue: 20 }) });
    await chat.say(SEED_MESSAGE);
    model.openai.answer({ body: textCompletion("no idea") });
    await chat.say("make it 25%");
    model.openai.answer({ status: 500, body: { error: "down" } });
    await chat.say("make it 30%");

    const { body: text } = await model.app.metrics.exposition();
    expect(sample(text, "kigo_bot_model_calls_total", { result: "ok" })).toBe(1);
    expect(sample(text, "kigo_bot_model_calls_total", { result: "unusable" })).toBe(1);
    expect(sample(text, "kigo_bot_model_calls_total", { result: "failed" })).toBe(1);
    // The fake spends 321 prompt and 42 completion tokens a call; the failed call spent none.
    expect(sample(text, "kigo_bot_model_tokens_total", { kind: "prompt" })).toBe(642);
    expect(sample(text, "kigo_bot_model_tokens_total", { kind: "completion" })).toBe(84);
    // Called without a channel adapter, a turn has no channel to name.
    expect(sample(text, "kigo_bot_turns_total", { channel: "unknown", kind: "message" })).toBe(3);
  });
});
