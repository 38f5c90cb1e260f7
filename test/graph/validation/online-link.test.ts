import { describe, expect, it } from "vitest";
import type { OfferDraft } from "../../../src/graph/draft.js";
import { expectOne, issuesOf } from "./fixtures.js";

const online = (clickthruUrl: string): OfferDraft => ({
  redemptionMethod: "online_link",
  promoCode: undefined,
  clickthruUrl,
});

describe("online redemption link", () => {
  it("rejects plain http and offers the https address", async () => {
    const issue = expectOne(await issuesOf("clickthru_url", online("http://deere.com/offers")), {
      severity: "error",
      field: "clickthruUrl",
      mentions: ["http://deere.com/offers"],
    });
    expect(issue.fix).toBe("Use https://deere.com/offers instead.");
  });

  it.each(["deere.com/offers", "https://localhost/x", "not a link"])("rejects %s", async (link) => {
    expectOne(await issuesOf("clickthru_url", online(link)), {
      severity: "error",
      field: "clickthruUrl",
      mentions: [link],
    });
  });

  it("accepts an https address", async () => {
    expect(await issuesOf("clickthru_url", online("https://www.deere.com/en/offers/"))).toEqual([]);
  });
});
