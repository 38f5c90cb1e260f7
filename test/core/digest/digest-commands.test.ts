import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DigestView } from "../../../src/core/digest/view-model.js";
import type { Destination, Outbound, OutboundMessage } from "../../../src/core/outbound.js";
import type { Reply } from "../../../src/core/view-models.js";
import { Chat, startTestApp, type TestApp } from "../../support/bot.js";
import { SEED_MESSAGE } from "../../support/seed.js";

/** `/offers digest …` through the bot core, posting through a recording outbound port. */

let app: TestApp;
const posted: { to: Destination; message: OutboundMessage }[] = [];
const told: { to: { userId: string; channel?: string }; message: OutboundMessage }[] = [];

const outbound: Outbound = {
  async post(to, message) {
    posted.push({ to, message });
    return { ...to, id: String(posted.length) };
  },
  async update() {
    return true;
  },
  async tell(to, message) {
    told.push({ to, message });
  },
  async channel(typed) {
    const name = typed.replace(/^#/, "");
    if (name === "secret")
      return {
        problem: "I'm not in #secret yet: invite me with /invite @Kigo Offers, then subscribe again.",
      };
    return { channel: `C-${name}`, name: `#${name}` };
  },
};

beforeAll(async () => {
  app = await startTestApp();
  await app.digests.start(outbound);
});

afterAll(async () => {
  await app?.close();
});

beforeEach(() => {
  posted.length = 0;
  told.length = 0;
});

const text = (replies: Reply[]) =>
  replies.map((reply) => ("text" in reply ? reply.text : reply.kind)).join("\n");
const digestOf = (message: OutboundMessage | undefined): DigestView => {
  if (message?.kind !== "digest") throw new Error(`expected a digest, got ${message?.kind}`);
  return message.digest;
};
const subscriptionId = (replies: Reply[]) => /\(subscription (\d+)\)/.exec(text(replies))?.[1] ?? "";

describe("digest subscriptions", () => {
  it("subscribe a channel on a schedule and scope, list it, and stop it", async () => {
    const chat = new Chat(app, "accountManager");
    const subscribed = await chat.offers(
      "digest subscribe #dealer-promos weekly on monday at 9:00 merchant:Heartland",
    );
    expect(text(subscribed)).toMatch(
      /^Subscribed #dealer-promos to the weekly digest for Heartland Ag Equipment, Mondays at 9:00 AM \(America\/Chicago\) \(subscription \d+\)\. The first one comes Mon, Nov 30, 9:00 AM CST\./,
    );
    const id = subscriptionId(subscribed);
    expect(text(await chat.offers("digest list"))).toContain(
      `${id}. #dealer-promos · weekly · Heartland Ag Equipment · Mondays at 9:00 AM (America/Chicago)`,
    );
    expect(text(await chat.offers(`digest unsubscribe ${id}`))).toBe(
      `Stopped the weekly digest to #dealer-promos (subscription ${id}).`,
    );
    expect(text(await chat.offers("digest list"))).not.toContain(`${id}. #dealer-promos`);
    expect(text(await chat.offers(`digest unsubscribe ${id}`))).toContain(
      `There is no digest subscription ${id}.`,
    );
  });

  it("name the part that is wrong and how to fix it", async () => {
    const chat = new Chat(app, "accountManager");
    const answer = async (words: string) => text(await chat.offers(`digest subscribe ${words}`));
    expect(await answer('#x cron "0 9 * * 8"')).toContain('"0 9 * * 8" isn\'t a schedule I can run');
    expect(await answer("#x weekly tz Mars/Base")).toContain('"Mars/Base" isn\'t a time zone I know');
    expect(await answer("#secret weekly")).toBe(
      "I'm not in #secret yet: invite me with /invite @Kigo Offers, then subscribe again.",
    );
    expect(await answer("#x weekly merchant:Nonexistent Widgets")).toContain(
      'I couldn\'t find a merchant called "Nonexistent Widgets"',
    );
    expect(await answer("#x fortnightly")).toContain('I didn\'t understand "fortnightly"');
  });

  it("refuse a scope or an action the user's role does not cover", async () => {
    const dealer = new Chat(app, "dealerMarketer");
    expect(text(await dealer.offers("digest subscribe #x weekly merchant:Sunrise"))).toContain(
      "outside the merchants your role covers",
    );
    expect(text(await dealer.offers("digest subscribe #x weekly program:1"))).toContain(
      "A program's digest spans merchants your role does not cover",
    );
    // Without a scope, a dealer's digest covers their own merchant.
    expect(text(await dealer.offers("digest subscribe #dealers weekly"))).toContain(
      "the weekly digest for Heartland Ag Equipment",
    );
    expect(text(await new Chat(app, "viewer").offers("digest subscribe #x weekly"))).toContain(
      "You need the editor role",
    );
    expect(text(await new Chat(app, "editorOnly").offers("digest run 1"))).toContain(
      "You need the publisher role",
    );
  });
});

describe("posting digests", () => {
  it("posts a subscription's digest into its channel, once per scheduled tick", async () => {
    const chat = new Chat(app, "accountManager");
    const id = subscriptionId(await chat.offers("digest subscribe #all-offers daily at 8"));
    await app.digests.service.run(id, "tick-1");
    await app.digests.service.run(id, "tick-1"); // a retry of a tick that already posted
    expect(posted).toHaveLength(1);
    expect(posted[0]?.to).toEqual({ channel: "C-all-offers" });
    const digest = digestOf(posted[0]?.message);
    expect(digest.title).toBe("Daily offer digest · all offers");
    expect(digest.period).toMatch(/^Nov 24, 2026 · as of Nov 25, 2026, 10:00 AM CST$/);
    await app.digests.service.run(id, "tick-2");
    expect(posted).toHaveLength(2);
  });

  it("posts one now for a publisher, and previews one only to the caller", async () => {
    const chat = new Chat(app, "accountManager");
    const id = subscriptionId(await chat.offers("digest subscribe #now weekly merchant:Heartland"));
    expect(text(await chat.offers(`digest run ${id}`))).toBe("Posted the weekly digest to #now.");
    expect(posted.map((post) => post.to)).toEqual([{ channel: "C-now" }]);
    const preview = await chat.offers("digest preview merchant:Heartland monthly");
    expect(text(preview)).toBe(
      "That's a preview of the monthly digest for Heartland Ag Equipment, shown only to you.",
    );
    expect(posted).toHaveLength(1);
    expect(told.map((tell) => tell.to.userId)).toEqual(["accountManager"]);
    expect(digestOf(told[0]?.message).title).toBe("Monthly offer digest · Heartland Ag Equipment");
  });

  it("shows the budget spent so far for an offer the bot published with one", async () => {
    const heartland = (await app.client.listOffers({ merchant_owner: 1, offer_status: "active" })).items[0];
    if (!heartland) throw new Error("the demo dealer has an active offer");
    await app.facts.record(heartland.offer_id, {
      authorId: "accountManager",
      budget: 1_000,
      valuePerRedemption: 2,
    });
    await new Chat(app, "accountManager").offers("digest preview merchant:Heartland daily");
    const [budget] = digestOf(told[0]?.message).budgets;
    expect(budget?.offerId).toBe(heartland.offer_id);
    expect(budget?.detail).toMatch(/^about \$[\d,]+ of the \$1,000 budget used \(\d+%\)/);
  });

  it("understands a digest asked for in words", async () => {
    const chat = new Chat(app, "accountManager");
    const replies = await chat.say("send a weekly digest for Heartland to #dealer-promos on Mondays at 9");
    expect(text(replies)).toMatch(
      /^Subscribed #dealer-promos to the weekly digest for Heartland Ag Equipment, Mondays at 9:00 AM \(America\/Chicago\)/,
    );
    const id = subscriptionId(replies);
    expect(text(await chat.say("what digests do we have?"))).toContain(`${id}. #dealer-promos · weekly`);
    expect(text(await chat.say(`stop digest ${id}`))).toContain(
      `Stopped the weekly digest to #dealer-promos`,
    );
  });
});

describe("what alerts need of a published offer", () => {
  it("is kept when the bot publishes: the author, the budget and the cost per redemption", async () => {
    const chat = new Chat(app, "dealerMarketer");
    await chat.say(SEED_MESSAGE.replace("DEALER20", "FACTS20"));
    await chat.click("Publish");
    const { offerId } = chat.reply("published");
    expect(await app.facts.of(offerId)).toMatchObject({
      authorId: "dealerMarketer",
      programType: "closed_loop",
      budget: 50_000,
      valuePerRedemption: expect.any(Number),
    });
  });
});
