import { describe, expect, it } from "vitest";
import type { DraftPatch } from "../../../src/graph/draft.js";
import { RuleExtractor } from "../../../src/graph/extractor/rules/index.js";
import type { ExtractContext } from "../../../src/graph/extractor/types.js";
import { context } from "./support.js";

/** Wednesday 2026-11-25, 10:00 in Chicago: Black Friday (Nov 27) is still ahead. */
const BEFORE_BLACK_FRIDAY = new Date("2026-11-25T16:00:00Z");
/** Monday 2026-11-30 (Cyber Monday), noon in Chicago: Black Friday 2026 is over. */
const CYBER_MONDAY = new Date("2026-11-30T18:00:00Z");

/** What the marketer sees: the dates read, and the notes telling how. */
async function read(message: string, overrides: Partial<ExtractContext> = {}) {
  const { patch, notes = [] } = await new RuleExtractor().extract(
    message,
    context({ now: BEFORE_BLACK_FRIDAY, ...overrides }),
  );
  return { patch, notes };
}

type Case = [string, DraftPatch, string[]?];

const expectEach = (cases: Case[], overrides: Partial<ExtractContext> = {}) =>
  it.each(cases)("%s", async (message, patch, notes = []) => {
    expect(await read(message, overrides)).toEqual({ patch, notes });
  });

const run = (startDate: string, endDate = startDate): DraftPatch => ({ startDate, endDate });

describe("dates: parts of a month", () => {
  expectEach([
    ["first two weeks of January", run("2027-01-01", "2027-01-14")],
    ["the first week of December", run("2026-12-01", "2026-12-07")],
    ["second week of December", run("2026-12-08", "2026-12-14")],
    ["last week of December", run("2026-12-25", "2026-12-31")],
    ["last two weeks of December", run("2026-12-18", "2026-12-31")],
    ["first half of December", run("2026-12-01", "2026-12-15")],
    ["second half of December", run("2026-12-16", "2026-12-31")],
    // February 2027 has 28 days: halves of 14.
    ["second half of February", run("2027-02-15", "2027-02-28")],
    ["from the 1st to the 15th of December", run("2026-12-01", "2026-12-15")],
    ["the 1st-15th of Jan", run("2027-01-01", "2027-01-15")],
    ["starting mid-December", { startDate: "2026-12-15" }, ["I took mid-December as Dec 15."]],
    ["mid-December through Jan 10", run("2026-12-15", "2027-01-10"), ["I took mid-December as Dec 15."]],
  ]);
});

describe("dates: short runs of days", () => {
  expectEach([
    ["today only", run("2026-11-25")],
    ["TODAY ONLY!", run("2026-11-25")],
    ["tomorrow only", run("2026-11-26")],
    ["this weekend", run("2026-11-28", "2026-11-29")],
    [
      "next weekend",
      run("2026-12-05", "2026-12-06"),
      ["I took next weekend as Dec 5 – Dec 6, 2026, the one after this weekend."],
    ],
    ["dec 1 thru dec 7", run("2026-12-01", "2026-12-07")],
    ["Dec 1 - Dec 7", run("2026-12-01", "2026-12-07")],
    ["12/1-12/7", run("2026-12-01", "2026-12-07")],
    ["12/28-1/3", run("2026-12-28", "2027-01-03")],
  ]);

  it("takes what is left of this weekend on a Sunday", async () => {
    const sunday = new Date("2026-11-29T18:00:00Z");
    expect(await read("this weekend", { now: sunday })).toEqual({ patch: run("2026-11-29"), notes: [] });
  });
});

describe("dates: durations count from the start", () => {
  expectEach([
    ["for 10 days starting Dec 3", run("2026-12-03", "2026-12-12")],
    ["starting Dec 3 for a month", run("2026-12-03", "2027-01-02")],
    ["10 days from Dec 3", run("2026-12-03", "2026-12-12")],
    ["2 weeks starting Monday", run("2026-11-30", "2026-12-13")],
    [
      "for 2 weeks",
      run("2026-11-25", "2026-12-08"),
      ["No start date was given, so I started it today: Nov 25 – Dec 8, 2026."],
    ],
    [
      "for two weeks",
      run("2026-11-25", "2026-12-08"),
      ["No start date was given, so I started it today: Nov 25 – Dec 8, 2026."],
    ],
    [
      "for a month",
      run("2026-11-25", "2026-12-24"),
      ["No start date was given, so I started it today: Nov 25 – Dec 24, 2026."],
    ],
    // A redemption window, not how long the offer runs.
    ["valid 30 days after purchase", {}],
  ]);

  it("counts from the draft's start date and changes only the end", async () => {
    const draft = { startDate: "2026-12-03" };
    expect(await read("for 2 weeks", { draft })).toEqual({ patch: { endDate: "2026-12-16" }, notes: [] });
    expect(await read("make it run for a month", { draft })).toEqual({
      patch: { endDate: "2027-01-02" },
      notes: [],
    });
  });

  it("ends a month-long run on the last day of a shorter month", async () => {
    expect(await read("starting Jan 31 for a month")).toEqual({
      patch: run("2027-01-31", "2027-02-28"),
      notes: [],
    });
  });
});

describe("dates: end of month is the start's month", () => {
  expectEach([
    [
      "next monday through end of month",
      run("2026-11-30", "2026-12-31"),
      [
        "Nov 30 to the end of November would run only 1 day, so I ended it at the end of December: Dec 31, 2026.",
      ],
    ],
    [
      "starting Dec 28 until end of month",
      run("2026-12-28", "2027-01-31"),
      [
        "Dec 28 to the end of December would run only 4 days, so I ended it at the end of January: Jan 31, 2027.",
      ],
    ],
    ["starting Dec 3 until the end of the month", run("2026-12-03", "2026-12-31")],
    // No start anywhere: the end of this month, as said.
    ["until the end of the month", { endDate: "2026-11-30" }],
  ]);

  it("uses the draft's start date", async () => {
    expect(await read("through end of month", { draft: { startDate: "2026-12-03" } })).toEqual({
      patch: { endDate: "2026-12-31" },
      notes: [],
    });
  });
});

describe("dates: named retail days, before Black Friday", () => {
  expectEach([
    ["Black Friday", run("2026-11-27")],
    ["black friday weekend", run("2026-11-27", "2026-11-29")],
    ["Cyber Monday", run("2026-11-30")],
    ["Black Friday through Cyber Monday", run("2026-11-27", "2026-11-30")],
    ["starting Black Friday through Dec 31", run("2026-11-27", "2026-12-31")],
    ["starting Black Friday", { startDate: "2026-11-27" }],
    ["until Cyber Monday", { endDate: "2026-11-30" }],
    ["Thanksgiving", run("2026-11-26")],
    ["Thanksgiving weekend", run("2026-11-26", "2026-11-29")],
    ["Christmas Eve", run("2026-12-24")],
    ["Christmas", run("2026-12-25")],
    ["from Dec 20 through Christmas", run("2026-12-20", "2026-12-25")],
    [
      "the holidays",
      run("2026-11-27", "2026-12-31"),
      ["I took the holiday season as Black Friday through New Year's Eve: Nov 27 – Dec 31, 2026."],
    ],
    [
      "holiday season",
      run("2026-11-27", "2026-12-31"),
      ["I took the holiday season as Black Friday through New Year's Eve: Nov 27 – Dec 31, 2026."],
    ],
    ["New Year's Eve", run("2026-12-31")],
    ["Black Friday 2027", run("2027-11-26")],
  ]);
});

describe("dates: named retail days already past this year move to next year, and say so while recent", () => {
  const passed = (name: string, was: string, used: string) =>
    `${name} 2026 (${was}) has passed, so I used ${name} 2027: ${used}.`;
  // Months after the day, next year's is what anyone means: no remark.
  expectEach([
    ["New Year's Day", run("2027-01-01")],
    ["MLK Day", run("2027-01-18")],
    ["Presidents' Day", run("2027-02-15")],
    ["Valentine's Day", run("2027-02-14")],
    ["St. Patrick's Day", run("2027-03-17")],
    ["Easter", run("2027-03-28")],
    ["Mother's Day", run("2027-05-09")],
    ["Memorial Day", run("2027-05-31")],
    ["Memorial Day weekend", run("2027-05-29", "2027-05-31")],
    ["Father's Day", run("2027-06-20")],
    ["Independence Day", run("2027-07-04")],
    ["July 4th", run("2027-07-04")],
    ["4th of July", run("2027-07-04")],
    ["from Feb 7 through Valentine's Day", run("2027-02-07", "2027-02-14")],
    [
      "new years week",
      run("2026-12-26", "2027-01-01"),
      ["I took New Year's week as Dec 26, 2026 – Jan 1, 2027."],
    ],
  ]);
  expectEach([
    ["Labor Day", run("2027-09-06"), [passed("Labor Day", "Sep 7", "Sep 6, 2027")]],
    [
      "Labor Day weekend",
      run("2027-09-04", "2027-09-06"),
      [passed("Labor Day weekend", "Sep 5 – Sep 7", "Sep 4 – Sep 6, 2027")],
    ],
    ["Halloween", run("2027-10-31"), [passed("Halloween", "Oct 31", "Oct 31, 2027")]],
  ]);
  // A range of days is still "July 4-10", not Independence Day.
  expectEach([["July 4-10", run("2027-07-04", "2027-07-10")]]);
});

describe("dates: on Cyber Monday 2026", () => {
  const blackFridayPassed =
    "Black Friday 2026 (Nov 27) has passed, so I used Black Friday 2027: Nov 26, 2027.";
  expectEach(
    [
      ["Black Friday", run("2027-11-26"), [blackFridayPassed]],
      // Cyber Monday 2026 is today, but the run cannot end before it starts.
      ["Black Friday through Cyber Monday", run("2027-11-26", "2027-11-29"), [blackFridayPassed]],
      ["Black Friday through Dec 31", run("2027-11-26", "2027-12-31"), [blackFridayPassed]],
      ["Cyber Monday", run("2026-11-30")],
    ],
    { now: CYBER_MONDAY },
  );

  it("starts a run that is under way today", async () => {
    const saturday = new Date("2026-11-28T18:00:00Z");
    expect(await read("Black Friday weekend", { now: saturday })).toEqual({
      patch: run("2026-11-28", "2026-11-29"),
      notes: ["Black Friday weekend 2026 is under way, so I started it today: Nov 28 – Nov 29, 2026."],
    });
    const december = new Date("2026-12-10T18:00:00Z");
    expect(await read("over the holidays", { now: december })).toEqual({
      patch: run("2026-12-10", "2026-12-31"),
      notes: ["I took the holiday season as today through New Year's Eve: Dec 10 – Dec 31, 2026."],
    });
  });
});

describe("dates: what already worked stays as it was", () => {
  expectEach([
    ["in December", run("2026-12-01", "2026-12-31")],
    ["Dec 1-31", run("2026-12-01", "2026-12-31")],
    ["starting Jan 5", { startDate: "2027-01-05" }],
    ["until Feb 10", { endDate: "2027-02-10" }],
    ["end of Q1", { endDate: "2027-03-31" }],
    ["in Q1", run("2027-01-01", "2027-03-31")],
    ["from Dec 20 to Jan 5", run("2026-12-20", "2027-01-05")],
    ["Dec 1-31, 1000 total", { ...run("2026-12-01", "2026-12-31"), totalUsageLimit: 1000 }],
    ["Dec 1-31, 2000 total", { ...run("2026-12-01", "2026-12-31"), totalUsageLimit: 2000 }],
    ["Dec 15", {}],
    ["happy holidays", {}],
    ["all weekend", {}],
  ]);
});

describe("dates typed out say which days of a named stretch are meant", () => {
  expectEach([
    ["for the holidays, dec 20 - jan 2", run("2026-12-20", "2027-01-02")],
    ["in December, Dec 1-15", run("2026-12-01", "2026-12-15")],
    ["black friday thru cyber monday", run("2026-11-27", "2026-11-30")],
    // A field only the name gives is still taken from it.
    ["for the holidays, starting dec 20", run("2026-12-20", "2026-12-31")],
    ["black friday through cyber monday, ending dec 2", run("2026-11-27", "2026-12-02")],
    ["in december, ends dec 24", run("2026-12-01", "2026-12-24")],
  ]);
});

describe("dates: Valentine's week", () => {
  expectEach([
    [
      "valentines week",
      run("2027-02-08", "2027-02-14"),
      ["I took Valentine's week as Monday to Sunday: Feb 8 – Feb 14, 2027."],
    ],
    ["valentine's day", run("2027-02-14", "2027-02-14")],
  ]);
  // Two typed readings that disagree are still not guessed between.
  expectEach([["Dec 1-7 or Dec 8-14", {}]]);
});

describe("dates that do not exist are left out and named", () => {
  expectEach([
    ["2026-13-45", {}, ['There is no 13th month in "2026-13-45", so I left that date out.']],
    [
      "starting 2026-25-12",
      {},
      ['There is no 25th month in "2026-25-12", so I left that date out — did you mean Dec 25, 2026?'],
    ],
    ["Feb 30", {}, ['February has no 30th, so I left "Feb 30" out.']],
    // The coming February, 2027, is not a leap year.
    ["Feb 29", {}, ['February 2027 has no 29th, so I left "Feb 29" out.']],
    ["Dec 32", {}, ['December has no 32nd, so I left "Dec 32" out.']],
    ["11/31", {}, ['November has no 31st, so I left "11/31" out.']],
    [
      "25/12",
      {},
      ['There is no 25th month in "25/12", so I left that date out — did you mean Dec 25, 2026?'],
    ],
    [
      "starting Feb 30 until Mar 15",
      { endDate: "2027-03-15" },
      ['February has no 30th, so I left "Feb 30" out.'],
    ],
  ]);
});

describe("dates as bare answers", () => {
  expectEach(
    [
      ["Black Friday", run("2026-11-27")],
      ["this weekend", run("2026-11-28", "2026-11-29")],
      ["mid-December", { startDate: "2026-12-15" }, ["I took mid-December as Dec 15."]],
      ["Feb 30", {}, ['February has no 30th, so I left "Feb 30" out.']],
    ],
    { expecting: "startDate" },
  );
  expectEach(
    [
      ["Black Friday", { endDate: "2026-11-27" }],
      ["Christmas Eve", { endDate: "2026-12-24" }],
    ],
    { expecting: "endDate" },
  );
  expectEach(
    [
      [
        "end of month",
        { endDate: "2026-12-31" },
        [
          "Nov 30 to the end of November would run only 1 day, so I ended it at the end of December: Dec 31, 2026.",
        ],
      ],
    ],
    { expecting: "endDate", draft: { startDate: "2026-11-30" } },
  );
});
