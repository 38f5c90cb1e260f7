import { describe, expect, it } from "vitest";
import { FORM, PREVIEW_SECTIONS } from "../../src/core/form.js";

describe("one field list for the preview and the form", () => {
  it("shows a field the form and the preview share in the same group and order", () => {
    const formGroup = new Map(
      FORM.flatMap((group, index) => group.inputs.map((input) => [input.field, index])),
    );
    const shared = PREVIEW_SECTIONS.flatMap((section, index) =>
      section.fields.filter((field) => formGroup.has(field)).map((field) => [field, index] as const),
    );
    expect(shared.length).toBeGreaterThan(20);
    expect(shared.map(([field]) => [field, formGroup.get(field)])).toEqual(shared);
    const previewFields = new Set(shared.map(([field]) => field));
    const formOrder = FORM.flatMap((group) => group.inputs.map((input) => input.field));
    expect(formOrder.filter((field) => previewFields.has(field))).toEqual(shared.map(([field]) => field));
  });

  it("asks each field once, and leaves the merchant and the customer list to access and upload", () => {
    const fields = FORM.flatMap((group) => group.inputs.map((input) => input.field));
    expect(new Set(fields).size).toBe(fields.length);
    expect(fields).not.toContain("merchantName");
    expect(fields).not.toContain("customerList");
  });
});
