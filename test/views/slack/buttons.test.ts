import { describe, expect, it } from "vitest";
import {
  actionIdOf,
  decodeButtonValue,
  encodeButtonValue,
  parseActionId,
  replyBlocks,
} from "../../../src/views/slack/index.js";
import { buttonsOf, THREAD } from "./fixtures.js";

describe("button values", () => {
  it("round-trip the thread key and the action's own value", () => {
    const encoded = encodeButtonValue(THREAD, '{"v":3}');
    expect(decodeButtonValue(encoded)).toEqual({ threadKey: THREAD, value: '{"v":3}' });
  });

  it("refuse anything that is not one of ours", () => {
    expect(decodeButtonValue("42")).toBeUndefined();
    expect(decodeButtonValue("not json")).toBeUndefined();
    expect(decodeButtonValue(JSON.stringify({ k: THREAD }))).toBeUndefined();
    expect(decodeButtonValue(JSON.stringify({ k: THREAD, v: 3 }))).toBeUndefined();
  });

  it("throw when an action would carry more than Slack's 2000 characters", () => {
    expect(() => encodeButtonValue(THREAD, "x".repeat(2000))).toThrow(/2000/);
  });
});

describe("action ids", () => {
  it("parse plain and indexed ids back to the action", () => {
    expect(parseActionId("publish")).toBe("publish");
    expect(parseActionId(actionIdOf("offer_show", 3))).toBe("offer_show");
    expect(actionIdOf("offer_show", 3)).toBe("offer_show:3");
  });

  it("reject ids that are not ours", () => {
    expect(parseActionId("home_new_offer")).toBeUndefined();
    expect(parseActionId("offer_show:x")).toBeUndefined();
    expect(parseActionId("offer_show:1:2")).toBeUndefined();
    expect(parseActionId("toString")).toBeUndefined();
    expect(parseActionId("")).toBeUndefined();
  });

  it("are suffixed only where one block would repeat them", () => {
    const { blocks } = replyBlocks(
      {
        kind: "question",
        field: "offerType",
        notes: [],
        text: "Which type?",
        actions: [
          { id: "answer", label: "Percentage off", value: "percentage" },
          { id: "answer", label: "Amount off", value: "amount" },
        ],
      },
      { threadKey: THREAD },
    );
    expect(buttonsOf(blocks).map((button) => button.action_id)).toEqual(["answer:0", "answer:1"]);
    const notice = replyBlocks(
      {
        kind: "notice",
        tone: "info",
        text: "Done",
        actions: [{ id: "retry", label: "Retry", value: "1" }],
      },
      { threadKey: THREAD },
    );
    expect(buttonsOf(notice.blocks).map((button) => button.action_id)).toEqual(["retry"]);
  });
});
