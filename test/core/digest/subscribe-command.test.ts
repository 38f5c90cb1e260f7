import { describe, expect, it } from "vitest";
import { parseSubscribe } from "../../../src/core/digest/subscribe-command.js";

const ZONE = "America/Chicago";

describe("/offers digest subscribe", () => {
  it.each([
    ["weekly", { schedule: "weekly", cron: "0 9 * * 1", timeZone: ZONE }],
    [
      "#dealer-promos weekly on fridays at 4:30pm tz europe/london merchant:Heartland Ag",
      {
        channel: "#dealer-promos",
        schedule: "weekly",
        cron: "30 16 * * 5",
        timeZone: "Europe/London",
        merchant: "Heartland Ag",
      },
    ],
    [
      "<#C0123ABC|promos> daily at 07:15",
      { channel: "<#C0123ABC|promos>", schedule: "daily", cron: "15 7 * * *" },
    ],
    [
      "monthly program:John Deere Dealer Network",
      { cron: "0 9 1 * *", program: "John Deere Dealer Network" },
    ],
    [
      'cron "0 8 * * 1-5" tz America/New_York',
      { schedule: "cron", cron: "0 8 * * 1-5", timeZone: "America/New_York" },
    ],
  ])("reads %s", (words, request) => {
    const parsed = parseSubscribe(words, ZONE);
    expect(parsed.ok && parsed.request).toMatchObject(request);
  });

  it.each([
    ['cron "61 9 * * *"', '"61 9 * * *" isn\'t a schedule I can run: invalid value for minute: 61.'],
    ['cron "0 9 * *"', '"0 9 * *" needs five fields'],
    ["weekly tz Mars/Base", '"Mars/Base" isn\'t a time zone I know'],
    ["daily at 25:00", '"at 25:00" isn\'t a time of day'],
    ["#promos", "Say how often: daily, weekly, monthly"],
    ["daily on monday", '"on monday" goes with weekly'],
    ["fortnightly", 'I didn\'t understand "fortnightly"'],
  ])("refuses %s naming the part and the fix", (words, error) => {
    const parsed = parseSubscribe(words, ZONE);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error).toContain(error);
  });
});
