import { describe, expect, it } from "vitest";
import { blockKitProblems } from "./block-kit-limits.js";

const chars = (n: number) => "x".repeat(n);
const times = <T>(n: number, make: (i: number) => T) => Array.from({ length: n }, (_, i) => make(i));
const plain = (text: string) => ({ type: "plain_text", text });
const mrkdwn = (text: string) => ({ type: "mrkdwn", text });
const divider = { type: "divider" };
const section = (text: string) => ({ type: "section", text: mrkdwn(text) });
const button = (fields: object = {}) => ({
  type: "button",
  action_id: "go",
  text: plain("Go"),
  value: "v",
  ...fields,
});
const actions = (...elements: object[]) => ({ type: "actions", elements });
const select = (options: object[]) => ({ type: "static_select", action_id: "pick", options });
const option = (text: string, i = 0) => ({ text: plain(text), value: `v${i}` });
const overflow = (n: number, fields: object = {}) => ({
  type: "overflow",
  action_id: "more",
  options: times(n, (i) => option(`Option ${i}`, i)),
  ...fields,
});
const image = (fields: object = {}) => ({ type: "image", alt_text: "Redemptions per day", ...fields });
const input = (label: string) => ({
  type: "input",
  label: plain(label),
  element: { type: "plain_text_input", action_id: "title" },
});

const message = (...blocks: object[]) => blockKitProblems("message", blocks);
function modal(fields: object = {}, surface: "modal" | "home" = "modal") {
  const view = { type: surface, title: plain("New offer"), blocks: [section("hi")], ...fields };
  return blockKitProblems(surface, view.blocks, view);
}

interface Limit {
  name: string;
  limit: number;
  problems: (n: number) => string[];
  expected: string;
}

const over = (limit: number, pointer: string) =>
  `must be less than ${limit + 1} characters [json-pointer:${pointer}]`;
const tooMany = (limit: number, pointer: string) =>
  `no more than ${limit} items allowed [json-pointer:${pointer}]`;

const LIMITS: Limit[] = [
  {
    name: "blocks in a message",
    limit: 50,
    problems: (n) =>
      blockKitProblems(
        "message",
        times(n, () => divider),
      ),
    expected: tooMany(50, "/blocks"),
  },
  {
    name: "blocks in a modal",
    limit: 100,
    problems: (n) => modal({ blocks: times(n, () => divider) }),
    expected: tooMany(100, "/view/blocks"),
  },
  {
    name: "blocks in a Home tab",
    limit: 100,
    problems: (n) => modal({ blocks: times(n, () => divider) }, "home"),
    expected: tooMany(100, "/view/blocks"),
  },
  {
    name: "section text",
    limit: 3000,
    problems: (n) => message(section(chars(n))),
    expected: over(3000, "/blocks/0/text/text"),
  },
  {
    name: "section fields",
    limit: 10,
    problems: (n) => message({ type: "section", fields: times(n, () => mrkdwn("f")) }),
    expected: tooMany(10, "/blocks/0/fields"),
  },
  {
    name: "section field text",
    limit: 2000,
    problems: (n) => message({ type: "section", fields: [mrkdwn(chars(n))] }),
    expected: over(2000, "/blocks/0/fields/0/text"),
  },
  {
    name: "header text",
    limit: 150,
    problems: (n) => message({ type: "header", text: plain(chars(n)) }),
    expected: over(150, "/blocks/0/text/text"),
  },
  {
    name: "button text",
    limit: 75,
    problems: (n) => message(actions(button({ text: plain(chars(n)) }))),
    expected: over(75, "/blocks/0/elements/0/text/text"),
  },
  {
    name: "button value",
    limit: 2000,
    problems: (n) => message(actions(button({ value: chars(n) }))),
    expected: over(2000, "/blocks/0/elements/0/value"),
  },
  {
    name: "action_id",
    limit: 255,
    problems: (n) => message({ ...section("s"), accessory: button({ action_id: chars(n) }) }),
    expected: over(255, "/blocks/0/accessory/action_id"),
  },
  {
    name: "block_id",
    limit: 255,
    problems: (n) => message({ ...divider, block_id: chars(n) }),
    expected: over(255, "/blocks/0/block_id"),
  },
  {
    name: "elements in an actions block",
    limit: 25,
    problems: (n) => message(actions(...times(n, (i) => button({ action_id: `a${i}` })))),
    expected: tooMany(25, "/blocks/0/elements"),
  },
  {
    name: "elements in a context block",
    limit: 10,
    problems: (n) => message({ type: "context", elements: times(n, () => mrkdwn("c")) }),
    expected: tooMany(10, "/blocks/0/elements"),
  },
  {
    name: "static_select options",
    limit: 100,
    problems: (n) => message(actions(select(times(n, (i) => option("o", i))))),
    expected: tooMany(100, "/blocks/0/elements/0/options"),
  },
  {
    name: "option text",
    limit: 75,
    problems: (n) => message(actions(select([option(chars(n))]))),
    expected: over(75, "/blocks/0/elements/0/options/0/text/text"),
  },
  {
    name: "overflow options",
    limit: 5,
    problems: (n) => message({ ...section("s"), accessory: overflow(n) }),
    expected: tooMany(5, "/blocks/0/accessory/options"),
  },
  {
    name: "overflow option value",
    limit: 150,
    problems: (n) =>
      message(actions(overflow(2, { options: [option("a"), { text: plain("b"), value: chars(n) }] }))),
    expected: over(150, "/blocks/0/elements/0/options/1/value"),
  },
  {
    name: "image alt text",
    limit: 2000,
    problems: (n) => message(image({ image_url: "https://example.com/a.png", alt_text: chars(n) })),
    expected: over(2000, "/blocks/0/alt_text"),
  },
  {
    name: "image title",
    limit: 2000,
    problems: (n) => message(image({ slack_file: { id: "F1" }, title: plain(chars(n)) })),
    expected: over(2000, "/blocks/0/title/text"),
  },
  {
    name: "modal title",
    limit: 24,
    problems: (n) => modal({ title: plain(chars(n)) }),
    expected: over(24, "/view/title/text"),
  },
  {
    name: "modal submit",
    limit: 24,
    problems: (n) => modal({ submit: plain(chars(n)) }),
    expected: over(24, "/view/submit/text"),
  },
  {
    name: "modal close",
    limit: 24,
    problems: (n) => modal({ close: plain(chars(n)) }),
    expected: over(24, "/view/close/text"),
  },
  {
    name: "private_metadata",
    limit: 3000,
    problems: (n) => modal({ private_metadata: chars(n) }),
    expected: over(3000, "/view/private_metadata"),
  },
  {
    name: "callback_id",
    limit: 255,
    problems: (n) => modal({ callback_id: chars(n) }),
    expected: over(255, "/view/callback_id"),
  },
  {
    name: "input label",
    limit: 2000,
    problems: (n) => modal({ blocks: [input(chars(n))], submit: plain("Save") }),
    expected: over(2000, "/view/blocks/0/label/text"),
  },
];

describe("blockKitProblems", () => {
  it.each(LIMITS)("$name: fine at $limit, named one over", ({ limit, problems, expected }) => {
    expect(problems(limit)).toEqual([]);
    expect(problems(limit + 1)).toEqual([expected]);
  });

  it("rejects a duplicate action_id within one block, not across blocks", () => {
    expect(message(actions(button(), button()))).toEqual([
      'duplicate action_id "go" in this block [json-pointer:/blocks/0/elements/1/action_id]',
    ]);
    expect(message(actions(button()), actions(button()))).toEqual([]);
  });

  it("rejects a duplicate block_id in a message", () => {
    expect(message({ ...divider, block_id: "b" }, { ...divider, block_id: "b" })).toEqual([
      'duplicate block_id "b" [json-pointer:/blocks/1/block_id]',
    ]);
  });

  it("rejects text objects of an unknown type or with empty text", () => {
    expect(message({ type: "section", text: { type: "markdown", text: "hi" } })).toEqual([
      "must be plain_text or mrkdwn [json-pointer:/blocks/0/text/type]",
    ]);
    expect(message(section(""))).toEqual([
      "must be more than 0 characters [json-pointer:/blocks/0/text/text]",
    ]);
  });

  it("accepts only plain_text where Slack does", () => {
    expect(message({ type: "header", text: mrkdwn("Offer") })).toEqual([
      "must be plain_text [json-pointer:/blocks/0/text/type]",
    ]);
    expect(modal({ title: mrkdwn("Offer") })).toEqual(["must be plain_text [json-pointer:/view/title/type]"]);
  });

  it("rejects unknown block types and sections with neither text nor fields", () => {
    expect(message({ type: "carousel" })).toEqual([
      'unsupported block type "carousel" [json-pointer:/blocks/0/type]',
    ]);
    expect(message({ type: "section" })).toEqual([
      "must define either `text` or `fields` [json-pointer:/blocks/0]",
    ]);
  });

  it("wants an overflow menu of at least two plain-text options", () => {
    expect(message({ ...section("s"), accessory: overflow(1) })).toEqual([
      "must provide at least 2 items [json-pointer:/blocks/0/accessory/options]",
    ]);
    expect(
      message(actions(overflow(2, { options: [option("a"), { text: mrkdwn("b"), value: "b" }] }))),
    ).toEqual(["must be plain_text [json-pointer:/blocks/0/elements/0/options/1/text/type]"]);
  });

  it("wants an image's alt text and exactly one source: a URL, or a Slack file by id or url", () => {
    expect(
      message(image({ slack_file: { id: "F1" } }), image({ image_url: "https://example.com/a.png" })),
    ).toEqual([]);
    expect(
      message(
        { type: "image", slack_file: { id: "F1" } },
        image(),
        image({ image_url: "https://example.com/a.png", slack_file: { id: "F1" } }),
        image({ slack_file: { id: "F1", url: "https://files.slack.com/a.png" } }),
        { type: "context", elements: [{ type: "image", image_url: "https://example.com/a.png" }] },
      ),
    ).toEqual([
      "must be more than 0 characters [json-pointer:/blocks/0/alt_text]",
      "must provide either `image_url` or `slack_file`, not both [json-pointer:/blocks/1]",
      "must provide either `image_url` or `slack_file`, not both [json-pointer:/blocks/2]",
      "must provide either `id` or `url`, not both [json-pointer:/blocks/3/slack_file]",
      "must be more than 0 characters [json-pointer:/blocks/4/elements/0/alt_text]",
    ]);
  });

  it("requires a submit button on a modal holding an input, and the right view type", () => {
    expect(modal({ blocks: [input("Title")] })).toEqual([
      "must provide `submit` when blocks hold an input [json-pointer:/view/submit]",
    ]);
    expect(blockKitProblems("home", [], { type: "modal", blocks: [] })).toEqual([
      "must be home [json-pointer:/view/type]",
    ]);
  });

  it("checks a confirm dialog, an empty actions or context block, and what inputs pre-fill", () => {
    const confirm = {
      title: plain("Sure?"),
      text: plain(chars(301)),
      confirm: plain("Yes"),
      deny: plain("No"),
    };
    expect(message(actions(button({ confirm })))).toEqual([
      over(300, "/blocks/0/elements/0/confirm/text/text"),
    ]);
    expect(message(actions(), { type: "context", elements: [] })).toEqual([
      "must provide at least 1 item [json-pointer:/blocks/0/elements]",
      "must provide at least 1 item [json-pointer:/blocks/1/elements]",
    ]);
    const field = (element: object) => ({ type: "input", label: plain("Field"), element });
    expect(
      modal({
        submit: plain("Save"),
        blocks: [
          field({ type: "plain_text_input", action_id: "a", max_length: 3001 }),
          field({ type: "plain_text_input", action_id: "b", max_length: 5, initial_value: chars(6) }),
          field({ type: "number_input", action_id: "c", initial_value: "ten" }),
          field({ type: "datepicker", action_id: "d", initial_date: "12/01/2026" }),
          field({ ...select([option("o")]), initial_option: option("nope", 9) }),
          field({ ...select([]), type: "multi_static_select" }),
          field(select([{ text: mrkdwn("o"), value: "o" }])),
        ],
      }),
    ).toEqual([
      "must be less than 3001 [json-pointer:/view/blocks/0/element/max_length]",
      over(5, "/view/blocks/1/element/initial_value"),
      "must be a number [json-pointer:/view/blocks/2/element/initial_value]",
      "must be in YYYY-MM-DD format [json-pointer:/view/blocks/3/element/initial_date]",
      "must match one of the options [json-pointer:/view/blocks/4/element/initial_options/0]",
      "must provide at least 1 item [json-pointer:/view/blocks/5/element/options]",
      "must be plain_text [json-pointer:/view/blocks/6/element/options/0/text/type]",
    ]);
  });
});
