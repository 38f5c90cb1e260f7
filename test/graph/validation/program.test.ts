import { describe, expect, it } from "vitest";
import { CHANNELS } from "../../../src/graph/draft.js";
import { expectOne, issuesOf } from "./fixtures.js";

describe("program channel restrictions", () => {
  it("keeps closed-loop offers off the Marketplace, naming the channels", async () => {
    const issue = expectOne(
      await issuesOf("program_channels", {
        channels: ["hub_airdrop", "marketplace_promoted", "marketplace_organic"],
      }),
      {
        severity: "error",
        field: "channels",
        mentions: ["Closed-loop", "Marketplace (promoted)", "Marketplace (organic)"],
      },
    );
    expect(issue.fix).toContain("hub airdrops or activation links");
  });

  it("allows closed-loop offers in hub airdrops and activation links", async () => {
    expect(await issuesOf("program_channels", { channels: ["hub_airdrop", "activation_link"] })).toEqual([]);
  });

  it("allows every channel for open-loop and hybrid offers", async () => {
    for (const programType of ["open_loop", "hybrid"] as const) {
      expect(await issuesOf("program_channels", { programType, channels: [...CHANNELS] })).toEqual([]);
    }
  });
});
