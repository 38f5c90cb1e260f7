import { describe, expect, it } from "vitest";
import { codeTypeFor } from "../../../src/graph/validation/index.js";
import { CODE_TYPE_LETTER, codeTypeWrite } from "../../../src/kigo/schemas.js";
import { expectOne, issuesOf } from "./fixtures.js";

describe("code_type", () => {
  it("derives one letter from the redemption method and code mode", () => {
    expect(codeTypeFor({ redemptionMethod: "promo_code", promoCode: "DEALER20" })).toBe("P");
    expect(codeTypeFor({ redemptionMethod: "promo_code", codeMode: "unique" })).toBe("U");
    expect(codeTypeFor({ redemptionMethod: "promo_code", uniqueCodeCount: 100 })).toBe("U");
    expect(codeTypeFor({ redemptionMethod: "barcode" })).toBe("B");
    expect(codeTypeFor({ redemptionMethod: "show_save" })).toBe("S");
    expect(codeTypeFor({ redemptionMethod: "online_link" })).toBe("L");
    expect(codeTypeWrite.safeParse(codeTypeFor({ redemptionMethod: "promo_code" })).success).toBe(true);
  });

  it("raises nothing for a valid letter", async () => {
    expect(await issuesOf("code_type", {})).toEqual([]);
  });

  it("rejects a letter table entry that is not one character", async () => {
    const original = CODE_TYPE_LETTER.promo_code;
    CODE_TYPE_LETTER.promo_code = "PC";
    try {
      expectOne(await issuesOf("code_type", {}), {
        severity: "error",
        field: "redemptionMethod",
        mentions: ['"PC"', "single character"],
      });
    } finally {
      CODE_TYPE_LETTER.promo_code = original;
    }
  });
});
