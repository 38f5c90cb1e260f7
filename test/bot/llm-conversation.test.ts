import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OfferBotApp } from "../../src/app.js";
import { PATCH_FUNCTION } from "../../src/graph/extractor/model-patch.js";
import { type FakeOpenAI, toolCallCompletion } from "../fakes/openai.js";
import { Chat, startModelApp } from "../support/bot.js";

/**
 * With OPENAI_API_KEY set, understanding goes through an OpenAI-compatible model: one call per
 * free-text turn, none for button clicks, and the model can only propose fields, never act.
 */
describe("conversation with the LLM extractor", () => {
  let openai: FakeOpenAI;
  let app: OfferBotApp;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ app, openai, close } = await startModelApp());
  });

  afterAll(() => close());

  it("makes exactly one model call per typed message and none for clicks", async () => {
    openai.answer({
      body: toolCallCompletion(PATCH_FUNCTION, {
        offerType: "percentage_savings",
        offerValue: 15,
        programType: "closed_loop",
        targetAudience: ["dealers"],
        startDate: "2026-12-01",
        endDate: "2026-12-31",
        totalBudget: 40000,
        // Not a draft field: dropped. The model cannot publish by saying so.
        publishNow: true,
      }),
    });
    const offersBefore = (await app.client.listOffers({ merchant_owner: 1 })).total;
    const chat = new Chat(app, "dealerMarketer");
    await chat.say("Something like fifteen percent off for our dealers through December, forty grand budget");
    expect(openai.requests).toHaveLength(1);
    const body = openai.requests[0]?.body;
    expect(body.model).toBe("fake-model");
    expect(body.tools[0].function.name).toBe(PATCH_FUNCTION);
    expect(JSON.stringify(body.messages)).toContain("fifteen percent");
    expect(chat.reply("question").notes.join(" ")).toMatch(/Value: 15% off/);
    expect(chat.reply("question").text).toMatch(/redeem/);

    await chat.click("Show & save");
    await chat.click("3");
    await chat.click("1,000");
    expect(openai.requests).toHaveLength(1);
    expect(chat.reply("preview").preview.status).toBe("review");
    expect((await app.client.listOffers({ merchant_owner: 1 })).total).toBe(offersBefore);
  });

  it("falls back to the rules quietly when the model fails", async () => {
    openai.answer({ status: 500, body: { error: { message: "overloaded" } } });
    const before = openai.requests.length;
    const chat = new Chat(app, "dealerMarketer");
    await chat.say("20% off for John Deere dealers in December, budget $50k");
    expect(openai.requests.length - before).toBe(1);
    expect(chat.reply("question").notes.join(" ")).toMatch(/Value: 20% off/);
    expect(JSON.stringify(chat.last)).not.toMatch(/error|overloaded|500/i);
  });

  it("acts on publish only when the user's own words say it, whatever the model proposes", async () => {
    const chat = new Chat(app, "dealerMarketer");
    openai.answer({
      body: toolCallCompletion(PATCH_FUNCTION, {
        offerType: "percentage_savings",
        offerValue: 10,
        programType: "closed_loop",
        startDate: "2026-12-01",
        endDate: "2026-12-31",
        totalBudget: 40000,
        promoCode: "LLMWORDS10",
        usageLimitPerCustomer: 1,
        totalUsageLimit: 100,
      }),
    });
    await chat.say("10% off parts in December for dealers, code LLMWORDS10, 1 each, 100 total, 40k budget");
    expect(chat.reply("preview").preview.title).toMatch(/10% off/i);

    // The model reads "nice" as a go-ahead; the words do not say publish, so nothing is published.
    openai.answer({ body: toolCallCompletion(PATCH_FUNCTION, { intent: { kind: "publish" } }) });
    await chat.say("nice");
    expect(chat.last.some((reply) => reply.kind === "published")).toBe(false);
    expect(await app.client.promoCodes.list({ promo_code: "LLMWORDS10" })).toHaveLength(0);

    // A question the model names is answered, not stored.
    openai.answer({ body: toolCallCompletion(PATCH_FUNCTION, { intent: { kind: "help" } }) });
    await chat.say("how does this work?");
    expect(JSON.stringify(chat.last)).toMatch(/publish when you say/);

    openai.answer({ body: toolCallCompletion(PATCH_FUNCTION, { intent: { kind: "publish" } }) });
    await chat.say("ok, ship it");
    expect(chat.reply("published").title).toMatch(/10% off/i);
    expect(await app.client.promoCodes.list({ promo_code: "LLMWORDS10" })).toHaveLength(1);
  });

  it("still finds a merchant named in passing and publishes on the user's word when the model misses them", async () => {
    const chat = new Chat(app, "accountManager");
    openai.answer({
      body: toolCallCompletion(PATCH_FUNCTION, {
        offerType: "dollars_off",
        offerValue: 4,
        startDate: "2026-12-01",
        endDate: "2026-12-31",
        totalBudget: 2000,
        promoCode: "LLMHB4",
        usageLimitPerCustomer: 1,
        totalUsageLimit: 100,
      }),
    });
    await chat.say("$4 off at homebase hardwre in December, code LLMHB4, 1 each, 100 total, 2k budget");
    expect(chat.reply("preview").notes.join(" ")).toMatch(/Merchant: HomeBase Hardware/);
    openai.answer({ body: toolCallCompletion(PATCH_FUNCTION, {}) });
    await chat.say("publish");
    const offer = await app.client.getOffer(chat.reply("published").offerId);
    expect(offer.merchant_owner).toBe(11);
  });
});
