import { describe, expect, it } from "vitest";
import { parseDraftForm } from "../../../src/core/draft-form.js";
import { FIELD_LABELS } from "../../../src/graph/describe.js";
import {
  type AdaptiveCard,
  decodeCardClick,
  decodeFormMeta,
  formCard,
  newOfferPromptCard,
  readFormValues,
} from "../../../src/views/teams/index.js";
import { FULL_DRAFT, long } from "../slack/fixtures.js";
import { assertValidCard, bytesOf, clickOf, HOSTILE, THREAD, textOf } from "./cards.js";

type Input = { type: string; id: string; label: string; value?: unknown } & Record<string, unknown>;

const inputsOf = (card: AdaptiveCard) =>
  card.body.filter((element) => element.type.startsWith("Input.")) as Input[];
const byField = (card: AdaptiveCard) => Object.fromEntries(inputsOf(card).map((input) => [input.id, input]));

/** What Teams sends on Save: the Submit's data with every input's value as a string (or what `changes` says). */
function submit(card: AdaptiveCard, changes: Record<string, string> = {}): Record<string, unknown> {
  const values = Object.fromEntries(
    inputsOf(card).map((input) => [input.id, input.value === undefined ? "" : String(input.value)]),
  );
  const [save] = card.actions ?? [];
  return { ...(save && "data" in save ? save.data : {}), ...values, ...changes };
}

describe("the edit form", () => {
  const card = assertValidCard(formCard({ form: "edit", threadKey: THREAD, version: 4, draft: FULL_DRAFT }));

  it("says how it works and saves with one button that carries the form, its thread and version", () => {
    expect(textOf(card)).toMatch(
      /^Change what you need and save\. Clearing a field keeps its current value\./,
    );
    expect(card.actions).toHaveLength(1);
    expect(card.actions?.[0]).toMatchObject({ type: "Action.Submit", title: "Save changes" });
    expect(decodeFormMeta(submit(card))).toEqual({ form: "edit", threadKey: THREAD, version: 4 });
  });

  it("has an input per form field, named after the draft field and labelled like everywhere else", () => {
    const inputs = inputsOf(card);
    expect(inputs.map((input) => input.id).sort()).toEqual(Object.keys(FULL_DRAFT).sort());
    for (const input of inputs) expect(input.label).toBe(FIELD_LABELS[input.id as keyof typeof FIELD_LABELS]);
  });

  it("pre-fills every field from the draft, each with the input its value needs", () => {
    const fields = byField(card);
    expect(fields.offerTitle).toMatchObject({
      type: "Input.Text",
      value: "20% off spring service",
      maxLength: 200,
    });
    expect(fields.offerDescription).toMatchObject({ isMultiline: true, value: FULL_DRAFT.offerDescription });
    expect(fields.targetAudience).toMatchObject({
      type: "Input.Text",
      value: "lapsed customers, new movers",
    });
    expect(fields.locationIds).toMatchObject({ value: "12, 34" });
    expect(fields.offerValue).toMatchObject({ type: "Input.Number", value: 20.5, min: 0 });
    expect(fields.offerType).toMatchObject({
      type: "Input.ChoiceSet",
      style: "compact",
      value: "percentage_savings",
    });
    expect(fields.offerType?.choices).toContainEqual({
      title: "Percentage off",
      value: "percentage_savings",
    });
    expect(fields.lightning).toMatchObject({ value: "false" });
    expect(fields.channels).toMatchObject({ isMultiSelect: true, value: "hub_airdrop,marketplace_promoted" });
    expect(fields.startDate).toMatchObject({ type: "Input.Date", value: "2026-03-01" });
    expect(fields.clickthruUrl).toMatchObject({ placeholder: "https://…" });
  });

  it("shows an input's hint under it", () => {
    const at = card.body.findIndex(
      (element) => element.type === "Input.Text" && element.id === "targetAudience",
    );
    expect(textOf(card.body[at + 1])).toBe("Separate several audiences with commas.");
  });

  it("round-trips through readFormValues and parseDraftForm to the same draft", () => {
    expect(parseDraftForm(readFormValues(submit(card)))).toEqual({ ok: true, patch: FULL_DRAFT });
  });

  it("reads the user's changes: dates, numbers, selects and multi-selects; a cleared field is left as it is", () => {
    const values = readFormValues(
      submit(card, {
        startDate: "2026-05-01",
        totalUsageLimit: "2500",
        offerType: "cashback",
        channels: "activation_link,hub_airdrop",
        lightning: "true",
        promoCode: "  summer25 ",
        campaign: "",
      }),
    );
    expect(values).not.toHaveProperty("campaign");
    expect(values.channels).toEqual(["activation_link", "hub_airdrop"]);
    const { campaign: _, ...rest } = FULL_DRAFT;
    expect(parseDraftForm(values)).toEqual({
      ok: true,
      patch: {
        ...rest,
        startDate: "2026-05-01",
        totalUsageLimit: 2500,
        offerType: "cashback",
        channels: ["activation_link", "hub_airdrop"],
        lightning: true,
        promoCode: "SUMMER25",
      },
    });
  });

  it("re-shows what was typed with each error under its input and the rest on top, escaped", () => {
    const again = assertValidCard(
      formCard({
        form: "edit",
        threadKey: THREAD,
        version: 4,
        draft: FULL_DRAFT,
        submitted: { offerValue: "-5", campaign: "Summer push", channels: ["activation_link"] },
        errors: { offerValue: "Value can't be negative.", draft: `Conflicts with ${HOSTILE}` },
      }),
    );
    const fields = byField(again);
    expect(fields.offerValue?.value).toBe(-5);
    expect(fields.campaign?.value).toBe("Summer push");
    expect(fields.channels?.value).toBe("activation_link");
    const at = again.body.findIndex(
      (element) => element.type === "Input.Number" && element.id === "offerValue",
    );
    expect(again.body.slice(at + 1, at + 3).map(textOf)).toContain("❌ Value can't be negative.");
    expect(again.body[at + 2]).toMatchObject({ color: "attention" });
    expect(textOf(again.body[1])).toBe(
      "❌ Conflicts with \\*\\*Free\\*\\* \\[click here\\](https://evil.example) \\_now\\_\n\n\\- 1. # listed",
    );
  });

  it("fits the longest draft the offer takes", () => {
    const longest = assertValidCard(
      formCard({
        form: "edit",
        threadKey: THREAD,
        version: 9,
        draft: {
          ...FULL_DRAFT,
          businessObjective: long(500),
          offerDescription: long(4000),
          termsConditions: long(8000),
          exclusions: long(2000),
          targetAudience: Array.from({ length: 20 }, () => long(100)),
        },
      }),
    );
    expect(byField(longest).termsConditions?.value).toHaveLength(8000);
    expect(bytesOf(longest)).toBeGreaterThan(18_000);
  });
});

describe("the new-offer form", () => {
  it("is empty, says what happens next, and continues into its conversation", () => {
    const card = assertValidCard(formCard({ form: "new_offer", threadKey: THREAD, draft: {} }));
    expect(textOf(card)).toMatch(/^Fill in what you know; I will ask for anything missing in our chat\./);
    expect(inputsOf(card).every((input) => input.value === undefined)).toBe(true);
    expect(card.actions?.[0]).toMatchObject({ title: "Continue" });
    expect(decodeFormMeta(submit(card))).toEqual({ form: "new_offer", threadKey: THREAD });
    expect(readFormValues(submit(card))).toEqual({});
  });

  it("is opened by a button, since a typed command cannot open a dialog in Teams", () => {
    const card = assertValidCard(newOfferPromptCard(THREAD));
    const [open] = card.actions ?? [];
    expect(open).toMatchObject({ type: "Action.Submit", title: "New offer" });
    expect(decodeCardClick(clickOf(open ?? {}))).toEqual({
      actionId: "new_offer",
      threadKey: THREAD,
      value: "",
    });
  });
});

describe("a submitted form's data", () => {
  it("reads only the form's inputs: not its own data, Teams' or anything forged", () => {
    expect(
      readFormValues({
        kigoForm: { form: "edit", threadKey: THREAD, version: 1 },
        msteams: { type: "task/submit" },
        offerTitle: "Spring",
        merchantId: "99",
        offerValue: 12,
        promoCode: { nested: true },
      }),
    ).toEqual({ offerTitle: "Spring", offerValue: "12" });
    expect(readFormValues(null)).toEqual({});
    expect(readFormValues("offerTitle=Spring")).toEqual({});
  });

  it.each([
    ["no form data", { offerTitle: "Spring" }],
    ["an unknown form", { kigoForm: { form: "delete_all", threadKey: THREAD } }],
    ["a version that is not a whole number", { kigoForm: { form: "edit", threadKey: THREAD, version: "4" } }],
    ["a negative version", { kigoForm: { form: "edit", threadKey: THREAD, version: -1 } }],
    ["no thread", { kigoForm: { form: "edit", version: 4 } }],
  ])("refuses %s", (_, data) => {
    expect(decodeFormMeta(data)).toBeUndefined();
  });
});
