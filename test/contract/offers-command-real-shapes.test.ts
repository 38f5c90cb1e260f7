import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderText } from "../../src/views/text/render.js";
import { Chat, startTestApp, type TestApp } from "../support/bot.js";
import { FakeKigo, fixture } from "./fake-kigo.js";

/** `/offers list` and `/offers show` through the whole bot, pointed at a Kigo API answering in its real shapes. */

const kigo = new FakeKigo();
let app: TestApp;

beforeAll(async () => {
  const url = await kigo.listen();
  app = await startTestApp({ KIGO_API_URL: url, KIGO_API_TOKEN: "real-token", KIGO_API_RETRIES: "0" });
});

afterAll(async () => {
  await app?.close();
  await kigo.close();
});

/** What a schema says about a value: the user must never read it. */
const SCHEMA_WORDS = /unexpected shape|expected|NaN|Invalid input|offers\.\d|offer_id/;

describe("/offers against the Kigo API's real shapes", () => {
  it("lists offers in the public dashboard client's shape", async () => {
    kigo.answer("GET /dashboard/offers", fixture("dashboard-offer-list"));
    const chat = new Chat(app, "accountManager");
    await chat.offers("list");

    const list = chat.reply("offer_list");
    // Active in Kigo, starting Dec 1, after the test clock's Nov 25: not redeemable yet.
    expect(list.offers.map((offer) => [offer.offerId, offer.title, offer.status])).toEqual([
      [101, "Q4 Dealer Incentive", "scheduled"],
      [102, "$10 off parts", "draft"],
      [103, "BOGO coffee", "archived"],
      [104, "Summer cash back", "expired"],
    ]);
    expect(list.total).toBe(24);
    expect(chat.action("Next")).toBeDefined();
  });

  it("shows one offer with its description and terms", async () => {
    kigo.answer("GET /dashboard/offers/101", fixture("dashboard-offer"));
    const chat = new Chat(app, "accountManager");
    await chat.offers("show 101");

    expect(chat.reply("offer_detail").offer).toMatchObject({
      offerId: 101,
      title: "Dealer cash back",
      status: "scheduled",
      description: "10% back on all equipment purchases",
      terms: "Valid for authorized dealers only",
    });
  });

  it("shows the rows it can read, with what could be read, and no schema message", async () => {
    kigo.answer("GET /dashboard/offers", fixture("partly-unreadable-list"));
    const chat = new Chat(app, "accountManager");
    await chat.offers("list");

    const list = chat.reply("offer_list");
    expect(list.offers.map((offer) => [offer.offerId, offer.title, offer.status])).toEqual([
      [301, "Winter tune-up", "suspended"],
      [302, "$25 off service", "scheduled"],
      [303, "Parts clearance", "halted"],
      [305, "BOGO filters", "scheduled"],
    ]);
    const text = renderText(list);
    expect(text).toContain("#301 Winter tune-up [suspended]");
    expect(text).not.toMatch(SCHEMA_WORDS);
  });

  it("says in plain words when a whole answer cannot be read", async () => {
    kigo.answer("GET /dashboard/offers", { offers: "not a list", total: 1 });
    kigo.answer("GET /dashboard/offers/9", { id: "nine", title: "No readable id" });
    const chat = new Chat(app, "accountManager");
    for (const command of ["list", "show 9"]) {
      await chat.offers(command);
      const notice = chat.reply("notice");
      expect(notice).toMatchObject({ tone: "error" });
      expect(notice.text).toBe(
        "The Kigo API sent an answer this bot cannot read. The details are in the bot's log.",
      );
      expect(renderText(notice)).not.toMatch(SCHEMA_WORDS);
    }
  });
});
