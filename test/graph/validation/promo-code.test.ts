import { describe, expect, it } from "vitest";
import { contextWith, expectOne, issuesOf } from "./fixtures.js";

const takenCodes = (...codes: string[]) =>
  contextWith({ isPromoCodeTaken: async (code) => codes.includes(code) });

describe("promo code format", () => {
  it.each([
    ["DLR", "shorter than 4", "Use 4–20 letters and digits, e.g. DEALER20."],
    ["DEALERINCENTIVE2026Q4", "longer than 20", "Use DEALERINCENTIVE2026Q instead."],
    ["DEALER-20!", '"-" or "!"', "Use DEALER20 instead."],
    ["DEALER 20", "a space", "Use DEALER20 instead."],
  ])("rejects %s", async (code, problem, fix) => {
    const issue = expectOne(await issuesOf("promo_code_format", { promoCode: code }), {
      severity: "error",
      field: "promoCode",
      mentions: [code, problem],
    });
    expect(issue.fix).toBe(fix);
  });

  it("accepts letters and digits in any case", async () => {
    expect(await issuesOf("promo_code_format", { promoCode: "dealer20" })).toEqual([]);
  });

  it("ignores the universal code when the offer uses unique codes", async () => {
    expect(
      await issuesOf("promo_code_format", {
        promoCode: "X",
        codeMode: "unique",
        codePattern: "DLR#####",
        uniqueCodeCount: 10,
      }),
    ).toEqual([]);
  });
});

describe("promo code uniqueness", () => {
  it("rejects a code another offer uses and suggests free alternatives", async () => {
    const issue = expectOne(await issuesOf("promo_code_unique", {}, takenCodes("DEALER20")), {
      severity: "error",
      field: "promoCode",
      mentions: ["DEALER20 is already used by another offer"],
    });
    expect(issue.fix).toBe("Use DEALER21 or DEALER20DEC instead.");
  });

  it("suggests only alternatives that are free too", async () => {
    const [issue] = await issuesOf("promo_code_unique", {}, takenCodes("DEALER20", "DEALER21"));
    expect(issue?.fix).toBe("Use DEALER20DEC or DEALER22 instead.");
  });

  it("accepts a free code, and skips the check without a lookup", async () => {
    expect(await issuesOf("promo_code_unique", {}, takenCodes("OTHER1"))).toEqual([]);
    expect(await issuesOf("promo_code_unique", {})).toEqual([]);
  });

  it("warns, without failing validation, when the lookup fails", async () => {
    const failing = contextWith({
      isPromoCodeTaken: async () => {
        throw new Error("Kigo API timed out");
      },
    });
    expectOne(await issuesOf("promo_code_unique", {}, failing), {
      severity: "warning",
      field: "promoCode",
      mentions: ["DEALER20", "Kigo API timed out"],
    });
  });
});
