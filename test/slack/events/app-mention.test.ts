import { describe, expect, it } from "vitest";
import { nextTs } from "../../fakes/slack/ids.js";
import { appMentionEvent, eventCallback } from "../../fakes/slack/signed.js";
import { SEED_MESSAGE } from "../../support/seed.js";
import { textOf, useSlackHarness } from "../support.js";

/** "@Kigo 20% off …" in a channel: the bot answers in that message's thread, never in the channel. */

const h = useSlackHarness();

const mention = (fields: { channel: string; text: string; ts?: string; thread_ts?: string }) =>
  h.send(eventCallback({ event: appMentionEvent({ user: "dealerMarketer", ...fields }) }));

describe("app_mention", () => {
  it("answers a mention in the thread of the mentioning message, without the mention in what it read", async () => {
    const ts = nextTs();
    const response = await mention({
      channel: "CMENTION",
      text: `<@UBOT> ${SEED_MESSAGE.replace("DEALER20", "MENTION20")}`,
      ts,
    });
    expect(response.status).toBe(200);
    const reply = await h.fake.waitFor(
      "chat.postMessage",
      (call) => textOf(call).includes("MENTION20"),
      10_000,
    );
    expect(reply.body).toMatchObject({ channel: "CMENTION", thread_ts: ts });
    expect(textOf(reply)).not.toContain("<@UBOT>");
  });

  it("answers a mention inside an existing thread in that thread, not under the mention itself", async () => {
    const thread = nextTs();
    await mention({
      channel: "CMENTION",
      text: `<@UBOT> ${SEED_MESSAGE.replace("DEALER20", "INTHREAD20")}`,
      thread_ts: thread,
    });
    const reply = await h.fake.waitFor(
      "chat.postMessage",
      (call) => textOf(call).includes("INTHREAD20"),
      10_000,
    );
    expect(reply.body).toMatchObject({ channel: "CMENTION", thread_ts: thread });
  });
});
