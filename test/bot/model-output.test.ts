import { rmSync } from "node:fs";
import { join } from "node:path";
import { SqliteSaver } from "@langchain/langgraph-checkpoint-sqlite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { configOf } from "../../src/core/conversation.js";
import { PATCH_FUNCTION } from "../../src/graph/extractor/model-patch.js";
import { openSqlite } from "../../src/sqlite.js";
import { type FakeOpenAI, toolCallCompletion } from "../fakes/openai.js";
import { Chat, startModelApp, startTestApp, type TestApp } from "../support/bot.js";

/**
 * What a model proposes passes the same validators as everything else: a value it may not set or
 * that is not valid is dropped, the marketer is told in one line, and the conversation goes on.
 */
describe("model output the draft cannot take", () => {
  let openai: FakeOpenAI;
  let app: TestApp;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ app, openai, close } = await startModelApp());
  });

  afterAll(() => close());

  const propose = (args: Record<string, unknown>) =>
    openai.answer({ body: toolCallCompletion(PATCH_FUNCTION, args) });
  const everything = (chat: Chat) => JSON.stringify(chat.last);

  it("drops an unknown time zone, says so, and keeps answering", async () => {
    const chat = new Chat(app, "dealerMarketer");
    propose({ offerType: "percentage_savings", offerValue: 20, timeZone: "Mars/Base" });
    await chat.say("20% off for dealers, schedule it on Mars time");
    const notes = chat.reply("question").notes;
    expect(notes).toContain("I couldn't use what I read for: Time zone.");
    expect(everything(chat)).not.toMatch(/Mars\/Base/);

    propose({ startDate: "2026-12-01", endDate: "2026-12-31" });
    await chat.say("in December");
    expect(everything(chat)).not.toMatch(/went wrong/);
    expect(chat.reply("question").notes.join(" ")).toMatch(/Dec 1, 2026/);
  });

  it("keeps the canonical spelling of a real time zone", async () => {
    const chat = new Chat(app, "dealerMarketer");
    propose({ offerType: "percentage_savings", offerValue: 20, timeZone: "america/new_york" });
    await chat.say("20% off for dealers, Eastern time");
    expect(chat.reply("question").notes.join(" ")).toMatch(/Time zone: America\/New_York/);
  });

  it("never takes ids, uploads or non-https links from the model", async () => {
    const chat = new Chat(app, "accountManager");
    propose({
      offerType: "dollars_off",
      offerValue: 5,
      merchantId: 2,
      customerList: { name: "invented", customers: ["a@example.com", "b@example.com"] },
      clickthruUrl: "javascript:alert(1)",
    });
    await chat.say("$5 off, online");
    const text = everything(chat);
    expect(text).not.toMatch(/invented|javascript:|Customer list:/);
    expect(chat.reply("question").field).toBe("merchantName");
    expect(chat.reply("question").notes).toContain(
      "I couldn't use what I read for: Merchant id, Customer list, Link.",
    );
  });

  it("takes a real https link, but not an impossible date or a count out of range", async () => {
    const chat = new Chat(app, "dealerMarketer");
    propose({
      offerType: "clickthrough",
      redemptionMethod: "online_link",
      clickthruUrl: "https://www.deere.com/offers",
      startDate: "2026-02-30",
      totalUsageLimit: 5_000_000_000,
    });
    await chat.say("send them to deere.com/offers from Feb 30");
    const notes = chat.reply("question").notes.join(" ");
    expect(notes).toMatch(/Link: https:\/\/www\.deere\.com\/offers/);
    expect(notes).toMatch(/I couldn't use what I read for: Start date, Total uses\./);
  });
});

/**
 * A draft stored before a validator existed must not break its conversation on every turn: it is
 * repaired when loaded, and the bot asks again for what it dropped.
 */
describe("a stored draft with an invalid value", () => {
  let first: TestApp;
  let second: TestApp | undefined;

  beforeAll(async () => {
    first = await startTestApp();
  });

  afterAll(async () => {
    // The second app owns the directory once it runs on it.
    await (second ?? first).close().catch(() => {});
    rmSync(first.dir, { recursive: true, force: true });
  });

  it("is repaired on load instead of failing every turn", async () => {
    const chat = new Chat(first, "dealerMarketer");
    await chat.say("20% off all equipment for John Deere dealers in December, budget $50k");
    await first.close({ keepData: true });

    const database = openSqlite(join(first.dir, "bot.sqlite"));
    const saver = new SqliteSaver(database);
    const stored = await saver.getTuple(configOf(chat.threadKey));
    if (!stored) throw new Error("no stored checkpoint");
    const values = stored.checkpoint.channel_values as { draft: Record<string, unknown> };
    await saver.put(
      stored.parentConfig ?? { configurable: { thread_id: chat.threadKey, checkpoint_ns: "" } },
      {
        ...stored.checkpoint,
        channel_values: {
          ...stored.checkpoint.channel_values,
          draft: { ...values.draft, timeZone: "Mars/Base", clickthruUrl: "javascript:alert(1)" },
        },
      },
      stored.metadata ?? { source: "loop", step: 0, parents: {} },
    );
    database.close();

    second = await startTestApp({ DATA_DIR: first.dir });
    const again = new Chat(second, "dealerMarketer");
    again.threadKey = chat.threadKey;
    await again.say("make it 25%");
    const text = JSON.stringify(again.last);
    expect(text).not.toMatch(/went wrong|Mars\/Base|javascript:/);
    expect(again.reply("question").notes.join(" ")).toMatch(/25%/);
  });
});
