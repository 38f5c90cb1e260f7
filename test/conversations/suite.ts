import { afterAll, beforeAll, describe, it } from "vitest";
import type { OfferBotApp } from "../../src/app.js";
import { startTestApp } from "../support/bot.js";
import { describeResult, playConversation, shortfalls } from "./marketer.js";
import type { Conversation } from "./types.js";

/**
 * One test per conversation, sharing one app (PGlite is slow to start). A conversation with a
 * `knownGap` is expected to fail: when the bot learns it, the test fails until the marker goes.
 */
export function describeConversations(title: string, conversations: Conversation[]): void {
  describe(title, () => {
    let app: OfferBotApp;
    beforeAll(async () => {
      app = await startTestApp();
    });
    afterAll(async () => {
      await app?.close();
    });

    for (const conversation of conversations) {
      const test = conversation.knownGap ? it.fails : it;
      test(conversation.name, async () => {
        const result = await playConversation(app, conversation);
        if (shortfalls(result).length > 0) throw new Error(describeResult(result));
      });
    }
  });
}
