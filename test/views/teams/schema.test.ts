import { describe, expect, it } from "vitest";
import { replyCard } from "../../../src/views/teams/index.js";
import { adaptiveCardProblems } from "../../fakes/teams/adaptive-cards.js";
import { THREAD } from "./cards.js";

/** The schema check would pass anything if it checked nothing: these cards must each fail it. */
describe("the Adaptive Cards 1.5 check", () => {
  const valid = replyCard(
    { kind: "notice", tone: "info", text: "Saved.", actions: [{ id: "retry", label: "Retry", value: "1" }] },
    { threadKey: THREAD },
  );

  it("passes a card the views make", () => {
    expect(adaptiveCardProblems(valid)).toEqual([]);
  });

  it.each([
    ["another version", { ...valid, version: "1.6" }, "/version"],
    ["an element 1.5 does not have", { ...valid, body: [{ type: "Carousel", pages: [] }] }, "/body/0/type"],
    [
      "a property an element does not have",
      { ...valid, body: [{ type: "TextBlock", text: "a", font: "x" }] },
      "/body/0",
    ],
    ["a text block without text", { ...valid, body: [{ type: "TextBlock", wrap: true }] }, "/body/0"],
    [
      "an unknown button style",
      { ...valid, actions: [{ type: "Action.Execute", title: "a", style: "primary" }] },
      "/actions/0/style",
    ],
    ["an input without an id", { ...valid, body: [{ type: "Input.Text", label: "Reason" }] }, "/body/0"],
    [
      "a fact without a value",
      { ...valid, body: [{ type: "FactSet", facts: [{ title: "a" }] }] },
      "/body/0/facts/0",
    ],
    [
      "a number input with a text value",
      { ...valid, body: [{ type: "Input.Number", id: "n", value: "12" }] },
      "/body/0/value",
    ],
    [
      "a date input with a US date",
      { ...valid, body: [{ type: "Input.Date", id: "d", value: "03/01/2026" }] },
      "/body/0/value",
    ],
    ["a property the card does not have", { ...valid, msteams: { width: "Full" } }, "/"],
  ])("refuses %s", (_, card, path) => {
    expect(adaptiveCardProblems(card).some((problem) => problem.startsWith(`${path}:`))).toBe(true);
  });
});
