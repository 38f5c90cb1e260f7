import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Chat, startTestApp } from "../support/bot.js";
import { REDIS_URL, serviceAvailable } from "../support/services.js";

const redisUp = await serviceAvailable("redis");

describe.skipIf(!redisUp)("with the Redis checkpointer", () => {
  it("resumes a draft after a restart mid-conversation, then publishes and audits it", async () => {
    const env = { REDIS_URL, DRAFT_TTL_DAYS: "1" };
    const first = await startTestApp(env);
    const chat = new Chat(first, "dealerMarketer");
    const code = `RESTART${Date.now().toString(36).toUpperCase()}`.slice(0, 20);
    await chat.say(`20% off all equipment for John Deere dealers in December, code ${code}, budget $50k`);
    expect(chat.reply("question").text).toMatch(/one customer/);
    await first.close();

    const second = await startTestApp(env);
    try {
      const resumed = new Chat(second, "dealerMarketer");
      resumed.threadKey = chat.threadKey;
      await resumed.say("3 per customer");
      expect(resumed.reply("question").text).toMatch(/in total/);
      await resumed.say("1000 total");
      const { preview } = resumed.reply("preview");
      expect(preview.sections.flatMap((section) => section.fields)).toContainEqual({
        label: "Promo code",
        value: code,
      });

      await resumed.offers("drafts");
      expect(resumed.reply("drafts").drafts.map((draft) => draft.threadKey)).toContain(chat.threadKey);
      // Redis is shared with other runs: resume this draft, not whichever is listed first.
      const resume = resumed.reply("drafts").actions.find((action) => action.value === chat.threadKey);
      expect(resume).toBeDefined();
      if (resume) {
        const turn = await second.bot.action(resumed.speaker, resumed.threadKey, resume.id, resume.value, {
          newThreadKey: () => "unused",
        });
        resumed.last = turn.replies;
      }
      await resumed.click("Publish");
      const published = resumed.reply("published");
      expect(await second.client.promoCodes.list({ promo_code: code })).toHaveLength(1);
      expect(published.created.join(" ")).toContain(code);
    } finally {
      await second.close();
    }
  });
});

describe("audit", () => {
  it("records who published what, when, and the result", async () => {
    const app = await startTestApp();
    try {
      const chat = new Chat(app, "dealerMarketer");
      await chat.say(
        "20% off all equipment for John Deere dealers in December, code AUDIT20, 3 per customer, 1000 total, budget $50k",
      );
      await chat.click("Publish");
      const { offerId } = chat.reply("published");
      await chat.offers(`pause ${offerId}`);
      const records = readFileSync(join(app.dir, "audit.log"), "utf8")
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(records).toEqual([
        expect.objectContaining({
          who: "dealerMarketer",
          action: "publish",
          offerId,
          result: "ok",
          at: "2026-11-25T16:00:00.000Z",
        }),
        expect.objectContaining({ who: "dealerMarketer", action: "pause", offerId, result: "ok" }),
      ]);
    } finally {
      await app.close();
    }
  });
});
