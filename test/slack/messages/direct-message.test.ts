import { describe, expect, it } from "vitest";
import { nextTs } from "../../fakes/slack/ids.js";
import { eventCallback, messageEvent } from "../../fakes/slack/signed.js";
import { buttonsOf, postDraft, useSlackHarness } from "../support.js";

/** A message in the bot's DM continues the conversation there: in the DM itself, or in the thread typed in. */

const h = useSlackHarness();

describe("a direct message", () => {
  it("gets the draft's card in the DM, with its buttons, outside any thread", async () => {
    const card = await postDraft(h, "dealerMarketer", "DIRECT20");
    expect(card.body).toMatchObject({ channel: "DdealerMarketer" });
    expect((card.body as { thread_ts?: string }).thread_ts).toBeUndefined();
    expect(buttonsOf(card).map((button) => button.text.text)).toContain("Publish");
  });

  it("typed in a thread of the DM is answered in that thread", async () => {
    const thread = nextTs();
    await h.dm("accountManager", "hi", thread);
    const reply = await h.fake.waitFor(
      "chat.postMessage",
      (call) => (call.body as { thread_ts?: string }).thread_ts === thread,
      10_000,
    );
    expect(reply.body).toMatchObject({ channel: "DaccountManager" });
  });

  it("ignores edits, bot messages and empty messages", async () => {
    const before = h.fake.callsTo("chat.postMessage").length;
    const im = { channel: "Dviewer", user: "viewer", channel_type: "im" as const };
    await h.send(
      eventCallback({ event: { ...messageEvent({ ...im, text: "hi" }), subtype: "message_changed" } }),
    );
    await h.send(
      eventCallback({ event: { ...messageEvent({ ...im, text: "hi" }), subtype: "bot_message" } }),
    );
    await h.send(eventCallback({ event: messageEvent({ ...im, text: "" }) }));
    // A plain message after them is answered: only it.
    await h.dm("viewer", "hello there");
    await h.fake.waitFor("chat.postMessage", (call) => call.body.channel === "Dviewer", 10_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const answered = h.fake.callsTo("chat.postMessage").slice(before);
    expect(answered.filter((call) => call.body.channel === "Dviewer")).toHaveLength(1);
  });
});
