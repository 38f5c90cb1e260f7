import { describe, expect, it } from "vitest";
import { channelThread, mention, message, personalChat } from "../fakes/teams/activities.js";
import { SEED_MESSAGE } from "../support/seed.js";
import { textOf, useTeamsHarness } from "./support.js";

const harness = useTeamsHarness();
const marketer = { aadObjectId: "dealerMarketer" };

describe("Teams messages", () => {
  it("answers a personal message with a reply in that chat", async () => {
    const { h } = harness;
    const chat = personalChat("dealerMarketer-hi");
    const { status } = await h.send(message(h.connector.url, marketer, chat, "hi"));
    expect(status).toBe(200);
    await h.settle();
    const replies = h.connector.calls.filter(
      (call) =>
        call.conversationId === chat.conversationId &&
        call.method === "POST" &&
        call.body?.type === "message",
    );
    expect(replies.length).toBeGreaterThanOrEqual(1);
    const posted = h.connector.cards((call) => replies.includes(call));
    expect(posted.length + replies.filter((call) => call.body?.text).length).toBeGreaterThan(0);
    // The typing dots come first, sent when the turn starts: Teams' request was answered before.
    const said = h.connector.calls.filter((call) => call.conversationId === chat.conversationId);
    expect(said.map((call) => call.body?.type).slice(0, 2)).toEqual(["typing", "message"]);
  });

  it("runs a channel @mention as the same conversation, the mention stripped", async () => {
    const { h } = harness;
    const thread = channelThread("dealer-promos", "1700000000001");
    const { status } = await h.send(mention(h.connector.url, marketer, thread, SEED_MESSAGE));
    expect(status).toBe(200);
    await h.settle();
    const cards = h.connector.cards((call) => call.conversationId === thread.conversationId);
    expect(cards.length).toBeGreaterThan(0);
    // Read without the mention, the seed's message reaches the preview in one turn, as in a personal chat.
    const text = textOf(cards.at(-1)?.card);
    expect(text).toContain("DEALER20");
    expect(text).not.toMatch(/<at>|Kigo/);
  });

  it("runs an activity delivered twice only once", async () => {
    const { h } = harness;
    const chat = personalChat("dealerMarketer-twice");
    const activity = message(h.connector.url, marketer, chat, "list");
    expect((await h.send(activity)).status).toBe(200);
    expect((await h.send(activity)).status).toBe(200);
    await h.settle();
    const posts = h.connector.cards((call) => call.conversationId === chat.conversationId);
    expect(posts).toHaveLength(1);
  });

  it("answers the typed command list with the offer list", async () => {
    const { h } = harness;
    const chat = personalChat("dealerMarketer-list");
    await h.send(message(h.connector.url, marketer, chat, "list"));
    await h.settle();
    const [posted, ...more] = h.connector.cards((call) => call.conversationId === chat.conversationId);
    expect(more).toHaveLength(0);
    expect(textOf(posted?.card)).toMatch(/offer/i);
  });
});
