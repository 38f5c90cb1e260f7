import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Reply } from "../../src/core/view-models.js";
import { renderText } from "../../src/views/text/render.js";
import { Chat, startTestApp, type TestApp } from "../support/bot.js";

/**
 * What a marketer types besides offer details: decisions and questions in words, offers named in
 * passing, changes of merchant. Everything runs through the real app and embedded sandbox.
 */

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});

afterAll(async () => {
  await app.close();
});

const text = (replies: Reply[]) =>
  replies
    .map((reply) =>
      reply.kind === "notice" ? reply.text : "notes" in reply ? reply.notes.join(" ") : reply.kind,
    )
    .join(" ");

function auditRecords(): Record<string, unknown>[] {
  return readFileSync(join(app.dir, "audit.log"), "utf8")
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe("a thread with nothing in progress", () => {
  it("answers greetings, help and off-topic questions without opening a draft", async () => {
    const chat = new Chat(app, "accountManager");
    expect(text(await chat.say("hi"))).toMatch(/Tell me about the offer/);
    expect(text(await chat.say("what can you do?"))).toMatch(/publish when you say "publish"/);
    expect(text(await chat.say("what's the weather like?"))).toMatch(/only help with Kigo offers/);
    expect(text(await chat.say("🎉🎉🔥"))).toMatch(/Describe one/);
    await chat.offers("drafts");
    expect(chat.reply("drafts").drafts.map((draft) => draft.threadKey)).not.toContain(chat.threadKey);
  });

  it("tells a scoped user that a merchant named outside their role is not theirs", async () => {
    const scoped = new Chat(app, "dealerMarketer");
    expect(
      text(await scoped.say("can i do something for blue ridge tractor too? 10% off mower blades next week")),
    ).toMatch(
      "Blue Ridge Tractor & Turf isn't among the merchants your role covers, so this offer is for Heartland Ag Equipment",
    );
    expect(text(await scoped.say("merchant blue ridge tractor & turf"))).toMatch(
      "Blue Ridge Tractor & Turf isn't among the merchants your role covers. I kept Heartland Ag Equipment.",
    );
  });

  it("finds a merchant named with its words in another order", async () => {
    const chat = new Chat(app, "accountManager");
    expect(
      text(await chat.say("riverwalk residences: spend $100 on amenity fees get $25 credit in january")),
    ).toMatch("Merchant: The Residences at Riverwalk.");
  });

  it("shows everything a marketer checks on a published offer", async () => {
    const chat = new Chat(app, "dealerMarketer");
    await chat.say("15% off parts in December, code SHOWME15, 2 per customer, 300 total, budget $20k");
    await chat.say("publish");
    const { offerId } = chat.reply("published");
    await chat.offers(`show ${offerId}`);
    const shown = renderText(chat.reply("offer_detail"));
    expect(shown).toMatch(/, Heartland Ag Equipment$/m);
    await chat.offers("list");
    // Live in Kigo, but not redeemable before Dec 1.
    expect(renderText(chat.reply("offer_list"))).toMatch(`#${offerId} 15% off parts [scheduled]`);
    expect(renderText(chat.reply("offer_list"))).not.toMatch(/, merchant #\d+$/m);
    expect(shown).toMatch("Type: Percentage off, saving 15%");
    expect(shown).toMatch("Redemption: Promo code");
    expect(shown).toMatch("Codes: SHOWME15");
    expect(shown).toMatch("Limits: 2 per customer, 300 total");
  });

  it("shows where an online offer sends the customer", async () => {
    const chat = new Chat(app, "accountManager");
    await chat.say(
      "parkview commons needs a move in special. 500 off first month rent for new leases signed by 12/31. send ppl to parkviewcommons.com/specials to apply, 10k, 1 per customer, 20 total",
    );
    await chat.say("publish");
    await chat.offers(`show ${chat.reply("published").offerId}`);
    const shown = renderText(chat.reply("offer_detail"));
    expect(shown).toMatch("Link: https://parkviewcommons.com/specials");
  });

  it("lists the merchants the role covers when asked", async () => {
    const scoped = new Chat(app, "dealerMarketer");
    expect(text(await scoped.say("which merchants can I use?"))).toBe(
      "Merchants you can use:\n  • Heartland Ag Equipment (dealer)\nSay the merchant's name to use it.",
    );
  });

  it("recommends an offer for a goal asked as a question, with the reason, and stores nothing", async () => {
    const chat = new Chat(app, "accountManager");
    const answer = text(await chat.say("what discount should I offer to win back lapsed customers?"));
    expect(answer).toMatch(/For "win back lapsed customers" I'd suggest/);
    expect(answer).toMatch(/\$5 cash back \(open loop programs\): .*typically run \$3–\$10/);
    expect(await app.bot.draftOf(chat.threadKey)).toMatchObject({ draft: {} });
  });

  it("runs offer commands said in words", async () => {
    const chat = new Chat(app, "accountManager");
    await chat.say("show me my offers");
    expect(chat.reply("offer_list").total).toBeGreaterThan(0);
    await chat.say("show offer #5");
    expect(chat.reply("offer_detail").offer.offerId).toBe(5);
  });
});

describe("decisions in words", () => {
  const OFFER =
    "$10 off any $40 order at Harvest Table Kitchen in December, code WORDS10, 1 per customer, 200 total, budget $5k";

  it("publishes on 'ship it' exactly once, and says so when it is said again", async () => {
    const chat = new Chat(app, "accountManager");
    await chat.say(OFFER);
    expect(chat.reply("preview").preview.title).toBe("$10 off when you spend $40 or more");
    await chat.say("looks good");
    expect(text(chat.last)).toMatch(/Say "publish" to make it live/);
    await chat.say("ok ship it!");
    const { offerId } = chat.reply("published");
    expect(await app.client.getOffer(offerId)).toMatchObject({
      merchant_owner: 9,
      offer_type: "dollars_off",
    });
    await chat.say("ship it");
    expect(text(chat.last)).toBe(`This offer is already published as offer #${offerId}.`);
    expect(await app.client.promoCodes.list({ promo_code: "WORDS10" })).toHaveLength(1);
  });

  it("refuses to publish in words for someone without the publisher role", async () => {
    const chat = new Chat(app, "editorOnly");
    await chat.say(
      "20% off all equipment for John Deere dealers in December, code EDITWORDS, 3 per customer, 100 total, budget $50k",
    );
    await chat.say("publish it");
    expect(text(chat.last)).toMatch(/You need the publisher role/);
    await chat.say("submit it for approval");
    expect(chat.reply("preview").preview.status).toBe("pending_approval");
    expect(await app.client.promoCodes.list({ promo_code: "EDITWORDS" })).toHaveLength(0);
  });

  it("cancels on 'scrap this one' and opens no draft on the next 'never mind'", async () => {
    const chat = new Chat(app, "accountManager");
    await chat.say(OFFER.replace("WORDS10", "SCRAPME10"));
    expect(text(await chat.say("actually scrap this one"))).toBe("Cancelled. Nothing was published.");
    expect(text(await chat.say("never mind"))).toMatch(/nothing to cancel/);
    expect(await app.client.promoCodes.list({ promo_code: "SCRAPME10" })).toHaveLength(0);
  });

  it("publishes over the budget only when a publisher says 'publish anyway', and audits it", async () => {
    const chat = new Chat(app, "dealerMarketer");
    await chat.say(
      "20% off all equipment for John Deere dealers in December, code OVERBUDGET, 3 per customer, 1000 total, budget $5k",
    );
    const { preview } = chat.reply("preview");
    expect(preview.issues.map((issue) => issue.rule)).toContain("budget_liability");
    await chat.say("publish");
    expect(text(chat.last)).toMatch(/say "publish anyway"/);
    expect(await app.client.promoCodes.list({ promo_code: "OVERBUDGET" })).toHaveLength(0);
    await chat.say("publish anyway");
    const { offerId } = chat.reply("published");
    expect(auditRecords()).toContainEqual(
      expect.objectContaining({
        action: "publish",
        offerId,
        result: "ok",
        detail: "published over the budget warning",
      }),
    );
  });
});

describe("at the preview", () => {
  it("answers a stray number or a question without changing the draft, then still publishes in words", async () => {
    const chat = new Chat(app, "dealerMarketer");
    await chat.say(
      "15% off parts for John Deere dealers in December, code STRAY15, 2 per customer, 300 total, budget $50k",
    );
    const version = chat.reply("preview").preview.version;
    await chat.say("1");
    expect(text(chat.last)).toMatch(/didn't catch a change/);
    await chat.say("what will this cost?");
    expect(text(chat.last)).toMatch(/At most about \$8,100 against your \$50,000 budget/);
    expect((await app.bot.draftOf(chat.threadKey))?.version).toBe(version);
    await chat.say("publish");
    const published = chat.reply("published");
    expect(await app.client.redemptionControls.list({ offer_id: published.offerId })).toMatchObject([
      { usage_limit_per_customer: 2, total_usage_limit: 300 },
    ]);
  });

  it("changes the merchant by name, keeps it when a name is not found, and refuses old buttons", async () => {
    const chat = new Chat(app, "accountManager");
    await chat.say(
      "20% off at Sunrise Coffee in December, code SWITCHME20, 1 per customer, 500 total, budget $10k",
    );
    const stale = chat.action("Publish");
    await chat.say("actually it's for Harvest Table Kitchen");
    expect(text(chat.last)).toMatch(/Merchant: Harvest Table Kitchen \(was Sunrise Coffee Co\.\)/);
    await chat.say("switch it to Nowhere Diner");
    expect(text(chat.last)).toMatch(
      /couldn't find a merchant named "Nowhere Diner".*kept Harvest Table Kitchen/,
    );
    const turn = await app.bot.action(chat.speaker, chat.threadKey, stale.id, stale.value, {
      newThreadKey: () => "unused",
    });
    expect(text(turn.replies)).toMatch(/out of date/);
    await chat.say("publish");
    expect(await app.client.getOffer(chat.reply("published").offerId)).toMatchObject({ merchant_owner: 9 });
  });
});

describe("limits and merchants in the words marketers use", () => {
  it("takes 'unlimited' per customer and 'no cap' in total, and publishes without those limits", async () => {
    const chat = new Chat(app, "accountManager");
    await chat.say("$2 off lattes at sunrise coffe in January, show and save, budget $3k");
    expect(chat.reply("question").field).toBe("usageLimitPerCustomer");
    await chat.say("unlimited");
    expect(chat.reply("question").field).toBe("totalUsageLimit");
    await chat.say("no cap");
    const fields = chat.reply("preview").preview.sections.flatMap((section) => section.fields);
    expect(fields).toContainEqual({ label: "Merchant", value: "Sunrise Coffee Co." });
    expect(fields).toContainEqual({ label: "Uses per customer", value: "Unlimited" });
    expect(fields).toContainEqual({ label: "Total uses", value: "Unlimited" });
    await chat.say("publish");
    const { offerId } = chat.reply("published");
    expect(await app.client.redemptionControls.list({ offer_id: offerId })).toEqual([]);
  });

  it("starts from an existing offer with the changes said in the same message", async () => {
    const chat = new Chat(app, "accountManager");
    const firstThread = chat.threadKey;
    await chat.say("same as #1 but 25% and for January");
    expect(chat.threadKey).not.toBe(firstThread);
    expect(text(chat.last)).toMatch(/Started a new draft from offer #1/);
    await chat.say("$50k budget, code JAN25PARTS");
    const { preview } = chat.reply("preview");
    // The copied title named the old value; it follows the new one.
    expect(preview.title).toBe("25% Off Genuine John Deere Parts & Service");
    const fields = Object.fromEntries(
      preview.sections.flatMap((s) => s.fields).map((f) => [f.label, f.value]),
    );
    expect(fields.Merchant).toBe("Heartland Ag Equipment");
    expect(fields.Description).toMatch(/25% off genuine John Deere parts/);
    expect(preview.summary).toMatch(/Jan 1, 2027 – Jan 31, 2027/);
    await chat.say("publish");
    const offer = await app.client.getOffer(chat.reply("published").offerId);
    expect(offer).toMatchObject({ merchant_owner: 1, savings_amount: "25", offer_expiry_date: "2027-01-31" });
    expect((await app.bot.draftOf(firstThread))?.draft ?? {}).toEqual({});
  });

  it("leaves out and names a copied value the bot would refuse if typed", async () => {
    await app.client.updateOffer(2, { clickthru_url: "http://old-site.example.com/deal" });
    const chat = new Chat(app, "accountManager");
    await chat.say("same as #2 but 30%");
    expect(text(chat.last)).toMatch("I left out values that can't be used: Link.");
    expect((await app.bot.draftOf(chat.threadKey))?.draft.clickthruUrl).toBeUndefined();
  });

  it("lists the merchant's locations and limits the offer to the ones named", async () => {
    const chat = new Chat(app, "dealerMarketer");
    await chat.say(
      "15% off parts in December at specific locations, code PLACES15, 1 per customer, 100 total, budget $10k",
    );
    const asked = chat.reply("question");
    expect(asked.field).toBe("locationIds");
    expect(asked.actions.map((action) => action.label)).toEqual([
      "Ames (2401 S Duff Ave)",
      "Des Moines (5505 NE 14th St)",
      "All locations",
    ]);
    await chat.say("des moines");
    expect(text(chat.last)).toMatch(/Locations: Des Moines \(5505 NE 14th St\)\./);
    expect(text(await chat.say("which locations do we have?"))).toMatch(/Ames \(2401 S Duff Ave\)/);
    await chat.say("publish");
    const [control] = await app.client.redemptionControls.list({ offer_id: chat.reply("published").offerId });
    const desMoines = (await app.client.listMerchantLocations(1)).find(
      (location) => location.city === "Des Moines",
    );
    expect(control?.location_ids).toEqual([desMoines?.location_id]);
  });

  it("reads 'only at Ames' in the first message", async () => {
    const chat = new Chat(app, "dealerMarketer");
    await chat.say(
      "10% off parts in January only at Ames, code AMESONLY, 1 per customer, 100 total, budget $10k",
    );
    expect(chat.reply("preview").notes.join(" ")).toMatch(/Locations: Ames \(2401 S Duff Ave\)/);
  });

  it("refuses impossible values the moment they are typed, in plain words, keeping what was there", async () => {
    const chat = new Chat(app, "accountManager");
    await chat.say("150% off at sunrise coffee in december, code X, 0 per customer, budget -500");
    const said = text(chat.last);
    expect(said).toMatch(/150% is not a valid percentage discount value: it must be between 1% and 100%/);
    expect(said).toMatch(/"X" is too short for a promo code/);
    expect(said).toMatch(/A customer must be able to use the offer at least once/);
    expect(said).toMatch(/A budget can't be negative/);
    expect(said).not.toMatch(/expected|Too small|invalid_type/i);
    expect(chat.reply("question").field).toBe("totalBudget");
    await chat.say("5k");
    expect(chat.reply("question").field).toBe("offerValue");
    await chat.say("20%");
    await chat.say("make it 250%");
    expect(text(chat.last)).toMatch(/250% is not a valid/);
    expect((await app.bot.draftOf(chat.threadKey))?.draft.offerValue).toBe(20);
  });

  it("keeps the dates when an end typed before the start would push the offer a year out", async () => {
    const chat = new Chat(app, "accountManager");
    await chat.say("$20 off at prairie green dec 1-31, budget 5k, code PGYEAR20, 1 per customer, 100 total");
    await chat.say("make it start dec 20 end dec 10");
    expect(text(chat.last)).toMatch(/would run almost a year, so I kept the dates as they were/);
    await chat.say("publish");
    const offer = await app.client.getOffer(chat.reply("published").offerId);
    expect(offer).toMatchObject({ version_active_from: "2026-12-01", offer_expiry_date: "2026-12-31" });
  });
});

describe("the budget in the marketer's words", () => {
  it("works out the total a budget allows, and answers the cost with what is known", async () => {
    const chat = new Chat(app, "accountManager");
    await chat.say(
      "need a promo for sunrise coffee this wknd - 20% off any latte, 1 per person, code LATTE20",
    );
    expect(text(await chat.say("no budget really, maybe like 500 bucks"))).toMatch("Budget: $500");
    expect(text(await chat.say("what would this cost?"))).toMatch(
      "It costs $6 per redemption (20% of the $30 average restaurant and café order). Nothing caps how many there are yet",
    );
    const fit = "To stay within the $500 budget with 10% to spare: at most 75 redemptions";
    expect(text(await chat.say("eh whatever keeps it under budget"))).toMatch(fit);
    // Asked while the total is the question, a recommendation is the number the budget allows.
    expect(text(await chat.say("what do you recommend?"))).toMatch(fit);
    await chat.say("75 total");
    expect(chat.reply("preview").preview.version).toBeGreaterThan(0);
    await chat.say("ship it");
    const published = chat.reply("published");
    expect(await app.client.redemptionControls.list({ offer_id: published.offerId })).toMatchObject([
      { usage_limit_per_customer: 1, total_usage_limit: 75 },
    ]);
  });
});

describe("the total suggested from the budget", () => {
  it("first suggests the number of redemptions the budget pays for, and says so", async () => {
    const chat = new Chat(app, "accountManager");
    await chat.say(
      "deal for parkview commons apts, $500 off first month rent for new leases signed in jan, 10k, one per household, show and save",
    );
    const asked = chat.reply("question");
    expect(asked.field).toBe("totalUsageLimit");
    expect(asked.actions.map((action) => action.label)).toEqual(["18", "No cap"]);
    expect(asked.hint).toMatch(/The \$10,000 budget covers 18 at \$500 per redemption/);
    await chat.say("18");
    expect(chat.reply("preview").preview.version).toBeGreaterThan(0);
  });
});

describe("questions at the preview", () => {
  it("explains how a reward reaches the customer, and says plainly when a question is beyond it", async () => {
    const chat = new Chat(app, "dealerMarketer");
    await chat.say(
      "spend 500 on parts get 50 back, all of january, 10k, 1 per customer, code PARTS50Q, 200 total",
    );
    const version = chat.reply("preview").preview.version;
    expect(text(await chat.say("how do they actually get the 50 back? is it a credit on the acct?"))).toMatch(
      "the saving itself is given by the merchant",
    );
    expect(text(await chat.say("do you like pizza?"))).toMatch("I can't answer that one.");
    expect((await app.bot.draftOf(chat.threadKey))?.version).toBe(version);
  });
});

describe("a promo code naming the old value", () => {
  it("is kept, and the marketer is told how to match it", async () => {
    const chat = new Chat(app, "dealerMarketer");
    await chat.say(
      "20% off all equipment for John Deere dealers in December, code STALE20, 3 uses per customer, 1000 total, budget $50k",
    );
    expect(text(await chat.say("make it 25%"))).toMatch(
      'The promo code STALE20 still says 20. Say "code STALE25" to match the new value, or keep it.',
    );
    expect((await app.bot.draftOf(chat.threadKey))?.draft.promoCode).toBe("STALE20");
    expect(text(await chat.say("code STALE25"))).toMatch("Promo code: STALE25 (was STALE20)");
  });
});
