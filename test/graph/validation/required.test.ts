import { describe, expect, it } from "vitest";
import type { OfferDraft } from "../../../src/graph/draft.js";
import { validateDraft } from "../../../src/graph/validation/index.js";
import { contextWith, issuesOf } from "./fixtures.js";

async function missingFields(draft: OfferDraft): Promise<string[]> {
  const issues = (await validateDraft(draft, contextWith())).filter((issue) => issue.rule === "required");
  for (const issue of issues) {
    expect(issue.severity).toBe("error");
    expect(issue.message).toMatch(/^The offer can't be published without /);
    expect(issue.fix).not.toBe("");
  }
  return issues.map((issue) => issue.field);
}

describe("required fields", () => {
  it("names every field an empty draft needs to publish", async () => {
    expect(await missingFields({})).toEqual([
      "programType",
      "merchantId",
      "offerType",
      "offerValue",
      "startDate",
      "endDate",
      "offerTitle",
      "redemptionMethod",
    ]);
  });

  it("needs one universal promo code, or a count and a pattern for unique codes", async () => {
    expect(await missingFields({ redemptionMethod: "promo_code" })).toContain("promoCode");
    const unique = await missingFields({ redemptionMethod: "promo_code", codeMode: "unique" });
    expect(unique).toEqual(expect.arrayContaining(["uniqueCodeCount", "codePattern"]));
    expect(unique).not.toContain("promoCode");
    expect(await missingFields({ redemptionMethod: "promo_code", uniqueCodeCount: 500 })).toContain(
      "codePattern",
    );
  });

  it("needs a link for online redemption and a minimum spend for spend-and-get", async () => {
    expect(await missingFields({ redemptionMethod: "online_link" })).toContain("clickthruUrl");
    expect(await missingFields({ offerType: "spend_and_get", offerValue: 20 })).toContain("minimumSpend");
  });

  it("needs the locations when the offer is limited to some", async () => {
    expect(await missingFields({ locationScope: "selected", locationIds: [] })).toContain("locationIds");
    expect(await missingFields({ locationScope: "all" })).not.toContain("locationIds");
  });

  it("takes a BOGO without a value as buy one, get one free", async () => {
    expect(await missingFields({ offerType: "bogo" })).not.toContain("offerValue");
  });

  it("raises nothing for the seed's complete offer", async () => {
    expect(await issuesOf("required", {})).toEqual([]);
    expect(await issuesOf("required", { redemptionMethod: "show_save", promoCode: undefined })).toEqual([]);
  });
});
