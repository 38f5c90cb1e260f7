import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OfferBotApp } from "../../src/app.js";
import { Chat, startTestApp } from "../support/bot.js";
import { SEED_MESSAGE } from "../support/seed.js";

/**
 * Scripted conversations through the real graph, conversation service and embedded sandbox: what a
 * marketer types, what the bot answers, and what ends up in the Kigo API.
 */

const SEED_EXAMPLE = SEED_MESSAGE;

let app: OfferBotApp;

beforeAll(async () => {
  app = await startTestApp();
});

afterAll(async () => {
  await app.close();
});

async function offersWithCode(code: string) {
  return app.client.promoCodes.list({ promo_code: code });
}

describe("creating an offer", () => {
  it("reaches the preview in one turn from the seed's example and publishes it once", async () => {
    const chat = new Chat(app, "dealerMarketer");
    await chat.say(SEED_EXAMPLE);
    const { preview } = chat.reply("preview");
    expect(preview.title).toBe("20% off all equipment");
    expect(preview.summary).toBe("20% off all equipment · Dec 1, 2026 – Dec 31, 2026");
    const fields = Object.fromEntries(
      preview.sections.flatMap((section) => section.fields).map((f) => [f.label, f.value]),
    );
    expect(fields).toMatchObject({
      Program: "Closed loop",
      Merchant: "Heartland Ag Equipment",
      Budget: "$50,000",
      "Promo code": "DEALER20",
      "Uses per customer": "3",
      "Total uses": "1,000",
      Channels: "Hub airdrop, Activation link",
    });
    expect(preview.issues.filter((issue) => issue.severity === "error")).toEqual([]);
    expect(preview.budgetImpact?.text).toMatch(/1,000 redemptions/);
    expect(preview.budgetImpact?.assumption).toBeTruthy();

    await chat.click("Publish");
    const published = chat.reply("published");
    expect(published.created.join(" ")).toContain("DEALER20");
    const offer = await app.client.getOffer(published.offerId);
    expect(offer).toMatchObject({
      merchant_owner: 1,
      classification: "closed_loop",
      code_type: "promo_code",
      short_text: "20% off all equipment",
    });
    expect(await offersWithCode("DEALER20")).toHaveLength(1);
    expect(await app.client.redemptionControls.list({ offer_id: published.offerId })).toMatchObject([
      { usage_limit_per_customer: 3, total_usage_limit: 1000 },
    ]);

    const again = await app.bot.action(
      chat.speaker,
      chat.threadKey,
      "publish",
      JSON.stringify({ v: preview.version }),
      {
        newThreadKey: () => "unused",
      },
    );
    expect(again.replies).toEqual([
      {
        kind: "notice",
        tone: "info",
        text: `This offer is already published as offer #${published.offerId}.`,
      },
    ]);
    expect(await offersWithCode("DEALER20")).toHaveLength(1);
  });

  it("builds the offer step by step once asked to, one question at a time", async () => {
    const chat = new Chat(app, "accountManager");
    await chat.say("hi");
    expect(chat.reply("notice").text).toMatch(/Tell me about the offer/);
    await chat.offers("drafts");
    expect(chat.reply("drafts").drafts.map((draft) => draft.threadKey)).not.toContain(chat.threadKey);
    await chat.say("I want to create an offer");
    expect(chat.reply("question").text).toMatch(/achieve/);
    await chat.click("Drive sales this quarter");
    expect(chat.reply("question").text).toMatch(/merchant/i);
    await chat.say("Harvest Table");
    // The merchant settles the program: a catalog merchant's offers are open loop, so nobody is asked.
    expect(chat.reply("question").notes.join(" ")).toMatch(/Harvest Table Kitchen/);
    expect(chat.reply("question").text).toMatch(/When should it run/);
    await chat.click(/^Next month/);
    expect(chat.reply("question").text).toMatch(/budget/);
    await chat.say("$10k");
    expect(chat.reply("question").text).toMatch(/kind of offer/);
    await chat.click(/recommended/);
    expect(chat.reply("question").text).toMatch(/redeem/);
    await chat.click("Show & save");
    expect(chat.reply("question").text).toMatch(/one customer/);
    await chat.say("1");
    expect(chat.reply("question").text).toMatch(/in total/);
    await chat.click("500");
    const { preview } = chat.reply("preview");
    expect(preview.sections.flatMap((section) => section.fields).map((field) => field.label)).toEqual(
      expect.arrayContaining(["Objective", "Program", "Merchant", "Offer type", "Value", "Redemption"]),
    );
  });

  it("applies corrections at any time and refuses a stale Publish button", async () => {
    const chat = new Chat(app, "dealerMarketer");
    await chat.say(SEED_EXAMPLE.replace("DEALER20", "FALLGEAR20"));
    const stale = chat.action("Publish");
    await chat.say("make it 25%");
    expect(chat.reply("preview").preview.summary).toMatch(/^25% off/);
    await chat.say("move the end date to Jan 15");
    expect(chat.reply("preview").preview.summary).toMatch(/Jan 15, 2027/);
    await chat.say("use code FALL25 instead");
    expect(chat.reply("preview").notes.join(" ")).toMatch(/FALL25/);

    await app.bot
      .action(chat.speaker, chat.threadKey, stale.id, stale.value, { newThreadKey: () => "unused" })
      .then((turn) => {
        chat.last = turn.replies;
      });
    expect(chat.reply("preview").notes.join(" ")).toMatch(/out of date/);
    expect(await offersWithCode("FALL25")).toHaveLength(0);
  });

  it("shows invalid values with the rule's message and refuses to publish them", async () => {
    const chat = new Chat(app, "dealerMarketer");
    await chat.say(SEED_EXAMPLE.replace("20% off", "45% off").replace("DEALER20", "DEALERX45"));
    const { preview } = chat.reply("preview");
    const errors = preview.issues.filter((issue) => issue.severity === "error");
    expect(errors.map((issue) => issue.message).join(" ")).toMatch(/30%/);
    expect(errors.every((issue) => issue.fix.length > 0)).toBe(true);
    await chat.click("Publish");
    expect(chat.reply("preview").notes.join(" ")).toMatch(/fix the problems/);
    expect(await offersWithCode("DEALERX45")).toHaveLength(0);
  });

  it("cancels without publishing anything", async () => {
    const chat = new Chat(app, "dealerMarketer");
    await chat.say(SEED_EXAMPLE.replace("DEALER20", "CANCELME20"));
    await chat.click("Cancel");
    expect(chat.reply("notice").text).toMatch(/Cancelled/);
    expect(await offersWithCode("CANCELME20")).toHaveLength(0);
  });
});

describe("roles and approvals", () => {
  it("does not let a user without the publisher role publish", async () => {
    const chat = new Chat(app, "editorOnly");
    await chat.say(SEED_EXAMPLE.replace("DEALER20", "NOROLE20"));
    await chat.click("Publish");
    expect(chat.reply("notice").text).toMatch(/publisher role/);
    expect(await offersWithCode("NOROLE20")).toHaveLength(0);
  });

  it("tells a viewer they cannot create drafts", async () => {
    const chat = new Chat(app, "viewer");
    await chat.say(SEED_EXAMPLE);
    expect(chat.reply("notice").text).toMatch(/editor role/);
  });

  it("submits, rejects with a reason, resubmits and publishes once approved", async () => {
    const author = new Chat(app, "editorOnly");
    await author.say(SEED_EXAMPLE.replace("DEALER20", "APPROVE20"));
    await author.click("Submit for approval");
    expect(author.reply("preview").preview.status).toBe("pending_approval");

    const approver = new Chat(app, "approver");
    approver.threadKey = author.threadKey;
    approver.last = author.last;
    await approver.click("Reject", { reason: "Use the Q4 title" });
    expect(approver.reply("preview").preview.approval?.rejectedReason).toBe("Use the Q4 title");

    author.last = approver.last;
    await author.say('title "Q4 Dealer Incentive"');
    await author.click("Submit for approval");
    approver.last = author.last;
    await approver.click("Approve & publish");
    const published = approver.reply("published");
    expect(published.title).toBe("Q4 Dealer Incentive");
    expect(await offersWithCode("APPROVE20")).toHaveLength(1);
  });
});

describe("exactly once", () => {
  it("publishes one offer for 30 concurrent Publish clicks", async () => {
    const chat = new Chat(app, "dealerMarketer");
    await chat.say(SEED_EXAMPLE.replace("DEALER20", "THIRTY20"));
    const publish = chat.action("Publish");
    const turns = await Promise.all(
      Array.from({ length: 30 }, () =>
        app.bot.action(chat.speaker, chat.threadKey, publish.id, publish.value, {
          newThreadKey: () => "unused",
        }),
      ),
    );
    const kinds = turns.flatMap((turn) => turn.replies.map((reply) => reply.kind));
    expect(kinds.filter((kind) => kind === "published")).toHaveLength(1);
    expect(await offersWithCode("THIRTY20")).toHaveLength(1);
  });

  it("keeps the draft when publishing fails and resumes on Retry", async () => {
    const sandbox = app.kigo.embedded?.sandbox;
    if (!sandbox) throw new Error("embedded sandbox expected");
    const chat = new Chat(app, "dealerMarketer");
    await chat.say(SEED_EXAMPLE.replace("DEALER20", "RETRY20"));
    sandbox.faults.inject({ route: "POST /dashboard/promo-codes", status: 503, times: 20 });
    await chat.click("Publish");
    const { preview } = chat.reply("preview");
    expect(preview.status).toBe("failed");
    expect(preview.publishError).toMatch(/try again/i);
    sandbox.faults.clear();
    const offersBefore = sandbox.hits("POST /dashboard/offers");
    await chat.click("Retry publishing");
    expect(chat.reply("published").created.join(" ")).toContain("RETRY20");
    expect(sandbox.hits("POST /dashboard/offers")).toBe(offersBefore);
  });

  it("publishes the edited draft when it was changed after a failed publish", async () => {
    const sandbox = app.kigo.embedded?.sandbox;
    if (!sandbox) throw new Error("embedded sandbox expected");
    const chat = new Chat(app, "dealerMarketer");
    await chat.say(SEED_EXAMPLE.replace("DEALER20", "EDITED20"));
    sandbox.faults.inject({ route: "POST /dashboard/promo-codes", status: 503, times: 20 });
    await chat.click("Publish");
    expect(chat.reply("preview").preview.status).toBe("failed");
    sandbox.faults.clear();
    await chat.say('title "Winter Dealer Days"');
    await chat.click("Publish");
    const { offerId } = chat.reply("published");
    expect((await app.client.getOffer(offerId)).short_text).toBe("Winter Dealer Days");
    expect(await offersWithCode("EDITED20")).toHaveLength(1);
  });
});

describe("/offers", () => {
  it("lists with pagination, shows, pauses, resumes and ends after confirmation", async () => {
    const chat = new Chat(app, "dealerMarketer");
    await chat.offers("list");
    const list = chat.reply("offer_list");
    expect(list.offers.length).toBeGreaterThan(0);
    expect(list.offers.every((offer) => offer.merchantId === 1)).toBe(true);

    const manager = new Chat(app, "accountManager");
    await manager.offers("list");
    expect(manager.reply("offer_list").total).toBeGreaterThan(10);
    await manager.click("Next");
    expect(manager.reply("offer_list").offset).toBe(10);

    const offerId = list.offers[0]?.offerId ?? 0;
    await chat.offers(`show ${offerId}`);
    expect(chat.reply("offer_detail").offer.offerId).toBe(offerId);
    await chat.offers(`pause ${offerId}`);
    expect(chat.reply("notice").text).toMatch(/paused/);
    expect((await app.client.getOffer(offerId)).offer_status).toBe("paused");
    await chat.offers(`resume ${offerId}`);
    expect((await app.client.getOffer(offerId)).offer_status).toBe("active");
    await chat.offers(`end ${offerId}`);
    expect(chat.reply("notice").text).toMatch(/cannot be undone/);
    expect((await app.client.getOffer(offerId)).offer_status).toBe("active");
    await chat.click("End offer");
    expect((await app.client.getOffer(offerId)).offer_status).toBe("expired");
    await chat.offers(`resume ${offerId}`);
    expect(chat.reply("notice").text).toMatch(/has ended/);
  });

  it("extends an offer by the days chosen, and refuses an offer that has ended", async () => {
    const base = {
      merchant_owner: 1,
      default_language: "en",
      offer_status: "active" as const,
      offer_type: "percentage_savings",
      offer_redemption_methods: ["promo_code" as const],
      code_type: "P",
      short_text: "Long-running parts deal",
    };
    const running = await app.client.createOffer({
      ...base,
      version_active_from: "2026-11-01",
      offer_expiry_date: "2030-12-31",
    });
    const chat = new Chat(app, "dealerMarketer");
    await chat.offers(`extend ${running.offer_id}`);
    expect(chat.reply("notice").text).toBe(
      `"Long-running parts deal" (#${running.offer_id}) ends Dec 31, 2030. Extend it by how long? (Or type "/offers extend ${running.offer_id} 10 days".)`,
    );
    await chat.click("14 more days");
    expect(chat.reply("notice").text).toBe(
      `"Long-running parts deal" (#${running.offer_id}) is extended: it now ends Jan 14, 2031.`,
    );
    expect((await app.client.getOffer(running.offer_id)).offer_expiry_date).toBe("2031-01-14");
    await chat.offers(`extend ${running.offer_id} 2 weeks`);
    expect((await app.client.getOffer(running.offer_id)).offer_expiry_date).toBe("2031-01-28");

    const ended = await app.client.createOffer({
      ...base,
      version_active_from: "2026-11-01",
      offer_expiry_date: "2026-11-20",
    });
    await chat.offers(`extend ${ended.offer_id}`);
    expect(chat.reply("notice").text).toBe(
      `Offer #${ended.offer_id} has ended and cannot be extended. Duplicate it to run it again.`,
    );
    const editor = new Chat(app, "editorOnly");
    await editor.offers(`extend ${running.offer_id} 7`);
    expect(editor.reply("notice").text).toMatch(/You need the publisher role/);
    expect((await app.client.getOffer(running.offer_id)).offer_expiry_date).toBe("2031-01-28");
  });

  it("keeps a merchant-scoped user to their merchants", async () => {
    const chat = new Chat(app, "dealerMarketer");
    const otherMerchantsOffer = (await app.client.listOffers({ merchant_owner: 2 })).items[0]?.offer_id;
    for (const verb of ["show", "analytics", "end", "duplicate"]) {
      await chat.offers(`${verb} ${otherMerchantsOffer}`);
      expect(chat.last.map((reply) => (reply.kind === "notice" ? reply.text : reply.kind)).join(" ")).toMatch(
        /outside the merchants your role covers/,
      );
    }
  });

  it("names what is wrong with bad arguments", async () => {
    const chat = new Chat(app, "dealerMarketer");
    await chat.offers("show abc");
    expect(chat.reply("notice").text).toBe('"show" needs one offer id, e.g. "show 123".');
    await chat.offers("frobnicate");
    expect(chat.reply("notice").text).toMatch(/I don't know "frobnicate"/);
  });

  it("duplicates an offer into a new pre-filled draft and reports analytics", async () => {
    const chat = new Chat(app, "accountManager");
    await chat.offers("analytics 1");
    const analytics = chat.reply("analytics");
    expect(analytics.totalRedemptions).toBeGreaterThan(0);
    const before = chat.threadKey;
    await chat.offers("duplicate 1");
    expect(chat.threadKey).not.toBe(before);
    expect(chat.last[0]).toMatchObject({ kind: "notice" });
    await chat.offers("drafts");
    expect(chat.reply("drafts").drafts.map((draft) => draft.threadKey)).toContain(chat.threadKey);
  });
});
