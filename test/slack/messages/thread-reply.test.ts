import { describe, expect, it } from "vitest";
import { nextTs } from "../../fakes/slack/ids.js";
import { appMentionEvent, eventCallback, messageEvent } from "../../fakes/slack/signed.js";
import { SEED_MESSAGE } from "../../support/seed.js";
import { textOf, useSlackHarness } from "../support.js";

/** In a channel thread an @mention started, plain replies reach the bot without mentioning it again. */

const h = useSlackHarness();

const reply = (channel: string, thread_ts: string, text: string) =>
  h.send(
    eventCallback({
      event: messageEvent({ channel, user: "dealerMarketer", text, thread_ts, channel_type: "channel" }),
    }),
  );

/** A conversation an @mention started in `channel`; resolves with its thread's ts. */
async function mentionThread(channel: string, code: string): Promise<string> {
  const ts = nextTs();
  const text = `<@UBOT> ${SEED_MESSAGE.replace("DEALER20", code)}`;
  await h.send(eventCallback({ event: appMentionEvent({ channel, user: "dealerMarketer", text, ts }) }));
  await h.fake.waitFor("chat.postMessage", (call) => textOf(call).includes(code), 10_000);
  return ts;
}

describe("a reply in a channel thread", () => {
  it("changes the draft of the thread's conversation, its card updated in place", async () => {
    const thread = await mentionThread("CREPLIES", "REPLY20");
    await reply("CREPLIES", thread, "make it 15%");
    const updated = await h.fake.waitFor(
      "chat.update",
      (call) => textOf(call).includes("15% off") && textOf(call).includes("REPLY20"),
      10_000,
    );
    expect(updated.body).toMatchObject({ channel: "CREPLIES" });
  });

  it("is left alone in a thread the bot is not working in, and in the channel itself", async () => {
    const before = h.fake.calls.length;
    await reply("COTHER", nextTs(), "make it 15%");
    await h.send(
      eventCallback({
        event: messageEvent({
          channel: "COTHER",
          user: "dealerMarketer",
          text: "hi all",
          channel_type: "channel",
        }),
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 800));
    const inOther = h.fake.calls.slice(before).filter((call) => call.body.channel === "COTHER");
    expect(inOther).toEqual([]);
  });

  it("that mentions the bot is answered once, by the mention", async () => {
    const thread = await mentionThread("CTWICE", "TWICE20");
    const text = "<@UBOT> make it 30%";
    const ts = nextTs();
    const message = messageEvent({
      channel: "CTWICE",
      user: "dealerMarketer",
      text,
      ts,
      thread_ts: thread,
      channel_type: "channel",
    });
    await h.send(eventCallback({ event: message }));
    await h.send(
      eventCallback({
        event: appMentionEvent({ channel: "CTWICE", user: "dealerMarketer", text, ts, thread_ts: thread }),
      }),
    );
    await h.fake.waitFor("chat.update", (call) => textOf(call).includes("30% off"), 10_000);
    await new Promise((resolve) => setTimeout(resolve, 800));
    const turns = h.fake
      .callsTo("assistant.threads.setStatus")
      .filter((call) => call.body.thread_ts === thread);
    expect(turns).toHaveLength(2);
  });
});
