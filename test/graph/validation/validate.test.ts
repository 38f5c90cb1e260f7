import { describe, expect, it } from "vitest";
import { validateDraft } from "../../../src/graph/validation/index.js";
import { contextWith, seedDraft } from "./fixtures.js";

describe("validateDraft", () => {
  it("passes the seed's complete offer with the required terms", async () => {
    const isPromoCodeTaken = async (code: string) => code === "TAKEN1";
    expect(await validateDraft(seedDraft(), contextWith({ isPromoCodeTaken }))).toEqual([]);
  });

  it("lists errors before warnings", async () => {
    const issues = await validateDraft(
      { ...seedDraft(), offerValue: 60, maxDiscount: undefined, endDate: "2028-01-31" },
      contextWith(),
    );
    const severities = issues.map((issue) => issue.severity);
    expect(severities).toContain("error");
    expect(severities).toContain("warning");
    expect(severities).toEqual([...severities].sort());
  });
});
