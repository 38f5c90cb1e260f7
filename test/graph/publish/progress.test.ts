import { describe, expect, it } from "vitest";
import { emptyProgress, partialPublishSummary } from "../../../src/graph/publish/progress.js";

describe("partialPublishSummary", () => {
  it("is undefined without progress or before the offer exists", () => {
    expect(partialPublishSummary(undefined)).toBeUndefined();
    expect(partialPublishSummary(emptyProgress("d1"))).toBeUndefined();
  });

  it("names the inactive offer when the publish stopped before activate", () => {
    const progress = { ...emptyProgress("d1"), offerId: 123, completed: ["offer" as const] };
    expect(partialPublishSummary(progress)).toBe(
      "Offer 123 was created but not activated; it stays inactive.",
    );
  });

  it("is undefined once the offer was activated", () => {
    const progress = {
      ...emptyProgress("d1"),
      offerId: 123,
      completed: [
        "offer",
        "descriptives",
        "promoCodes",
        "redemptionControls",
        "campaign",
        "customerList",
        "activate",
      ] as const,
    };
    expect(partialPublishSummary({ ...progress, completed: [...progress.completed] })).toBeUndefined();
  });
});
