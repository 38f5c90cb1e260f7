import { describe, expect, it } from "vitest";
import type { Action, Reply } from "../../../src/core/view-models.js";
import { decodeCardClick, replyCard } from "../../../src/views/teams/index.js";
import { long, offer, preview, previewActions } from "../slack/fixtures.js";
import {
  actionsOf,
  assertValidCard,
  buttonsOf,
  bytesOf,
  clickOf,
  HOSTILE,
  THREAD,
  textOf,
  titlesOf,
} from "./cards.js";

const render = (reply: Reply, options: Partial<Parameters<typeof replyCard>[1]> = {}) =>
  assertValidCard(replyCard(reply, { threadKey: THREAD, ...options }));

const answers = (count: number): Action[] =>
  Array.from({ length: count }, (_, i) => ({
    id: "answer",
    label: `Choice ${i + 1}`,
    value: `choice ${i + 1}`,
  }));

describe("notice", () => {
  it("leads with the tone's emoji, and an error offers Retry that comes back to this conversation", () => {
    const card = render({
      kind: "notice",
      tone: "error",
      text: "The Kigo API did not answer.",
      actions: [{ id: "retry", label: "Retry", value: '{"v":3}', style: "primary" }],
    });
    expect(card.fallbackText).toBe("The Kigo API did not answer.");
    expect(textOf(card)).toBe("❌ The Kigo API did not answer.");
    const [retry] = buttonsOf(card);
    expect(retry).toMatchObject({ type: "Action.Execute", verb: "retry", title: "Retry", style: "positive" });
    expect(decodeCardClick(clickOf(retry ?? {}))).toEqual({
      actionId: "retry",
      threadKey: THREAD,
      value: '{"v":3}',
      version: 3,
    });
  });

  it("sends End at once from the core's follow-up, the card that already asks", () => {
    const card = render({
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
    expect(textOf(card)).toContain("⚠️ Ending");
    expect(buttonsOf(card)).toEqual([
      {
        type: "Action.Execute",
        title: "End offer",
        verb: "offer_end_confirmed",
        data: { threadKey: THREAD, value: "12" },
        style: "destructive",
      },
    ]);
  });

  it("shows what the user typed literally: no bold, links or lists of theirs", () => {
    const text = textOf(render({ kind: "notice", tone: "info", text: `Saved ${HOSTILE}` }));
    expect(text).toContain("\\*\\*Free\\*\\* \\[click here\\](https://evil.example) \\_now\\_");
    expect(text).toContain("\n\n\\- 1. # listed");
    expect(text).not.toContain("[click here](");
  });
});

describe("question", () => {
  it("shows the notes, the question, the hint and a button per suggestion", () => {
    const card = render({
      kind: "question",
      field: "offerType",
      notes: ["Got it: 20% off."],
      text: "How will customers redeem it?",
      hint: "Promo codes work best for open loop.",
      actions: answers(3),
    });
    expect(textOf(card)).toBe(
      "Got it: 20% off.\nHow will customers redeem it?\n💡 Promo codes work best for open loop.",
    );
    const buttons = buttonsOf(card);
    expect(titlesOf(buttons)).toEqual(["Choice 1", "Choice 2", "Choice 3"]);
    expect(buttons.map((button) => decodeCardClick(clickOf(button))?.value)).toEqual([
      "choice 1",
      "choice 2",
      "choice 3",
    ]);
  });

  it("keeps six suggestions in view, the rest behind the … menu, and counts any past 24", () => {
    const card = render({
      kind: "question",
      field: "offerType",
      notes: [],
      text: "Pick one",
      actions: answers(30),
    });
    const buttons = buttonsOf(card);
    expect(buttons).toHaveLength(24);
    expect(buttons.filter((button) => button.mode === undefined)).toHaveLength(6);
    expect(buttons.slice(6).every((button) => button.mode === "secondary")).toBe(true);
    expect(textOf(card)).toContain("…and 6 more options");
  });

  it("cuts long labels, questions and notes, and counts notes past ten", () => {
    const card = render({
      kind: "question",
      field: "offerType",
      notes: Array.from({ length: 14 }, (_, i) => `Note ${i} ${long(5000)}`),
      text: long(10_000),
      hint: long(5000),
      actions: [{ id: "answer", label: long(200), value: "x" }],
    });
    expect(String(buttonsOf(card)[0]?.title)).toHaveLength(60);
    expect(textOf(card)).toMatch(/…and \d+ more notes/);
  });

  it("cuts the text at its end, visibly, when long suggestions leave it too little room", () => {
    const card = render({
      kind: "question",
      field: "merchantName",
      notes: Array.from({ length: 10 }, (_, i) => `Note ${i} ${long(500)}`),
      text: long(3000),
      hint: long(600),
      actions: Array.from({ length: 24 }, (_, i) => ({
        id: "answer",
        label: `Merchant ${i}`,
        value: long(900),
      })),
    });
    expect(buttonsOf(card)).toHaveLength(24);
    expect(textOf(card)).toMatch(/…and \d+ more lines/);
  });
});

describe("preview", () => {
  const render_ = (overrides: Parameters<typeof preview>[0] = {}, actions = previewActions) =>
    render({ kind: "preview", notes: [], preview: preview(overrides), actions });

  it("shows the title, summary and fields per section, and Publish / Edit / Submit for approval / Cancel", () => {
    const card = render_();
    expect(card.fallbackText).toBe("Preview: 20% off spring service");
    expect(textOf(card)).toContain(
      "20% off spring service\n20% off · Mar 1, 2026 – Apr 30, 2026\n**Offer**\nOffer type: Percentage off\nValue: 20% off\n**Redemption**\nPromo code: SPRING20",
    );
    const [publish, edit, submit, cancel] = card.actions ?? [];
    expect(publish).toEqual({
      type: "Action.Execute",
      title: "Publish",
      verb: "publish",
      data: { threadKey: THREAD, value: '{"v":3}' },
      style: "positive",
    });
    // Edit opens the form dialog, with the version the form is opened on.
    expect(edit).toEqual({
      type: "Action.Submit",
      title: "Edit",
      data: { msteams: { type: "task/fetch" }, verb: "edit", threadKey: THREAD, value: '{"v":3}' },
    });
    expect(decodeCardClick(clickOf(edit ?? {}))).toEqual({
      actionId: "edit",
      threadKey: THREAD,
      value: '{"v":3}',
      version: 3,
    });
    expect(submit).toMatchObject({ type: "Action.Execute", title: "Submit for approval", verb: "submit" });
    // Cancel throws the draft away: it asks first, the confirming button inside.
    expect(cancel).toMatchObject({ type: "Action.ShowCard", title: "Cancel" });
    expect(textOf(cancel)).toBe(
      "**Cancel this draft?** The offer will not be published and this draft closes.",
    );
    const [confirm] = actionsOf((cancel as { card: unknown }).card);
    expect(confirm).toMatchObject({
      type: "Action.Execute",
      verb: "cancel",
      title: "Cancel draft",
      style: "destructive",
    });
    expect(decodeCardClick(clickOf(confirm ?? {}))).toMatchObject({ actionId: "cancel", version: 3 });
  });

  it("shows only the actions it is given, and no Submit for approval with no approvals channel", () => {
    const blocked = render_(
      {},
      previewActions.filter((action) => action.id !== "publish"),
    );
    expect(titlesOf(blocked.actions ?? [])).toEqual(["Edit", "Submit for approval", "Cancel"]);
    const nowhere = render(
      { kind: "preview", notes: [], preview: preview(), actions: previewActions },
      { approvals: {} },
    );
    expect(titlesOf(nowhere.actions ?? [])).toEqual(["Publish", "Edit", "Cancel"]);
  });

  it("lists issues with their fixes, errors first, the budget impact, its assumption and a tip", () => {
    const card = render({
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
    const text = textOf(card);
    expect(text.startsWith("Changed the value to 20%.\n")).toBe(true);
    expect(text).toContain(
      "**1 to fix before publishing, 1 to check**\n❌ Over the 30% cap. _Fix:_ Lower it to 30%.\n⚠️ Short run. _Fix:_ Run it a month.",
    );
    expect(text).toContain(
      "💰 **Budget impact:** ⚠️ **over budget.** Up to $40,000 if 1,000 redemptions are used.\nAssumption: A $200 average order.\n💡 Similar offers convert best at 15–20%.",
    );
  });

  it("shows who it waits for by name and where the request went, a rejection and a publishing failure", () => {
    const pending = render(
      {
        kind: "preview",
        notes: [],
        preview: preview({ status: "pending_approval", approval: { submittedBy: "aad-42" } }),
        actions: [],
      },
      {
        approvals: { channel: "Offer approvals" },
        nameOf: (id) => (id === "aad-42" ? "Dana Reyes" : undefined),
      },
    );
    expect(textOf(pending)).toContain(
      "⏳ Waiting for approval · submitted by Dana Reyes · request posted in Offer approvals",
    );
    const rejected = render_(
      { approval: { submittedBy: "aad-42", rejectedReason: `Too generous ${HOSTILE}` } },
      [],
    );
    expect(textOf(rejected)).toContain("🚫 **Rejected:** Too generous \\*\\*Free\\*\\*");
    const failed = render_({ status: "failed", publishError: "The Kigo API timed out." }, []);
    expect(textOf(failed)).toContain("❌ **Publishing failed:** The Kigo API timed out. The draft is kept.");
  });

  it("escapes a hostile title and field values", () => {
    const card = render_({
      title: HOSTILE,
      sections: [{ title: "Offer", fields: [{ label: "Title", value: HOSTILE }] }],
    });
    expect(textOf(card)).not.toMatch(/(^|[^\\])\[click here\]\(/);
    expect(textOf(card)).toContain("Title: \\*\\*Free\\*\\* \\[click here\\]");
  });

  it("fits a 10,000-character description, 30 issues, 30 sections and long notes within the card's size", () => {
    const card = render({
      kind: "preview",
      notes: Array.from({ length: 14 }, () => long(5000)),
      actions: previewActions,
      preview: preview({
        title: long(400),
        summary: long(5000),
        sections: [
          { title: "Offer", fields: [{ label: "Description", value: long(10_000) }] },
          ...Array.from({ length: 30 }, (_, i) => ({
            title: `Section ${i}`,
            fields: Array.from({ length: 10 }, (_, j) => ({ label: `Field ${j}`, value: long(300) })),
          })),
        ],
        issues: Array.from({ length: 30 }, (_, i) => ({
          field: "draft" as const,
          severity: i % 2 === 0 ? ("error" as const) : ("warning" as const),
          message: `Problem ${i}: ${long(180)}`,
          fix: `Fix ${i}: ${long(120)}`,
          rule: `rule_${i}`,
        })),
        budgetImpact: { text: long(2000), assumption: long(2000), overBudget: false },
        recommendation: long(2000),
        status: "failed",
        publishError: long(5000),
        approval: { submittedBy: long(300), rejectedReason: long(5000) },
      }),
    });
    const text = textOf(card);
    expect(text).toMatch(/…and \d+ more notes/);
    expect(text).toMatch(/…and \d+ more sections/);
    expect(text).toMatch(/…and \d+ more issues/);
    expect(text).toContain("15 to fix before publishing, 15 to check");
    // Every part is cut to its share, so the status at the bottom is still there.
    expect(text).toContain("🚫 **Rejected:**");
    expect(text).toContain("The draft is kept.");
    expect(bytesOf(card)).toBeGreaterThan(20_000);
  });
});

describe("published", () => {
  it("confirms the offer id, what was created, the workarounds, and shows the offer", () => {
    const card = render({
      kind: "published",
      offerId: 901,
      title: "Spring *sale*",
      created: ["offer #901", "promo code SPRING20"],
      workarounds: ["Program type stored in classification (no programs endpoint)."],
    });
    expect(card.fallbackText).toBe('Published "Spring \\*sale\\*" as offer #901.');
    expect(textOf(card)).toBe(
      "✅ Published **Spring \\*sale\\*** as offer **#901**.\n**Created**\n• offer #901\n• promo code SPRING20\n⚠️ Program type stored in classification (no programs endpoint).",
    );
    expect(card.actions).toEqual([
      {
        type: "Action.Execute",
        title: "Show",
        verb: "offer_show",
        data: { threadKey: THREAD, value: "901" },
      },
    ]);
  });

  it("fits hundreds of created items", () => {
    const card = render({
      kind: "published",
      offerId: 1,
      title: "Big",
      created: Array.from({ length: 300 }, (_, i) => `promo code CODE${i} ${long(40)}`),
      workarounds: Array.from({ length: 15 }, (_, i) => `Workaround ${i}`),
    });
    expect(textOf(card)).toMatch(/…and \d+ more items/);
    expect(textOf(card)).toContain("…and 6 more workarounds");
  });
});

describe("offer list", () => {
  const paging: Action[] = [
    { id: "offers_page", label: "Previous", value: '{"verb":"list","offset":0}' },
    { id: "offers_page", label: "Next", value: '{"verb":"list","offset":20}' },
  ];
  const list = (count: number, titleLength = 20): Reply => ({
    kind: "offer_list",
    title: 'Offers (active, "spring")',
    offers: Array.from({ length: count }, (_, i) =>
      offer(i + 1, { title: `Offer ${i + 1} ${long(titleLength)}` }),
    ),
    total: count + 100,
    offset: 10,
    actions: paging,
  });

  it("gives each offer a row with its status, dates and a Show button, then Previous / Next that page", () => {
    const card = render(list(2));
    expect(card.fallbackText).toBe('Offers (active, "spring"): 102 found');
    const text = textOf(card);
    expect(text).toContain("102 found, showing 11–12");
    expect(text).toContain(
      "🟢 Active  **Offer 1 Lorem ipsum dolor si**  #1\nMar 1, 2026 – Apr 30, 2026 · merchant #7 · Percentage off · Promo code, Online link",
    );
    const shows = buttonsOf(card).filter((button) => button.verb === "offer_show");
    expect(shows.map((button) => decodeCardClick(clickOf(button))?.value)).toEqual(["1", "2"]);
    expect(titlesOf(card.actions ?? [])).toEqual(["Previous", "Next"]);
    expect(decodeCardClick(clickOf(card.actions?.[1] ?? {}))).toEqual({
      actionId: "offers_page",
      threadKey: THREAD,
      value: '{"verb":"list","offset":20}',
    });
  });

  it("keeps a long list within the card's size, counting the offers left out, with its paging", () => {
    const card = render(list(80, 150));
    expect(textOf(card)).toMatch(/…and \d+ more offers/);
    expect(titlesOf(card.actions ?? [])).toEqual(["Previous", "Next"]);
  });

  it("says so when nothing matches", () => {
    expect(textOf(render({ ...list(0), total: 0 } as Reply))).toContain("No offers match.");
  });
});

describe("offer detail", () => {
  it("shows the offer's facts, description and terms, and Pause / Analytics / Duplicate / End", () => {
    const value = "12";
    const card = render({
      kind: "offer_detail",
      offer: {
        ...offer(12, { title: "Spring service", merchantName: "Acme Tires" }),
        savings: "20%",
        promoCodes: ["SPRING20"],
        usageLimitPerCustomer: 1,
        totalUsageLimit: 1000,
        description: "Save on your spring tune-up.",
        terms: "One per customer.",
        link: "https://example.com/spring",
      },
      actions: [
        { id: "offer_pause", label: "Pause", value },
        { id: "offer_analytics", label: "Analytics", value },
        { id: "offer_duplicate", label: "Duplicate", value },
        { id: "offer_end", label: "End", value, style: "danger" },
      ],
    });
    const text = textOf(card);
    expect(text).toContain("Spring service\nStatus: 🟢 Active\nOffer: #12\nMerchant: Acme Tires");
    expect(text).toContain("Codes: SPRING20");
    expect(text).toContain("Link: https://example.com/spring");
    expect(text).toContain("**Description**\n\nSave on your spring tune-up.\n**Terms**\n\nOne per customer.");
    expect(
      card.actions?.map((action) => [action.type, action.title, "verb" in action && action.verb]),
    ).toEqual([
      ["Action.Execute", "Pause", "offer_pause"],
      ["Action.Execute", "Analytics", "offer_analytics"],
      ["Action.Execute", "Duplicate", "offer_duplicate"],
      ["Action.Execute", "End", "offer_end"],
    ]);
    expect(card.actions?.[3]).toMatchObject({ style: "destructive" });
  });
});

describe("analytics", () => {
  it("shows the numbers and the last two weeks as a sparkline", () => {
    const card = render({
      kind: "analytics",
      offerId: 12,
      title: "Spring service",
      startDate: "2026-03-01",
      endDate: "2026-03-31",
      totalRedemptions: 1234,
      uniqueUsers: 900,
      revenue: 5600,
      conversionRate: 0.042,
      byDay: [
        { date: "2026-03-01", redemptions: 2 },
        { date: "2026-03-03", redemptions: 8 },
        { date: "2026-03-04", redemptions: 4 },
      ],
    });
    expect(textOf(card)).toBe(
      [
        "📈 Spring service",
        "Offer #12 · Mar 1, 2026 – Mar 31, 2026",
        "Redemptions: 1,234",
        "Unique users: 900",
        "Revenue: $5,600",
        "Conversion: 4.2%",
        "**Redemptions per day**, Mar 1, 2026 – Mar 4, 2026",
        "▃▁█▅",
        "Peak 8 on Mar 3, 2026 · 14 in 4 days",
      ].join("\n"),
    );
  });

  it("says when nothing was redeemed yet", () => {
    const card = render({
      kind: "analytics",
      offerId: 12,
      title: "Spring",
      startDate: "2026-03-01",
      endDate: "2026-03-31",
      totalRedemptions: 0,
      uniqueUsers: 0,
      revenue: 0,
      conversionRate: null,
      byDay: [],
    });
    expect(textOf(card)).toContain("Conversion: n/a (no impressions recorded)");
    expect(textOf(card)).toContain("No redemptions recorded yet.");
  });
});

describe("drafts", () => {
  it("lists each draft with its own Resume, into that draft's conversation", () => {
    const card = render({
      kind: "drafts",
      drafts: [
        { threadKey: "teams:a", title: "Spring", status: "review", updatedAt: "2026-03-01T10:00:00Z" },
        { threadKey: "teams:b", title: "Summer", status: "collecting", updatedAt: "2026-03-02T10:00:00Z" },
      ],
      actions: [
        { id: "draft_resume", label: "Resume", value: "teams:a" },
        { id: "draft_resume", label: "Resume", value: "teams:b" },
      ],
    });
    expect(textOf(card)).toBe(
      "**Your open drafts**\n**Spring**\nReady to review · updated Mar 1, 2026\n**Summer**\nIn progress · updated Mar 2, 2026",
    );
    expect(buttonsOf(card).map((button) => decodeCardClick(clickOf(button))?.value)).toEqual([
      "teams:a",
      "teams:b",
    ]);
    expect(card.fallbackText).toBe("You have 2 open drafts.");
  });

  it("says when there are none", () => {
    expect(textOf(render({ kind: "drafts", drafts: [], actions: [] }))).toBe("You have no open drafts.");
  });
});
