import { describe, expect, it } from "vitest";
import type { DraftPatch } from "../../../src/graph/draft.js";
import { extractWithRules, RuleExtractor } from "../../../src/graph/extractor/rules/index.js";
import { SEED_MESSAGE } from "../../support/seed.js";
import { context } from "./support.js";

const SEED = SEED_MESSAGE;

describe("rule-based extractor: whole messages", () => {
  it("reads everything the seed's example states, and nothing more", () => {
    expect(extractWithRules(SEED, context())).toEqual({
      offerType: "percentage_savings",
      offerValue: 20,
      itemName: "all equipment",
      programType: "closed_loop",
      targetAudience: ["dealers"],
      startDate: "2026-12-01",
      endDate: "2026-12-31",
      promoCode: "DEALER20",
      redemptionMethod: "promo_code",
      usageLimitPerCustomer: 3,
      totalUsageLimit: 1000,
      totalBudget: 50000,
    });
  });

  const cases: [string, DraftPatch][] = [
    [
      "We want to increase Q4 sales by 20% with $10 off for dealers and fleet, Dec 1-31",
      {
        businessObjective: "Increase Q4 sales by 20%",
        offerType: "dollars_off",
        offerValue: 10,
        programType: "closed_loop",
        targetAudience: ["dealers", "fleet"],
        startDate: "2026-12-01",
        endDate: "2026-12-31",
      },
    ],
    [
      "Open loop BOGO free for Yardi residents from Jan 5 to Feb 10, show & save, 2 per customer",
      {
        programType: "open_loop",
        targetAudience: ["residents"],
        offerType: "bogo",
        offerValue: 100,
        startDate: "2027-01-05",
        endDate: "2027-02-10",
        redemptionMethod: "show_save",
        usageLimitPerCustomer: 2,
      },
    ],
    [
      "buy one get one 50% off for tenants, barcode scan at checkout",
      {
        offerType: "bogo",
        offerValue: 50,
        programType: "open_loop",
        targetAudience: ["tenants"],
        redemptionMethod: "barcode",
      },
    ],
    [
      "5% cashback on catalog merchants",
      {
        offerType: "cashback",
        offerValue: 5,
        valueUnit: "%",
        itemName: "catalog merchants",
        programType: "open_loop",
      },
    ],
    [
      "$5 cash back, hybrid program",
      { offerType: "cashback", offerValue: 5, valueUnit: "$", programType: "hybrid" },
    ],
    [
      "500 bonus points for every fleet purchase",
      { offerType: "loyalty_points", offerValue: 500, valueUnit: "points", targetAudience: ["fleet"] },
    ],
    ["2x points all weekend", { offerType: "loyalty_points", offerValue: 2, valueUnit: "x" }],
    [
      "spend $100 get $20, max 500 redemptions",
      { offerType: "spend_and_get", minimumSpend: 100, offerValue: 20, totalUsageLimit: 500 },
    ],
    ["$20 off orders over $150", { offerType: "dollars_off", minimumSpend: 150, offerValue: 20 }],
    [
      "Lightning deal: 30 percent off, max discount $25, through end of Q1",
      {
        lightning: true,
        offerType: "percentage_savings",
        offerValue: 30,
        maxDiscount: 25,
        maxDiscountUnit: "$",
        // Kigo holds no cap per purchase: the terms say it for the merchant to apply.
        termsAddition: "Maximum discount of $25 per purchase.",
        endDate: "2027-03-31",
      },
    ],
    ["flash sale, cap at 40%", { lightning: true, maxDiscount: 40, maxDiscountUnit: "%" }],
    [
      "20% off, up to $100 off",
      {
        offerType: "percentage_savings",
        offerValue: 20,
        maxDiscount: 100,
        maxDiscountUnit: "$",
        termsAddition: "Maximum discount of $100 per purchase.",
      },
    ],
    ["not a flash sale", { lightning: false }],
    ["50k budget, starting Monday", { totalBudget: 50000, startDate: "2026-11-30" }],
    ["budget: 50,000 dollars", { totalBudget: 50000 }],
    ["with a total budget of $75,000.", { totalBudget: 75000 }],
    ["run it next month", { startDate: "2026-12-01", endDate: "2026-12-31" }],
    ["starting next month, until the end of Q1", { startDate: "2026-12-01", endDate: "2027-03-31" }],
    ["December 1 to 31", { startDate: "2026-12-01", endDate: "2026-12-31" }],
    ["Dec 1st through the 15th", { startDate: "2026-12-01", endDate: "2026-12-15" }],
    ["in March", { startDate: "2027-03-01", endDate: "2027-03-31" }],
    // The month under way runs from today.
    ["in November", { startDate: "2026-11-25", endDate: "2026-11-30" }],
    ["it ends Jan 15", { endDate: "2027-01-15" }],
    [
      "promo code FALL25, one code for everyone, limit 3 per person",
      {
        promoCode: "FALL25",
        redemptionMethod: "promo_code",
        codeMode: "universal",
        usageLimitPerCustomer: 3,
      },
    ],
    [
      "500 unique codes with pattern JD####, 1,000 uses in total",
      { codeMode: "unique", uniqueCodeCount: 500, codePattern: "JD####", totalUsageLimit: 1000 },
    ],
    ['the code is "savebig"', { promoCode: "SAVEBIG", redemptionMethod: "promo_code" }],
    ["promo code redemption", { redemptionMethod: "promo_code" }],
    [
      "redeem online at https://shop.example.com/fall?utm=q4.",
      { redemptionMethod: "online_link", clickthruUrl: "https://shop.example.com/fall?utm=q4" },
    ],
    [
      "the link is <https://deere.example.com/deal|deal page>",
      {
        redemptionMethod: "online_link",
        clickthruUrl: "https://deere.example.com/deal",
      },
    ],
    [
      "code FALL25, shop at https://shop.example.com",
      { promoCode: "FALL25", redemptionMethod: "promo_code", clickthruUrl: "https://shop.example.com" },
    ],
    [
      "hub airdrop and activation links, also promoted in the marketplace",
      { channels: ["hub_airdrop", "marketplace_promoted", "activation_link"] },
    ],
    ["marketplace organic and promoted", { channels: ["marketplace_promoted", "marketplace_organic"] }],
    [
      "all four channels",
      { channels: ["hub_airdrop", "marketplace_promoted", "marketplace_organic", "activation_link"] },
    ],
    [
      'title "Q4 Dealer Incentive", description: 20% off all equipment purchases',
      { offerTitle: "Q4 Dealer Incentive", offerDescription: "20% off all equipment purchases" },
    ],
    [
      "terms: Valid for authorized dealers only; exclusions: parts and service",
      { termsConditions: "Valid for authorized dealers only", exclusions: "parts and service" },
    ],
    [
      "20% off everything excluding sale items",
      {
        offerType: "percentage_savings",
        offerValue: 20,
        itemName: "everything",
        exclusions: "sale items",
      },
    ],
    ["goal: grow repeat visits", { businessObjective: "Grow repeat visits" }],
    ["all dates in Central time", { timeZone: "America/Chicago" }],
    ["schedule it in America/Denver", { timeZone: "America/Denver" }],
    ["starts at midnight PST", { timeZone: "America/Los_Angeles" }],
    ["all locations", { locationScope: "all" }],
    ["only at locations 12, 14 and 15", { locationScope: "selected", locationIds: [12, 14, 15] }],
  ];

  it.each(cases)("%s", (message, expected) => {
    expect(extractWithRules(message, context())).toEqual(expected);
  });

  it("takes the calendar day in the user's time zone, not UTC", () => {
    // 21:30 on Monday Nov 30 in Los Angeles is already Tuesday Dec 1 in UTC.
    const lateEvening = context({ now: new Date("2026-12-01T05:30:00Z"), timeZone: "America/Los_Angeles" });
    // Tomorrow is already December there, so "the end of the month" is the end of December.
    expect(extractWithRules("starting tomorrow, until the end of the month", lateEvening)).toEqual({
      startDate: "2026-12-01",
      endDate: "2026-12-31",
    });
    expect(extractWithRules("this month", lateEvening)).toEqual({
      startDate: "2026-11-30",
      endDate: "2026-11-30",
    });
  });

  it("reads a bare month as the coming one", () => {
    const january = context({ now: new Date("2027-01-20T18:00:00Z") });
    expect(extractWithRules("in December", january)).toEqual({
      startDate: "2027-12-01",
      endDate: "2027-12-31",
    });
    expect(extractWithRules("through end of Q1", january)).toEqual({ endDate: "2027-03-31" });
    expect(extractWithRules("through end of Q4", january)).toEqual({ endDate: "2027-12-31" });
  });
});

describe("rule-based extractor: every Kigo offer type, with what it is on", () => {
  const cases: [string, DraftPatch][] = [
    ["25% off all equipment", { offerType: "percentage_savings", offerValue: 25, itemName: "all equipment" }],
    ["$10 off $50", { offerType: "dollars_off", offerValue: 10, minimumSpend: 50 }],
    ["$10 off orders over $50", { offerType: "dollars_off", offerValue: 10, minimumSpend: 50 }],
    ["spend $100 get $20", { offerType: "spend_and_get", minimumSpend: 100, offerValue: 20 }],
    ["BOGO 50% off entrées", { offerType: "bogo", offerValue: 50, itemName: "entrées" }],
    ["buy one latte get one free", { offerType: "bogo", offerValue: 100, itemName: "latte" }],
    ["10% cash back", { offerType: "cashback", offerValue: 10, valueUnit: "%" }],
    ["$5 cashback", { offerType: "cashback", offerValue: 5, valueUnit: "$" }],
    ["triple points", { offerType: "loyalty_points", offerValue: 3, valueUnit: "x" }],
    ["2x points on fuel", { offerType: "loyalty_points", offerValue: 2, valueUnit: "x", itemName: "fuel" }],
    ["500 bonus points", { offerType: "loyalty_points", offerValue: 500, valueUnit: "points" }],
    [
      "free coffee with any pastry",
      { offerType: "free_with_purchase", itemName: "coffee", qualifyingItem: "pastry" },
    ],
    [
      "free fries with any burger",
      { offerType: "free_with_purchase", itemName: "fries", qualifyingItem: "burger" },
    ],
    ["$9.99 oil change", { offerType: "price_point", offerValue: 9.99, itemName: "oil change" }],
    ["oil change for $9.99", { offerType: "price_point", offerValue: 9.99, itemName: "oil change" }],
    ["click-through offer to our site", { offerType: "clickthrough" }],
    ["a latte is $5", { itemPrice: 5 }],
    ["an oil change is normally $45", { itemPrice: 45 }],
  ];

  it.each(cases)("%s", (message, expected) => {
    expect(extractWithRules(message, context())).toEqual(expected);
  });

  it("keeps the item without swallowing what follows it", () => {
    expect(extractWithRules("20% off parts and service for dealers, budget 5k", context())).toMatchObject({
      offerType: "percentage_savings",
      itemName: "parts and service",
      targetAudience: ["dealers"],
      totalBudget: 5000,
    });
    expect(extractWithRules("Let's do an oil change for $9.99 at QuickFuel", context())).toMatchObject({
      itemName: "oil change",
    });
    expect(extractWithRules("25% off Q4 sales", context())).not.toHaveProperty("itemName");
  });

  it("switches cash back between a percent and an amount", () => {
    const percentBack = context({ draft: { offerType: "cashback", offerValue: 10, valueUnit: "%" } });
    expect(extractWithRules("make it $5", percentBack)).toEqual({ offerValue: 5, valueUnit: "$" });
    expect(extractWithRules("lower the offer to 8%", percentBack)).toEqual({ offerValue: 8, valueUnit: "%" });
  });

  it("reads a multiplier or cash back typed as the answer to the value question", () => {
    const points = context({ draft: { offerType: "loyalty_points" }, expecting: "offerValue" });
    expect(extractWithRules("triple points", points)).toMatchObject({ offerValue: 3, valueUnit: "x" });
    const item = context({ draft: { offerType: "free_with_purchase" }, expecting: "itemName" });
    expect(extractWithRules("a large coffee", item)).toEqual({ itemName: "large coffee" });
  });

  it("adds to the terms instead of replacing them", () => {
    expect(extractWithRules("add to terms: Not valid with other offers", context())).toEqual({
      termsAddition: "Not valid with other offers",
    });
    expect(extractWithRules("also add to the terms One per visit", context())).toEqual({
      termsAddition: "One per visit",
    });
    expect(extractWithRules("terms: Only on weekdays", context())).toEqual({
      termsConditions: "Only on weekdays",
    });
  });
});

describe("rule-based extractor: corrections", () => {
  const percentDraft = context({ draft: { offerType: "percentage_savings", offerValue: 20 } });

  it.each<[string, DraftPatch]>([
    ["make it 25%", { offerValue: 25 }],
    ["change it to 25", { offerValue: 25 }],
    ["actually, bump the discount to 30 percent please", { offerValue: 30 }],
    ["make it $15", { offerType: "dollars_off", offerValue: 15 }],
    ["move the end date to Jan 15", { endDate: "2027-01-15" }],
    ["push the start date to Dec 3", { startDate: "2026-12-03" }],
    ["use code FALL25 instead", { promoCode: "FALL25", redemptionMethod: "promo_code" }],
    ["change the budget to 60k", { totalBudget: 60000 }],
    ["make it 5 per customer", { usageLimitPerCustomer: 5 }],
  ])("%s", (message, expected) => {
    expect(extractWithRules(message, percentDraft)).toEqual(expected);
  });

  it("keeps the type of the offer already chosen", () => {
    const bogo = context({ draft: { offerType: "bogo", offerValue: 100 } });
    expect(extractWithRules("make it 50%", bogo)).toEqual({ offerValue: 50 });
    const points = context({ draft: { offerType: "loyalty_points" } });
    expect(extractWithRules("change it to 750", points)).toEqual({ offerValue: 750 });
    // Percent makes no sense for points, and switching type would be a guess.
    expect(extractWithRules("make it 25%", points)).toEqual({});
  });

  it("adds to, removes from, or replaces the channels the draft has", () => {
    const open = context({
      draft: {
        offerType: "percentage_savings",
        offerValue: 20,
        channels: ["hub_airdrop", "marketplace_organic"],
      },
    });
    expect(extractWithRules("make it 25% and add marketplace promoted", open)).toEqual({
      offerValue: 25,
      channels: ["hub_airdrop", "marketplace_promoted", "marketplace_organic"],
    });
    expect(extractWithRules("remove marketplace organic", open)).toEqual({ channels: ["hub_airdrop"] });
    expect(extractWithRules("only activation links", open)).toEqual({ channels: ["activation_link"] });
  });
});

describe("rule-based extractor: bare answers", () => {
  const answers: [string, Partial<ReturnType<typeof context>>["expecting"], DraftPatch][] = [
    ["50k", "totalBudget", { totalBudget: 50000 }],
    ["about $50,000 please", "totalBudget", { totalBudget: 50000 }],
    ["3", "usageLimitPerCustomer", { usageLimitPerCustomer: 3 }],
    ["twice", "usageLimitPerCustomer", { usageLimitPerCustomer: 2 }],
    ["1,000 total", "totalUsageLimit", { totalUsageLimit: 1000 }],
    ["Q4 Dealer Incentive", "offerTitle", { offerTitle: "Q4 Dealer Incentive" }],
    ['"Fall Frenzy."', "offerTitle", { offerTitle: "Fall Frenzy" }],
    ["Green Valley", "merchantName", { merchantName: "Green Valley" }],
    [
      "get more people into our stores this winter",
      "businessObjective",
      {
        businessObjective: "Get more people into our stores this winter",
      },
    ],
    [
      "increase Q4 sales for our dealers",
      "businessObjective",
      {
        businessObjective: "Increase Q4 sales for our dealers",
        programType: "closed_loop",
        targetAudience: ["dealers"],
      },
    ],
    ["closed", "programType", { programType: "closed_loop" }],
    ["open loop", "programType", { programType: "open_loop" }],
    ["percentage", "offerType", { offerType: "percentage_savings" }],
    ["cash back", "offerType", { offerType: "cashback" }],
    ["BOGO free", "offerType", { offerType: "bogo", offerValue: 100 }],
    ["show and save", "redemptionMethod", { redemptionMethod: "show_save" }],
    ["a barcode", "redemptionMethod", { redemptionMethod: "barcode" }],
    ["Dec 1", "startDate", { startDate: "2026-12-01" }],
    ["December", "endDate", { endDate: "2026-12-31" }],
    ["on Monday", "startDate", { startDate: "2026-11-30" }],
    ["Dec 1 to Dec 20", "startDate", { startDate: "2026-12-01", endDate: "2026-12-20" }],
    ["hub airdrop and activation links", "channels", { channels: ["hub_airdrop", "activation_link"] }],
    ["promoted, organic", "channels", { channels: ["marketplace_promoted", "marketplace_organic"] }],
    ["FALL25", "promoCode", { promoCode: "FALL25", redemptionMethod: "promo_code" }],
    ["savebig", "promoCode", { promoCode: "SAVEBIG", redemptionMethod: "promo_code" }],
    ["JD####", "codePattern", { codePattern: "JD####", codeMode: "unique" }],
    ["unique", "codeMode", { codeMode: "unique" }],
    ["yes", "lightning", { lightning: true }],
    ["nope", "lightning", { lightning: false }],
    ["25%", "offerValue", { offerValue: 25 }],
    ["30%", "maxDiscount", { maxDiscount: 30, maxDiscountUnit: "%" }],
    ["Pacific time", "timeZone", { timeZone: "America/Los_Angeles" }],
    ["https://shop.example.com/deal", "clickthruUrl", { clickthruUrl: "https://shop.example.com/deal" }],
    ["dealers and fleet", "targetAudience", { targetAudience: ["dealers", "fleet"] }],
    ["12, 14", "locationIds", { locationIds: [12, 14] }],
  ];

  it.each(answers)("%s (expecting %s)", (message, expecting, expected) => {
    expect(extractWithRules(message, context({ expecting }))).toEqual(expected);
  });

  it("reads a full message normally even when a field is expected", () => {
    expect(extractWithRules("budget $50k and 3 per customer", context({ expecting: "totalBudget" }))).toEqual(
      {
        totalBudget: 50000,
        usageLimitPerCustomer: 3,
      },
    );
  });

  it("does not take a question, a shrug or a yes as a title or a code", () => {
    expect(extractWithRules("what do you suggest?", context({ expecting: "offerTitle" }))).toEqual({});
    expect(extractWithRules("not sure", context({ expecting: "offerTitle" }))).toEqual({});
    expect(extractWithRules("yes", context({ expecting: "promoCode" }))).toEqual({});
  });
});

describe("rule-based extractor: what it leaves out", () => {
  it.each<[string, DraftPatch]>([
    ["Hi there, how are you?", {}],
    ["3", {}],
    ["50k", {}],
    ["20%", {}],
    ["Dec 15", {}],
    ["code for everyone", {}],
    ["dealers and tenants", { targetAudience: ["dealers", "tenants"] }],
    ["20% off or $10 off", {}],
    ["America/Chicago or PST", {}],
    ["to raise the budget", {}],
    ["show and save or barcode", {}],
  ])("%s", (message, expected) => {
    expect(extractWithRules(message, context())).toEqual(expected);
  });

  it("answers through the Extractor interface with source rules and no usage", async () => {
    await expect(new RuleExtractor().extract("$10 off", context())).resolves.toEqual({
      patch: { offerType: "dollars_off", offerValue: 10 },
      source: "rules",
    });
  });
});
