import { describe, expect, it } from "vitest";
import { replyRoute } from "../../src/core/reply-route.js";
import type { Reply } from "../../src/core/view-models.js";

const refusal: Reply = { kind: "notice", tone: "error", text: "You need the publisher role." };
const cancelled: Reply = { kind: "notice", tone: "info", text: "Draft cancelled." };
const question: Reply = {
  kind: "question",
  notes: [],
  field: "merchantName",
  text: "Which merchant?",
  actions: [],
};
const list: Reply = { kind: "offer_list", title: "Offers", offers: [], total: 0, offset: 0, actions: [] };

describe("replyRoute: one rule for every channel", () => {
  it("keeps a draft's news in its thread and tells a refusal to the clicker alone", () => {
    const click = { actionId: "publish", canTellPrivately: true, fromLiveCard: true } as const;
    expect(replyRoute({ ...click, replies: [question] })).toBe("thread");
    expect(replyRoute({ ...click, replies: [refusal] })).toBe("user");
    expect(replyRoute({ ...click, actionId: "cancel", replies: [cancelled] })).toBe("thread");
    expect(replyRoute({ ...click, actionId: "cancel", fromLiveCard: false, replies: [cancelled] })).toBe(
      "user",
    );
  });

  it("answers in the thread when the user cannot be told privately there (a form, App Home)", () => {
    expect(replyRoute({ actionId: "reject", replies: [refusal] })).toBe("thread");
  });

  it("shows /offers and offer buttons to the asking user, unless shared; a duplicate continues as a draft", () => {
    expect(replyRoute({ replies: [list] })).toBe("user");
    expect(replyRoute({ replies: [list], share: true })).toBe("channel");
    expect(replyRoute({ replies: [question] })).toBe("thread");
    expect(replyRoute({ actionId: "offer_show", replies: [list] })).toBe("user");
    expect(replyRoute({ actionId: "offer_duplicate", replies: [refusal] })).toBe("thread");
  });
});
