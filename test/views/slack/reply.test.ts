import type { types } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import type { Action, Reply } from "../../../src/core/view-models.js";
import { decodeButtonValue, replyBlocks } from "../../../src/views/slack/index.js";
import { buttonsOf, HOSTILE, long, offer, preview, previewActions, THREAD, textOf } from "./fixtures.js";
import { assertWithinSlackLimits } from "./limits.js";

const render = (reply: Reply) => {
  const message = replyBlocks(reply, { threadKey: THREAD });
  assertWithinSlackLimits(message.blocks, "message");
  expect(message.text.length).toBeGreaterThan(0);
  expect(message.text.length).toBeLessThanOrEqual(300);
  return message;
};

const sections = (blocks: types.KnownBlock[]) =>
  blocks.filter((block): block is types.SectionBlock => block.type === "section");

const answers = (count: number): Action[] =>
  Array.from({ length: count }, (_, i) => ({
    id: "answer",
    label: `Choice ${i + 1}`,
    value: `choice ${i + 1}`,
  }));

describe("notice", () => {
  it("leads with the tone's emoji and keeps its buttons and confirm dialog", () => {
    const { blocks, text } = render({
      kind: "notice",
      tone: "warning",
      text: 'Ending "Spring" (#12) stops it today and cannot be undone.',
      actions: [
        {
          id: "offer_end_confirmed",
          label: "End offer",
          value: "12",
          style: "danger",
          confirm: { title: "End this offer?", text: "It ends today.", confirm: "End it", deny: "Keep it" },
        },
      ],
    });
    expect(text).toBe('Ending "Spring" (#12) stops it today and cannot be undone.');
    expect(textOf(blocks[0])).toContain("⚠️ Ending");
    const [end] = buttonsOf(blocks);
    expect(end?.style).toBe("danger");
    expect(end?.confirm).toMatchObject({
      title: { type: "plain_text", text: "End this offer?" },
      text: { type: "plain_text", text: "It ends today." },
      confirm: { text: "End it" },
      deny: { text: "Keep it" },
      style: "danger",
    });
    expect(decodeButtonValue(end?.value ?? "")).toEqual({ threadKey: THREAD, value: "12" });
  });

  it("escapes what the user typed, in the blocks and the notification", () => {
    const { blocks, text } = render({ kind: "notice", tone: "info", text: `Saved ${HOSTILE}` });
    expect(textOf(blocks)).toContain("&lt;!channel&gt; &amp; &lt;@U123&gt; &lt;https://evil|click&gt;");
    expect(textOf(blocks)).not.toContain("<!channel>");
    expect(text).not.toContain("<");
  });
});

describe("question", () => {
  it("shows notes as context, the question as a section, the hint and a button per suggestion", () => {
    const { blocks } = render({
      kind: "question",
      field: "offerType",
      notes: ["Got it: 20% off."],
      text: "How will customers redeem it?",
      hint: "Promo codes work best for open loop.",
      actions: answers(3),
    });
    expect(blocks.map((block) => block.type)).toEqual(["context", "section", "context", "actions"]);
    expect(buttonsOf(blocks).map((button) => decodeButtonValue(button.value ?? "")?.value)).toEqual([
      "choice 1",
      "choice 2",
      "choice 3",
    ]);
  });

  it("splits 60 suggestions into rows of 25", () => {
    const { blocks } = render({
      kind: "question",
      field: "offerType",
      notes: [],
      text: "Pick one",
      actions: answers(60),
    });
    const rows = blocks.filter((block) => block.type === "actions");
    expect(rows.map((row) => row.elements.length)).toEqual([25, 25, 10]);
    expect(new Set(buttonsOf(blocks).map((button) => button.action_id)).size).toBe(60);
  });

  it("counts suggestions past four rows in a note", () => {
    const { blocks } = render({
      kind: "question",
      field: "offerType",
      notes: [],
      text: "Pick one",
      actions: answers(130),
    });
    expect(buttonsOf(blocks)).toHaveLength(100);
    expect(textOf(blocks.at(-1))).toContain("…and 30 more options");
  });

  it("cuts button labels to 75 characters and long questions and notes to their blocks", () => {
    const { blocks } = render({
      kind: "question",
      field: "offerType",
      notes: Array.from({ length: 14 }, (_, i) => `Note ${i} ${long(5000)}`),
      text: long(10_000),
      hint: long(5000),
      actions: [{ id: "answer", label: long(200), value: "x" }],
    });
    expect(buttonsOf(blocks)[0]?.text.text).toHaveLength(75);
    expect(textOf(blocks[0])).toContain("…and 5 more notes");
  });
});

describe("preview", () => {
  it("shows title, summary, fields per section and the actions the model offers", () => {
    const { blocks, text } = render({
      kind: "preview",
      notes: [],
      preview: preview(),
      actions: previewActions,
    });
    expect(text).toBe("Preview: 20% off spring service");
    expect(blocks[0]).toEqual({
      type: "header",
      text: { type: "plain_text", text: "20% off spring service", emoji: true },
    });
    const [summary, offerSection] = sections(blocks);
    expect(summary?.text?.text).toBe("20% off · Mar 1, 2026 – Apr 30, 2026");
    expect(offerSection?.text?.text).toBe("*Offer*");
    expect(offerSection?.fields?.map((field) => field.text)).toEqual([
      "*Offer type*\nPercentage off",
      "*Value*\n20% off",
    ]);
    const buttons = buttonsOf(blocks);
    expect(buttons.map((button) => [button.action_id, button.style])).toEqual([
      ["publish", "primary"],
      ["edit", undefined],
      ["submit", undefined],
      ["cancel", "danger"],
    ]);
    expect(buttons[3]?.confirm).toMatchObject({ style: "danger", confirm: { text: "Cancel draft" } });
    expect(decodeButtonValue(buttons[0]?.value ?? "")).toEqual({ threadKey: THREAD, value: '{"v":3}' });
  });

  it("shows only the actions it is given (a blocked draft has no Publish)", () => {
    const actions = previewActions.filter((action) => action.id === "edit" || action.id === "cancel");
    const { blocks } = render({ kind: "preview", notes: [], preview: preview(), actions });
    expect(buttonsOf(blocks).map((button) => button.action_id)).toEqual(["edit", "cancel"]);
  });

  it("lists issues with their fixes, errors first, and the budget impact with its assumption", () => {
    const { blocks } = render({
      kind: "preview",
      notes: ["Changed the value to 20%."],
      preview: preview({
        issues: [
          {
            field: "endDate",
            severity: "warning",
            message: "Short run.",
            fix: "Run it a month.",
            rule: "dates",
          },
          {
            field: "offerValue",
            severity: "error",
            message: "Over the 30% cap.",
            fix: "Lower it to 30%.",
            rule: "brand",
          },
        ],
        budgetImpact: {
          text: "Up to $40,000 if 1,000 redemptions are used.",
          assumption: "A $200 average order.",
          overBudget: true,
        },
        recommendation: "Similar offers convert best at 15–20%.",
      }),
      actions: previewActions,
    });
    const issues = sections(blocks).find((block) => block.text?.text.includes("Fix:"));
    expect(issues?.text?.text).toBe(
      "*1 to fix before publishing, 1 to check*\n❌ Over the 30% cap.\n      _Fix:_ Lower it to 30%.\n⚠️ Short run.\n      _Fix:_ Run it a month.",
    );
    const budget = blocks.find((block) => textOf(block).includes("Budget impact"));
    expect(budget).toMatchObject({
      type: "context",
      elements: [
        { text: "💰 *Budget impact:* ⚠️ *over budget.* Up to $40,000 if 1,000 redemptions are used." },
        { text: "Assumption: A $200 average order." },
      ],
    });
    expect(textOf(blocks)).toContain("💡 Similar offers convert best at 15–20%.");
    expect(blocks[0]).toMatchObject({ type: "context", elements: [{ text: "Changed the value to 20%." }] });
  });

  it("shows who it waits for, a rejection reason and a publishing failure", () => {
    const pending = render({
      kind: "preview",
      notes: [],
      preview: preview({ status: "pending_approval", approval: { submittedBy: "U42" } }),
      actions: [],
    });
    expect(textOf(pending.blocks)).toContain("⏳ Waiting for approval · submitted by <@U42>");
    const rejected = render({
      kind: "preview",
      notes: [],
      preview: preview({ approval: { submittedBy: "U42", rejectedReason: `Too generous ${HOSTILE}` } }),
      actions: [],
    });
    expect(textOf(rejected.blocks)).toContain("🚫 *Rejected:* Too generous &lt;!channel&gt;");
    const failed = render({
      kind: "preview",
      notes: [],
      preview: preview({ status: "failed", publishError: "The Kigo API timed out." }),
      actions: [{ id: "retry", label: "Retry publishing", value: '{"v":3}', style: "primary" }],
    });
    expect(textOf(failed.blocks)).toContain(
      "❌ *Publishing failed:* The Kigo API timed out. The draft is kept.",
    );
  });

  it("does not turn a submitter that is not a user id into a mention", () => {
    const { blocks } = render({
      kind: "preview",
      notes: [],
      preview: preview({ status: "pending_approval", approval: { submittedBy: "<!channel>" } }),
      actions: [],
    });
    expect(textOf(blocks)).toContain("submitted by &lt;!channel&gt;");
  });

  it("escapes a hostile title in mrkdwn and keeps it literal in the header", () => {
    const { blocks } = render({
      kind: "preview",
      notes: [],
      preview: preview({
        title: HOSTILE,
        sections: [{ title: "Offer", fields: [{ label: "Title", value: HOSTILE }] }],
      }),
      actions: previewActions,
    });
    expect(blocks[0]).toMatchObject({ type: "header", text: { type: "plain_text", text: HOSTILE } });
    expect(sections(blocks)[1]?.fields?.[0]?.text).toBe(
      "*Title*\n&lt;!channel&gt; &amp; &lt;@U123&gt; &lt;https://evil|click&gt;",
    );
  });

  it("fits a 10,000-character description, a 200-character title, 30 issues and 25 fields", () => {
    const issues = Array.from({ length: 30 }, (_, i) => ({
      field: "draft" as const,
      severity: i % 2 === 0 ? ("error" as const) : ("warning" as const),
      message: `Problem ${i}: ${long(180)}`,
      fix: `Fix ${i}: ${long(120)}`,
      rule: `rule_${i}`,
    }));
    const { blocks } = render({
      kind: "preview",
      notes: [],
      preview: preview({
        title: long(200),
        sections: [
          {
            title: "Offer",
            fields: [
              { label: "Description", value: long(10_000) },
              ...Array.from({ length: 24 }, (_, i) => ({ label: `Field ${i}`, value: `Value ${i}` })),
            ],
          },
        ],
        issues,
      }),
      actions: previewActions,
    });
    const header = blocks.find((block) => block.type === "header");
    expect(header).toMatchObject({ text: { text: expect.stringMatching(/…$/) } });
    const fieldBlocks = sections(blocks).filter((block) => block.fields);
    expect(fieldBlocks.map((block) => block.fields?.length)).toEqual([10, 10, 5]);
    expect(fieldBlocks[0]?.fields?.[0]?.text).toHaveLength(2000);
    const issueText = sections(blocks).find((block) => block.text?.text.includes("Fix:"))?.text?.text ?? "";
    expect(issueText).toMatch(/^\*15 to fix before publishing, 15 to check\*\n❌/);
    expect(issueText).toMatch(/…and \d+ more issues_$/);
    // Errors come first, so a cut list still shows what blocks publishing.
    expect(issueText).not.toContain("⚠️");
  });

  it("counts sections past its share of the message in a note", () => {
    const many = Array.from({ length: 30 }, (_, i) => ({
      title: `Section ${i}`,
      fields: [{ label: "Field", value: "Value" }],
    }));
    const { blocks } = render({
      kind: "preview",
      notes: [],
      preview: preview({ sections: many }),
      actions: [],
    });
    expect(textOf(blocks)).toContain("…and 11 more sections");
  });
});

describe("published", () => {
  it("confirms the offer id, what was created and the workarounds applied", () => {
    const { blocks, text } = render({
      kind: "published",
      offerId: 901,
      title: "Spring <sale>",
      created: ["offer #901", "promo code SPRING20"],
      workarounds: ["Program type stored in classification (no programs endpoint)."],
    });
    expect(text).toBe('Published "Spring &lt;sale&gt;" as offer #901.');
    expect(textOf(blocks[0])).toContain("✅ Published *Spring &lt;sale&gt;* as offer *#901*.");
    expect(sections(blocks)[1]?.text?.text).toBe("*Created*\n• offer #901\n• promo code SPRING20");
    expect(blocks[2]).toMatchObject({
      type: "context",
      elements: [{ text: "⚠️ Program type stored in classification (no programs endpoint)." }],
    });
  });

  it("fits hundreds of created items and workarounds", () => {
    const { blocks } = render({
      kind: "published",
      offerId: 1,
      title: "Big",
      created: Array.from({ length: 300 }, (_, i) => `promo code CODE${i} ${long(40)}`),
      workarounds: Array.from({ length: 15 }, (_, i) => `Workaround ${i}`),
    });
    expect(textOf(blocks)).toMatch(/…and \d+ more items/);
    expect(textOf(blocks)).toContain("…and 6 more workarounds");
  });
});

describe("offer list", () => {
  const list = (count: number, actions: Action[] = []): Reply => ({
    kind: "offer_list",
    title: 'Offers (active, "spring")',
    offers: Array.from({ length: count }, (_, i) => offer(i + 1)),
    total: count + 100,
    offset: 10,
    actions,
  });
  const paging: Action[] = [
    { id: "offers_page", label: "Previous", value: '{"verb":"list","offset":0}' },
    { id: "offers_page", label: "Next", value: '{"verb":"list","offset":20}' },
  ];

  it("gives each offer a section with its status badge and a Show button, then Previous/Next", () => {
    const { blocks, text } = render(list(2, paging));
    expect(text).toBe('Offers (active, "spring"): 102 found');
    expect(blocks[1]).toMatchObject({ type: "context", elements: [{ text: "102 found, showing 11–12" }] });
    const first = sections(blocks)[0];
    expect(first?.text?.text).toBe(
      "🟢 Active  *Offer number 1*  #1\nMar 1, 2026 – Apr 30, 2026 · merchant #7 · Percentage off · Promo code, Online link",
    );
    expect(first?.accessory).toMatchObject({
      type: "button",
      action_id: "offer_show",
      text: { text: "Show" },
    });
    expect(decodeButtonValue((first?.accessory as types.Button | undefined)?.value ?? "")).toEqual({
      threadKey: THREAD,
      value: "1",
    });
    const pager = blocks.at(-1) as types.ActionsBlock;
    expect(pager.elements.map((element) => (element as types.Button).action_id)).toEqual([
      "offers_page:0",
      "offers_page:1",
    ]);
  });

  it("fits 40 offers with their paging buttons", () => {
    const { blocks } = render(list(40, paging));
    expect(sections(blocks)).toHaveLength(40);
    expect(blocks.at(-1)?.type).toBe("actions");
  });

  it("counts offers past Slack's 50 blocks in a note and keeps the paging buttons", () => {
    const { blocks } = render(list(80, paging));
    expect(blocks).toHaveLength(50);
    expect(textOf(blocks.at(-2))).toContain("…and 34 more offers");
    expect(blocks.at(-1)?.type).toBe("actions");
  });

  it("says so when nothing matches and shows unknown statuses as they are", () => {
    expect(textOf(render({ ...list(0), total: 0 } as Reply).blocks)).toContain("No offers match.");
    const odd = render({ ...list(0), offers: [offer(5, { status: "<weird>" })] } as Reply);
    expect(sections(odd.blocks)[0]?.text?.text).toMatch(/^• &lt;weird&gt;/);
  });
});

describe("offer detail", () => {
  it("shows fields, description, terms and the offer's buttons with confirm dialogs", () => {
    const { blocks } = render({
      kind: "offer_detail",
      offer: { ...offer(12, { status: "paused" }), description: `Save ${HOSTILE}`, terms: long(10_000) },
      actions: [
        { id: "offer_resume", label: "Resume", value: "12" },
        { id: "offer_analytics", label: "Analytics", value: "12" },
        {
          id: "offer_end",
          label: "End",
          value: "12",
          style: "danger",
          confirm: { title: "End?", text: long(400), confirm: long(40), deny: "Keep it" },
        },
      ],
    });
    expect(blocks[0]).toMatchObject({ type: "header", text: { text: "Offer number 12" } });
    expect(sections(blocks)[0]?.fields?.map((field) => field.text)).toEqual([
      "*Status*\n⏸️ Paused",
      "*Offer*\n#12",
      "*Merchant*\n#7",
      "*Dates*\nMar 1, 2026 – Apr 30, 2026",
      "*Offer type*\nPercentage off",
      "*Redemption*\nPromo code, Online link",
    ]);
    expect(textOf(blocks)).toContain("*Description*\\nSave &lt;!channel&gt;");
    expect(sections(blocks)[2]?.text?.text).toMatch(/^\*Terms\*\n.*…$/s);
    const end = buttonsOf(blocks).find((button) => button.action_id === "offer_end");
    expect(end?.confirm?.text.text).toHaveLength(300);
  });
});

describe("analytics", () => {
  const analytics = (overrides: Partial<Extract<Reply, { kind: "analytics" }>> = {}): Reply => ({
    kind: "analytics",
    offerId: 12,
    title: "Spring",
    startDate: "2026-03-01",
    endDate: "2026-03-31",
    totalRedemptions: 1234,
    uniqueUsers: 900,
    revenue: 45678.5,
    conversionRate: 0.0512,
    byDay: [],
    ...overrides,
  });

  it("shows the numbers as fields", () => {
    const { blocks, text } = render(analytics());
    expect(text).toBe("Analytics for Spring (#12)");
    expect(sections(blocks)[0]?.fields?.map((field) => field.text)).toEqual([
      "*Redemptions*\n1,234",
      "*Unique users*\n900",
      "*Revenue*\n$45,678.50",
      "*Conversion*\n5.1%",
    ]);
    expect(textOf(blocks)).toContain("No redemptions recorded yet.");
  });

  it("says n/a when no impressions were recorded", () => {
    const { blocks } = render(analytics({ conversionRate: null }));
    expect(textOf(blocks)).toContain("*Conversion*\\nn/a (no impressions recorded)");
  });

  it("draws the last 14 days as a sparkline, missing days as zero", () => {
    const byDay = Array.from({ length: 30 }, (_, i) => ({
      date: `2026-03-${String(i + 1).padStart(2, "0")}`,
      redemptions: i,
    })).filter((day) => day.date !== "2026-03-20");
    const { blocks } = render(analytics({ byDay }));
    const trend = sections(blocks).at(-1)?.text?.text;
    expect(trend).toBe(
      [
        "*Redemptions per day*, Mar 17, 2026 – Mar 30, 2026",
        "`▅▅▅▁▆▆▆▇▇▇▇███`",
        "Peak 29 on Mar 30, 2026 · 296 in 14 days",
      ].join("\n"),
    );
  });
});

describe("drafts", () => {
  it("gives each open draft its Resume button", () => {
    const drafts = [
      {
        threadKey: "slack:T1:D1:1.1",
        title: "Spring",
        status: "review" as const,
        updatedAt: "2026-03-02T10:00:00Z",
      },
      {
        threadKey: "slack:T1:D1:2.2",
        title: HOSTILE,
        status: "collecting" as const,
        updatedAt: "2026-03-01T10:00:00Z",
      },
    ];
    const { blocks, text } = render({
      kind: "drafts",
      drafts,
      actions: drafts.map((draft) => ({
        id: "draft_resume",
        label: `Resume "${draft.title}"`,
        value: draft.threadKey,
      })),
    });
    expect(text).toBe("You have 2 open drafts.");
    const [, spring, hostile] = sections(blocks);
    expect(spring?.text?.text).toBe("*Spring*\nReady to review · updated Mar 2, 2026");
    expect(hostile?.text?.text).toContain("&lt;!channel&gt;");
    expect(decodeButtonValue((hostile?.accessory as types.Button | undefined)?.value ?? "")).toEqual({
      threadKey: THREAD,
      value: "slack:T1:D1:2.2",
    });
    expect(blocks.some((block) => block.type === "actions")).toBe(false);
  });

  it("says when there are none", () => {
    const { blocks } = render({ kind: "drafts", drafts: [], actions: [] });
    expect(blocks).toEqual([expect.objectContaining({ type: "section" })]);
    expect(textOf(blocks)).toContain("You have no open drafts.");
  });

  it("fits 70 drafts", () => {
    const drafts = Array.from({ length: 70 }, (_, i) => ({
      threadKey: `slack:T1:D1:${i}`,
      title: `Draft ${i}`,
      status: "collecting" as const,
      updatedAt: "2026-03-01",
    }));
    const { blocks } = render({ kind: "drafts", drafts, actions: [] });
    expect(textOf(blocks.at(-1))).toContain("…and 22 more drafts");
  });
});
