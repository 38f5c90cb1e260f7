import { describe, expect, it } from "vitest";
import { slackLimitProblems } from "./limits.js";

/** The limit checker itself: it must catch what Slack would reject, or the other tests prove nothing. */
describe("slackLimitProblems", () => {
  const button = (overrides: object = {}) => ({
    type: "button",
    action_id: "a",
    text: { type: "plain_text", text: "Go" },
    value: "v",
    ...overrides,
  });

  it("accepts a valid message", () => {
    expect(
      slackLimitProblems(
        [
          { type: "header", text: { type: "plain_text", text: "Hi" } },
          { type: "section", text: { type: "mrkdwn", text: "Body" }, accessory: button() },
          { type: "actions", elements: [button(), button({ action_id: "b" })] },
        ],
        "message",
      ),
    ).toEqual([]);
  });

  it("catches each documented limit", () => {
    const text = (length: number) => ({ type: "mrkdwn", text: "x".repeat(length) });
    const problems = slackLimitProblems(
      [
        { type: "header", text: { type: "plain_text", text: "x".repeat(151) } },
        { type: "section", text: text(3001), block_id: "same" },
        { type: "section", fields: Array.from({ length: 11 }, () => text(5)), block_id: "same" },
        { type: "section", fields: [text(2001)] },
        { type: "section", text: { type: "mrkdwn", text: "" } },
        {
          type: "actions",
          elements: [
            button({ text: { type: "plain_text", text: "x".repeat(76) } }),
            button({ value: "x".repeat(2001) }),
          ],
        },
        { type: "actions", elements: Array.from({ length: 26 }, (_, i) => button({ action_id: `a${i}` })) },
        { type: "context", elements: Array.from({ length: 11 }, () => text(5)) },
        {
          type: "section",
          text: text(5),
          accessory: button({ action_id: "x".repeat(256) }),
          block_id: "b".repeat(256),
        },
        {
          type: "section",
          text: text(5),
          accessory: button({ confirm: { text: { type: "plain_text", text: "x".repeat(301) } } }),
        },
        {
          type: "input",
          label: { type: "plain_text", text: "Pick" },
          element: {
            type: "static_select",
            action_id: "s",
            options: Array.from({ length: 101 }, (_, i) => ({
              text: { type: "plain_text", text: `${i}` },
              value: `${i}`,
            })),
            initial_option: { text: { type: "plain_text", text: "nope" }, value: "nope" },
          },
        },
      ],
      "message",
    );
    for (const expected of [
      /blocks\[0\]\.text\.text: 151 characters/,
      /blocks\[1\]\.text\.text: 3001 characters/,
      /blocks\[2\]\.block_id: duplicate same/,
      /blocks\[2\]\.fields: 11 fields/,
      /blocks\[3\]\.fields\[0\]\.text: 2001 characters/,
      /blocks\[4\]\.text\.text: empty/,
      /blocks\[5\]\.elements\[0\]\.text\.text: 76 characters/,
      /blocks\[5\]\.elements\[1\]\.value: 2001 characters/,
      /blocks\[5\]\.elements\[1\]\.action_id: duplicate a/,
      /blocks\[6\]\.elements: 26 elements/,
      /blocks\[7\]\.elements: 11 elements/,
      /blocks\[8\]\.block_id: 256 characters/,
      /blocks\[8\]\.accessory\.action_id: 256 characters/,
      /blocks\[9\]\.accessory\.confirm\.text\.text: 301 characters/,
      /blocks\[10\]\.element\.options: 101 options/,
      /blocks\[10\]\.element\.initial\[0\]: not one of the options/,
    ]) {
      expect(
        problems.some((problem) => expected.test(problem)),
        String(expected),
      ).toBe(true);
    }
  });

  it("counts blocks per surface and checks a modal's own fields", () => {
    const blocks = Array.from({ length: 51 }, () => ({ type: "divider" }));
    expect(slackLimitProblems(blocks, "message")).toEqual(["blocks: 51 blocks, limit 50"]);
    expect(slackLimitProblems({ type: "home", blocks }, "home")).toEqual([]);
    const problems = slackLimitProblems(
      {
        type: "modal",
        title: { type: "plain_text", text: "x".repeat(25) },
        close: { type: "plain_text", text: "x".repeat(25) },
        private_metadata: "x".repeat(3001),
        blocks: [
          {
            type: "input",
            label: { type: "plain_text", text: "Name" },
            element: { type: "plain_text_input", action_id: "n", max_length: 3001 },
          },
        ],
      },
      "modal",
    );
    expect(problems).toEqual([
      "view.private_metadata: 3001 characters, over 3000",
      "view.title.text: 25 characters, over 24",
      "view.close.text: 25 characters, over 24",
      "view.submit: required with inputs",
      "blocks[0].element.max_length: 3001, over 3000",
    ]);
  });
});
