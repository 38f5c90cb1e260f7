import { describe, expect, it } from "vitest";
import { plainTextOf } from "../../src/bot/slack/text.js";

describe("plainTextOf: Slack's markup out before the core reads a message", () => {
  it("unwraps links, labelled or not, and leaves other words alone", () => {
    expect(plainTextOf("online link <https://deere.com/deal|deere.com/deal>, 20% off")).toBe(
      "online link https://deere.com/deal, 20% off",
    );
    expect(plainTextOf("link <https://deere.com/deal>.")).toBe("link https://deere.com/deal.");
    expect(plainTextOf("20% off <3 and a|b")).toBe("20% off <3 and a|b");
  });

  it("reads a mentioned person as their user id", () => {
    expect(plainTextOf("roles grant <@U0NEW|new> editor")).toBe("roles grant U0NEW editor");
    expect(plainTextOf("ask <@U0BOSS>")).toBe("ask U0BOSS");
  });
});
