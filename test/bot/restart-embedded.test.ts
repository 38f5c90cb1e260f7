import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OfferBotApp } from "../../src/app.js";
import { Chat, startTestApp } from "../support/bot.js";

/**
 * The default set-up (no Redis, embedded sandbox) keeps everything in DATA_DIR: a bot started
 * again on the same directory lists and resumes the drafts of the last run, and the offers it
 * published are still in the sandbox.
 */

type TestApp = Awaited<ReturnType<typeof startTestApp>>;

const PARTIAL = "20% off all equipment for John Deere dealers in December, code KEEPDRAFT, budget $50k";
const COMPLETE =
  "15% off all equipment for John Deere dealers in December, code KEEPLIVE, 3 uses per customer, 1000 total, budget $50k";

async function draftKeys(app: OfferBotApp): Promise<string[]> {
  const chat = new Chat(app, "dealerMarketer");
  await chat.offers("drafts");
  return chat.reply("drafts").drafts.map((draft) => draft.threadKey);
}

describe("restarting the default set-up on the same DATA_DIR", () => {
  let first: TestApp;
  let second: TestApp;
  const draft = { threadKey: "", question: "" };
  let publishedId = 0;

  beforeAll(async () => {
    first = await startTestApp({}, { sandboxOnDisk: true });
    const drafting = new Chat(first, "dealerMarketer");
    await drafting.say(PARTIAL);
    Object.assign(draft, { threadKey: drafting.threadKey, question: drafting.reply("question").text });

    const publishing = new Chat(first, "dealerMarketer");
    await publishing.say(COMPLETE);
    await publishing.click("Publish");
    publishedId = publishing.reply("published").offerId;
    await first.close({ keepData: true });

    second = await startTestApp({ DATA_DIR: first.dir }, { sandboxOnDisk: true });
  });

  afterAll(async () => {
    await second?.close();
    rmSync(first.dir, { recursive: true, force: true });
  });

  it("lists the open draft, and resumes it at the question it was waiting on", async () => {
    expect(await draftKeys(second)).toEqual([draft.threadKey]);

    const chat = new Chat(second, "dealerMarketer");
    await chat.offers("drafts");
    await chat.click(/^Resume/);
    expect(chat.threadKey).toBe(draft.threadKey);
    expect(chat.reply("question").text).toBe(draft.question);

    await chat.say("3 per customer");
    expect(chat.reply("question").text).toMatch(/in total/);
    await chat.say("1000 total");
    const fields = chat.reply("preview").preview.sections.flatMap((section) => section.fields);
    expect(fields).toContainEqual({ label: "Promo code", value: "KEEPDRAFT" });
  });

  it("still has the offer published before the restart, and the demo data once", async () => {
    const chat = new Chat(second, "dealerMarketer");
    await chat.offers("list active");
    expect(chat.reply("offer_list").offers.map((offer) => offer.offerId)).toContain(publishedId);
    expect(await second.client.promoCodes.list({ promo_code: "KEEPLIVE" })).toHaveLength(1);
    expect(second.kigo.embedded?.demo.loaded).toBe(false);
    const before = first.kigo.embedded?.demo.counts;
    expect(second.kigo.embedded?.demo.counts).toMatchObject({
      merchants: before?.merchants,
      offers: (before?.offers ?? 0) + 1,
    });
  });

  it("refuses a second bot on the DATA_DIR while one runs, naming the setting", async () => {
    await expect(startTestApp({ DATA_DIR: first.dir }, { sandboxOnDisk: true })).rejects.toThrow(
      /is in use by process \d+; .* set another DATA_DIR/,
    );
  });

  it("starts clean on an empty DATA_DIR", async () => {
    const fresh = await startTestApp();
    try {
      expect(await draftKeys(fresh)).toEqual([]);
      expect(await fresh.client.promoCodes.list({ promo_code: "KEEPLIVE" })).toEqual([]);
      expect(fresh.kigo.embedded?.demo.loaded).toBe(true);
    } finally {
      await fresh.close();
    }
  });
});
