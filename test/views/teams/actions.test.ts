import { describe, expect, it } from "vitest";
import { decodeCardClick, replyCard } from "../../../src/views/teams/index.js";
import { preview, previewActions } from "../slack/fixtures.js";
import { clickOf, THREAD } from "./cards.js";

const card = replyCard(
  { kind: "preview", notes: [], preview: preview(), actions: previewActions },
  { threadKey: THREAD },
);
const [publish, edit] = card.actions ?? [];

describe("what a click carries back", () => {
  it("gives the adapter the action, the conversation, the value and the draft version shown", () => {
    expect(decodeCardClick(clickOf(publish ?? {}))).toEqual({
      actionId: "publish",
      threadKey: THREAD,
      value: '{"v":3}',
      version: 3,
    });
  });

  it("reads a dialog button's task/fetch the same way", () => {
    expect(decodeCardClick(clickOf(edit ?? {}))).toEqual({
      actionId: "edit",
      threadKey: THREAD,
      value: '{"v":3}',
      version: 3,
    });
    expect(
      decodeCardClick({
        data: { msteams: { type: "task/fetch" }, verb: "new_offer", threadKey: THREAD, value: "" },
      }),
    ).toEqual({ actionId: "new_offer", threadKey: THREAD, value: "" });
  });

  it("leaves out a version when the value carries none", () => {
    const click = {
      action: { type: "Action.Execute", verb: "offer_show", data: { threadKey: "", value: "12" } },
    };
    expect(decodeCardClick(click)).toEqual({ actionId: "offer_show", threadKey: "", value: "12" });
  });

  it("keeps what an approver typed as the reason, trimmed", () => {
    const click = {
      action: {
        type: "Action.Execute",
        verb: "reject",
        data: { threadKey: THREAD, value: '{"v":3}', reason: " Too generous. " },
      },
    };
    expect(decodeCardClick(click)).toMatchObject({ actionId: "reject", version: 3, reason: "Too generous." });
  });

  it.each([
    ["no value at all", undefined],
    ["a string", "publish"],
    [
      "an unknown verb",
      { action: { type: "Action.Execute", verb: "drop_tables", data: { threadKey: THREAD, value: "" } } },
    ],
    [
      "a dialog verb sent as an Execute",
      { action: { type: "Action.Execute", verb: "edit", data: { threadKey: THREAD, value: "" } } },
    ],
    [
      "an Execute verb sent as a task/fetch",
      { data: { verb: "publish", threadKey: THREAD, value: '{"v":3}' } },
    ],
    ["a task/fetch without a verb", { data: { threadKey: THREAD, value: "" } }],
    [
      "a missing thread key",
      { action: { type: "Action.Execute", verb: "publish", data: { value: '{"v":3}' } } },
    ],
    [
      "a numeric value",
      { action: { type: "Action.Execute", verb: "offer_show", data: { threadKey: "", value: 12 } } },
    ],
    [
      "a Submit dressed as an Execute",
      { action: { type: "Action.Submit", verb: "publish", data: { threadKey: THREAD, value: "" } } },
    ],
    [
      "a value holding content, not an id",
      {
        action: {
          type: "Action.Execute",
          verb: "answer",
          data: { threadKey: THREAD, value: "x".repeat(2001) },
        },
      },
    ],
    [
      "a reason past its length",
      {
        action: {
          type: "Action.Execute",
          verb: "reject",
          data: { threadKey: THREAD, value: "", reason: "x".repeat(1001) },
        },
      },
    ],
    [
      "an inherited verb",
      { action: { type: "Action.Execute", verb: "toString", data: { threadKey: THREAD, value: "" } } },
    ],
  ])("refuses %s", (_, invokeValue) => {
    expect(decodeCardClick(invokeValue)).toBeUndefined();
  });

  it("refuses to put content in a button", () => {
    expect(() =>
      replyCard(
        {
          kind: "question",
          field: "x",
          notes: [],
          text: "?",
          actions: [{ id: "answer", label: "A", value: "x".repeat(2001) }],
        },
        { threadKey: THREAD },
      ),
    ).toThrow(/ids, not content/);
  });
});
