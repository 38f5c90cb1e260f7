import type { types } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import { parseDraftForm } from "../../../src/core/draft-form.js";
import { FIELD_LABELS } from "../../../src/graph/describe.js";
import {
  decodeModalMetadata,
  editDraftModal,
  modalErrors,
  newOfferModal,
  readModalValues,
} from "../../../src/views/slack/index.js";
import { FULL_DRAFT, HOSTILE, long, THREAD, textOf } from "./fixtures.js";
import { assertWithinSlackLimits } from "./limits.js";

const inputsOf = (view: types.ModalView) =>
  view.blocks.filter((block): block is types.InputBlock => block.type === "input");

/** What Slack would submit if the user changed nothing (or what `changes` says). */
function submit(view: types.ModalView, changes: Record<string, unknown> = {}) {
  return Object.fromEntries(
    inputsOf(view).map((block) => {
      const element = block.element;
      const id = element.action_id ?? "";
      const state: Record<string, unknown> = { type: element.type };
      switch (element.type) {
        case "plain_text_input":
        case "number_input":
          state.value = element.initial_value ?? null;
          break;
        case "static_select":
          state.selected_option = element.initial_option ?? null;
          break;
        case "multi_static_select":
          state.selected_options = element.initial_options ?? [];
          break;
        case "datepicker":
          state.selected_date = element.initial_date ?? null;
          break;
      }
      const changed = block.block_id ? changes[block.block_id] : undefined;
      return [block.block_id, { [id]: changed === undefined ? state : { ...state, ...(changed as object) } }];
    }),
  );
}

describe("editDraftModal", () => {
  const view = editDraftModal({ threadKey: THREAD, version: 4, draft: FULL_DRAFT });

  it("is an edit_draft modal within Slack's limits that remembers its thread and version", () => {
    assertWithinSlackLimits(view, "modal");
    expect(view).toMatchObject({
      type: "modal",
      callback_id: "edit_draft",
      title: { text: "Edit offer" },
      submit: { text: "Save changes" },
      close: { text: "Cancel" },
    });
    expect(decodeModalMetadata(view.private_metadata ?? "")).toEqual({ threadKey: THREAD, version: 4 });
  });

  it("has an input per form field, named after the draft field and labelled like everywhere else", () => {
    const inputs = inputsOf(view);
    expect(inputs.map((block) => block.block_id).sort()).toEqual(Object.keys(FULL_DRAFT).sort());
    for (const block of inputs) {
      expect(block.element.action_id).toBe(block.block_id);
      expect(block.label.text).toBe(FIELD_LABELS[block.block_id as keyof typeof FIELD_LABELS]);
      expect(block.optional).toBe(true);
    }
  });

  it("uses the element each kind of value needs", () => {
    const kinds = Object.fromEntries(inputsOf(view).map((block) => [block.block_id, block.element.type]));
    expect(kinds).toMatchObject({
      offerTitle: "plain_text_input",
      offerDescription: "plain_text_input",
      termsConditions: "plain_text_input",
      exclusions: "plain_text_input",
      promoCode: "plain_text_input",
      codePattern: "plain_text_input",
      clickthruUrl: "plain_text_input",
      offerValue: "number_input",
      totalBudget: "number_input",
      maxDiscount: "number_input",
      usageLimitPerCustomer: "number_input",
      totalUsageLimit: "number_input",
      uniqueCodeCount: "number_input",
      offerType: "static_select",
      redemptionMethod: "static_select",
      programType: "static_select",
      codeMode: "static_select",
      locationScope: "static_select",
      channels: "multi_static_select",
      startDate: "datepicker",
      endDate: "datepicker",
    });
    const number = (field: string) =>
      inputsOf(view).find((block) => block.block_id === field)?.element as types.NumberInput;
    expect(number("offerValue").is_decimal_allowed).toBe(true);
    expect(number("uniqueCodeCount").is_decimal_allowed).toBe(false);
  });

  it("pre-fills every field from the draft", () => {
    const byField = Object.fromEntries(inputsOf(view).map((block) => [block.block_id, block.element]));
    expect(byField.offerTitle).toMatchObject({ initial_value: "20% off spring service", max_length: 200 });
    expect(byField.offerDescription).toMatchObject({
      multiline: true,
      initial_value: FULL_DRAFT.offerDescription,
    });
    expect(byField.targetAudience).toMatchObject({ initial_value: "lapsed customers, new movers" });
    expect(byField.locationIds).toMatchObject({ initial_value: "12, 34" });
    expect(byField.offerValue).toMatchObject({ initial_value: "20.5" });
    expect(byField.totalBudget).toMatchObject({ initial_value: "75000" });
    expect(byField.offerType).toMatchObject({
      initial_option: { text: { text: "Percentage off" }, value: "percentage_savings" },
    });
    expect(byField.lightning).toMatchObject({ initial_option: { text: { text: "No" }, value: "false" } });
    expect(byField.maxDiscountUnit).toMatchObject({ initial_option: { value: "%" } });
    expect(byField.channels).toMatchObject({
      initial_options: [
        { text: { text: "Hub airdrop" }, value: "hub_airdrop" },
        { text: { text: "Marketplace (promoted)" }, value: "marketplace_promoted" },
      ],
    });
    expect(byField.startDate).toMatchObject({ initial_date: "2026-03-01" });
  });

  it("round-trips through readModalValues and parseDraftForm to the same draft", () => {
    const values = readModalValues(submit(view));
    expect(parseDraftForm(values)).toEqual({ ok: true, patch: FULL_DRAFT });
  });

  it("reads the user's changes: dates, numbers, selects and multi-selects", () => {
    const values = readModalValues(
      submit(view, {
        startDate: { selected_date: "2026-05-01" },
        totalUsageLimit: { value: "2500" },
        offerType: {
          selected_option: { text: { type: "plain_text", text: "Cash back" }, value: "cashback" },
        },
        channels: { selected_options: [{ value: "activation_link" }] },
        lightning: { selected_option: { value: "true" } },
        promoCode: { value: "  summer25 " },
      }),
    );
    const parsed = parseDraftForm(values);
    expect(parsed).toEqual({
      ok: true,
      patch: {
        ...FULL_DRAFT,
        startDate: "2026-05-01",
        totalUsageLimit: 2500,
        offerType: "cashback",
        channels: ["activation_link"],
        lightning: true,
        promoCode: "SUMMER25",
      },
    });
  });

  it("leaves out text too long for a Slack input rather than saving a cut copy", () => {
    const terms = long(8000);
    const longView = editDraftModal({
      threadKey: THREAD,
      version: 4,
      draft: { ...FULL_DRAFT, termsConditions: terms },
    });
    assertWithinSlackLimits(longView, "modal");
    expect(inputsOf(longView).some((block) => block.block_id === "termsConditions")).toBe(false);
    expect(textOf(longView.blocks)).toContain("*Terms* is longer than a Slack form holds");
    const parsed = parseDraftForm(readModalValues(submit(longView)));
    expect(parsed.ok && "termsConditions" in parsed.patch).toBe(false);
  });

  it("shows each error under its input and the rest at the top, escaped", () => {
    const withErrors = editDraftModal({
      threadKey: THREAD,
      version: 4,
      draft: FULL_DRAFT,
      errors: { offerValue: "Value must be greater than 0", draft: `Conflicts with ${HOSTILE}` },
    });
    assertWithinSlackLimits(withErrors, "modal");
    const index = withErrors.blocks.findIndex((block) => block.block_id === "offerValue");
    expect(withErrors.blocks[index + 1]).toMatchObject({
      type: "context",
      elements: [{ text: "❌ Value must be greater than 0" }],
    });
    expect(withErrors.blocks[1]).toMatchObject({
      type: "section",
      text: { text: "❌ Conflicts with &lt;!channel&gt; &amp; &lt;@U123&gt; &lt;https://evil|click&gt;" },
    });
  });

  it("refuses metadata over Slack's 3000 characters", () => {
    expect(() => editDraftModal({ threadKey: "x".repeat(3000), version: 1, draft: {} })).toThrow(/3000/);
  });
});

describe("newOfferModal", () => {
  const view = newOfferModal({ threadKey: THREAD });

  it("is the same form, empty, under the new_offer callback", () => {
    assertWithinSlackLimits(view, "modal");
    expect(view).toMatchObject({
      callback_id: "new_offer",
      title: { text: "New offer" },
      submit: { text: "Continue" },
    });
    expect(decodeModalMetadata(view.private_metadata ?? "")).toEqual({ threadKey: THREAD });
    const edit = editDraftModal({ threadKey: THREAD, version: 1, draft: {} });
    expect(inputsOf(view)).toEqual(inputsOf(edit));
    expect(textOf(inputsOf(view))).not.toMatch(/initial_/);
  });

  it("submits nothing for untouched inputs", () => {
    expect(readModalValues(submit(view))).toEqual({});
  });
});

describe("readModalValues", () => {
  it("reads each element kind and skips empty, unknown and malformed ones", () => {
    expect(
      readModalValues({
        offerTitle: { offerTitle: { type: "plain_text_input", value: "Spring" } },
        offerValue: { offerValue: { type: "number_input", value: "20" } },
        offerType: { offerType: { type: "static_select", selected_option: { value: "bogo" } } },
        channels: { channels: { type: "multi_static_select", selected_options: [{ value: "hub_airdrop" }] } },
        endDate: { endDate: { type: "datepicker", selected_date: "2026-06-30" } },
        campaign: { campaign: { type: "plain_text_input", value: null } },
        programType: { programType: { type: "static_select", selected_option: null } },
        exclusions: { exclusions: { type: "plain_text_input", value: "" } },
        timeZone: { timeZone: { type: "checkboxes", selected_options: [{ value: "x" }] } },
        codeMode: { codeMode: { type: "static_select", selected_option: { value: 3 } } },
      }),
    ).toEqual({
      offerTitle: "Spring",
      offerValue: "20",
      offerType: "bogo",
      channels: ["hub_airdrop"],
      endDate: "2026-06-30",
    });
  });

  it("answers an empty map for a payload that is not Slack's shape", () => {
    expect(readModalValues(undefined)).toEqual({});
    expect(readModalValues("values")).toEqual({});
    expect(readModalValues({ block: "not an object" })).toEqual({});
  });
});

describe("modalErrors", () => {
  it("is the errors response keyed by block id, each message within 2000 characters", () => {
    const response = modalErrors({ offerValue: "Value must be greater than 0", terms: long(5000) });
    expect(response.response_action).toBe("errors");
    expect(response.errors.offerValue).toBe("Value must be greater than 0");
    expect(response.errors.terms).toHaveLength(2000);
  });
});

describe("decodeModalMetadata", () => {
  it("refuses what it did not write", () => {
    expect(decodeModalMetadata("")).toBeUndefined();
    expect(decodeModalMetadata("{}")).toBeUndefined();
    expect(decodeModalMetadata(JSON.stringify({ threadKey: THREAD, version: "4" }))).toBeUndefined();
  });
});
