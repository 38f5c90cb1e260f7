import { describe, expect, it } from "vitest";
import {
  EXTERNAL_REFERENCE_MAX_LENGTH,
  formatExternalReference,
  isReferenceOf,
  parseExternalReference,
} from "../../../src/graph/publish/external-reference.js";

describe("external_reference format", () => {
  it("writes the key alone, or the key and the campaign", () => {
    expect(formatExternalReference({ draftKey: "C024/1733.0001/d1" })).toBe("kob:v1:C024%2F1733.0001%2Fd1");
    expect(formatExternalReference({ draftKey: "T1/d1", campaign: "Q4 Dealer Incentive" })).toBe(
      "kob:v1:T1%2Fd1;campaign=Q4%20Dealer%20Incentive",
    );
  });

  it.each([
    { draftKey: "thread-1/draft-1" },
    { draftKey: "thread-1/draft-1", campaign: "Q4 Dealer Incentive" },
    { draftKey: "a;b=c:d%e", campaign: "Spring; 20% off = great: 🚜" },
    { draftKey: "19:abc@thread.tacv2;messageid=1", campaign: "ñandú" },
  ])("round-trips $draftKey / $campaign", (reference) => {
    const formatted = formatExternalReference(reference);
    expect(formatted.length).toBeLessThanOrEqual(EXTERNAL_REFERENCE_MAX_LENGTH);
    expect(parseExternalReference(formatted)).toEqual(reference);
  });

  it("shortens a campaign that does not fit, never the key, by whole characters", () => {
    const draftKey = "k".repeat(100);
    const formatted = formatExternalReference({ draftKey, campaign: "🚜".repeat(200) });
    expect(formatted.length).toBeLessThanOrEqual(EXTERNAL_REFERENCE_MAX_LENGTH);
    const parsed = parseExternalReference(formatted);
    expect(parsed?.draftKey).toBe(draftKey);
    expect(parsed?.campaign).toMatch(/^(🚜)+$/u);
  });

  it("refuses an empty key or one that cannot fit", () => {
    expect(() => formatExternalReference({ draftKey: "" })).toThrow(RangeError);
    expect(() => formatExternalReference({ draftKey: "x".repeat(250) })).toThrow(RangeError);
  });

  it("ignores references it did not write and parameters it does not know", () => {
    expect(parseExternalReference("PROMO_1733000000")).toBeUndefined();
    expect(parseExternalReference(undefined)).toBeUndefined();
    expect(parseExternalReference("kob:v1:")).toBeUndefined();
    expect(parseExternalReference("kob:v1:%E0%A4%A")).toBeUndefined();
    expect(parseExternalReference("kob:v1:k1;owner=me;campaign=Fall")).toEqual({
      draftKey: "k1",
      campaign: "Fall",
    });
  });

  it("matches a draft on the key part, whatever campaign the reference carries", () => {
    const withCampaign = formatExternalReference({ draftKey: "t/d", campaign: "Fall" });
    expect(isReferenceOf(withCampaign, "t/d")).toBe(true);
    expect(isReferenceOf(formatExternalReference({ draftKey: "t/d" }), "t/d")).toBe(true);
    expect(isReferenceOf(withCampaign, "t/d2")).toBe(false);
    expect(isReferenceOf("PROMO_1", "t/d")).toBe(false);
  });
});
