import { describe, expect, it } from "vitest";
import { describeValue } from "../../../src/graph/describe.js";
import type { DraftPatch } from "../../../src/graph/draft.js";
import { readIntent } from "../../../src/graph/extractor/intent.js";
import { readWithRules } from "../../../src/graph/extractor/rules/index.js";
import { readMerchantMentions } from "../../../src/graph/extractor/rules/mentions.js";
import { context } from "./support.js";

describe("what a message asks for besides values", () => {
  it.each([
    ["publish", { kind: "publish" }],
    ["ship it", { kind: "publish" }],
    ["looks good, publish it", { kind: "publish" }],
    ["ok go ahead and publish it please", { kind: "publish" }],
    ["publish anyway", { kind: "publish", anyway: true }],
    ["submit it for approval", { kind: "submit" }],
    ["send it to my manager", { kind: "submit" }],
    ["cancel", { kind: "cancel" }],
    ["actually scrap this one", { kind: "cancel" }],
    ["never mind", { kind: "cancel" }],
    ["what can you do?", { kind: "help" }],
    ["hi", { kind: "greeting" }],
    ["looks good", { kind: "agree" }],
    ["thanks!", { kind: "thanks" }],
    ["I need a holiday offer", { kind: "create" }],
    ["I'd like to create an offer", { kind: "create" }],
    ["show me my offers", { kind: "offers", verb: "list" }],
    ["my drafts", { kind: "offers", verb: "drafts" }],
    ["pause #7", { kind: "offers", verb: "pause", offerId: 7 }],
    ["how is #3 doing?", { kind: "offers", verb: "analytics", offerId: 3 }],
    ["same as #7 but 25% and for January", { kind: "offers", verb: "duplicate", offerId: 7 }],
    ["which merchants can I use?", { kind: "list_merchants" }],
    ["what will this cost?", { kind: "cost" }],
    [
      "what discount should I offer to win back lapsed customers?",
      { kind: "recommend", objective: "win back lapsed customers" },
    ],
    ["what's the weather", { kind: "off_topic" }],
    ["need a promo for homebase pls", { kind: "create" }],
    ["whats this gonna cost me?", { kind: "cost" }],
    ["how are my offers doing", { kind: "offers", verb: "list" }],
    ["ok good, publish", { kind: "publish" }],
    ["actually nvm cancel that", { kind: "cancel" }],
    ["show me #10 details", { kind: "offers", verb: "show", offerId: 10 }],
    ["cancel #10", { kind: "offers", verb: "end", offerId: 10 }],
    ["edit", { kind: "edit" }],
    [
      "whats the diff between publish and submit for approval?",
      { kind: "explain", topic: "publish_or_submit" },
    ],
    ["what is show and save?", { kind: "explain", topic: "redemption_methods" }],
    ["what does closed loop mean?", { kind: "explain", topic: "programs" }],
  ])("%s", (message, intent) => {
    expect(readIntent(message)).toEqual(intent);
  });

  it.each([
    "publish on Dec 1",
    "cancel the code requirement",
    "make it 25%",
    "20% off lattes at Sunrise Coffee",
  ])("%s is not a decision", (message) => {
    expect(["publish", "submit", "cancel"]).not.toContain(readIntent(message)?.kind);
  });
});

describe("a pending question never swallows a message with values of its own", () => {
  it("reads a correction typed while the merchant is asked as the correction", () => {
    const reading = readWithRules(
      "make it 25%",
      context({ expecting: "merchantName", draft: { offerType: "percentage_savings", offerValue: 20 } }),
    );
    expect(reading.patch).toEqual({ offerValue: 25 });
  });

  it("takes the name out of 'I already said …' and never a command as a name", () => {
    expect(
      readWithRules("I already said HomeBase Hardware", context({ expecting: "merchantName" })).patch,
    ).toEqual({ merchantName: "HomeBase Hardware" });
    expect(readWithRules("publish", context({ expecting: "merchantName" }))).toEqual({
      patch: {},
      source: "rules",
      intent: { kind: "publish" },
    });
  });

  it("answers a yes/no question with yes rather than agreeing with a preview", () => {
    expect(readWithRules("yes", context({ expecting: "lightning" })).patch).toEqual({ lightning: true });
  });

  it("keeps a question's goal out of the draft", () => {
    const reading = readWithRules(
      "what discount should I offer to win back lapsed customers?",
      context({ expecting: "businessObjective" }),
    );
    expect(reading.patch).toEqual({});
    expect(reading.intent?.kind).toBe("recommend");
  });

  it("splits 'goal: offer' into the objective and the offer", () => {
    const reading = readWithRules(
      "drive sales: 20% off parts Dec 1 to Dec 24, code HOLIDAY20",
      context({ expecting: "businessObjective" }),
    );
    expect(reading.patch).toMatchObject({
      businessObjective: "Drive sales",
      offerValue: 20,
      promoCode: "HOLIDAY20",
      startDate: "2026-12-01",
      endDate: "2026-12-24",
    });
  });

  it("reads a change of merchant in words as a name to look up", () => {
    expect(readWithRules("actually it's for Harvest Table Kitchen", context()).patch).toEqual({
      merchantName: "Harvest Table Kitchen",
    });
  });
});

describe("names that may be the merchant's", () => {
  it.each([
    ["$10 off at homebase hardwre this weekend", ["homebase hardwre"]],
    ["free latte at Sunrise Coffee for regulars", ["Sunrise Coffee"]],
    ["Sunrise's lattes 20% off", ["Sunrise"]],
    ["20% off for dealers", []],
  ])("%s", (message, names) => {
    expect(readMerchantMentions(message)).toEqual(names);
  });
});

describe("words marketers typed in tries", () => {
  const multiplier: DraftPatch = { offerType: "loyalty_points", offerValue: 2, valueUnit: "x" };
  const percentOff: DraftPatch = { offerType: "percentage_savings", offerValue: 15 };
  it.each([
    ["hmm actually 3x", multiplier, { offerValue: 3 }],
    ["make it double", multiplier, { offerValue: 2 }],
    ["title Triple Points Parts Event", multiplier, { offerTitle: "Triple Points Parts Event" }],
    ["budget's 20k, scan the barcode", {}, { totalBudget: 20000, redemptionMethod: "barcode" }],
    ["no code, they just show the app", {}, { redemptionMethod: "show_save" }],
    ["limit 1 each, 200 max", {}, { usageLimitPerCustomer: 1, totalUsageLimit: 200 }],
    ["ten bucks off any $40 order", {}, { offerType: "dollars_off", offerValue: 10, minimumSpend: 40 }],
    ["thru new years", {}, { endDate: "2027-01-01" }],
    ["tuesday only", {}, { startDate: "2026-12-01", endDate: "2026-12-01" }],
    ["unlimited uses per customer, no total cap", {}, { unlimitedPerCustomer: true, unlimitedTotal: true }],
    ["$10 off when u spend 50", {}, { offerType: "dollars_off", offerValue: 10, minimumSpend: 50 }],
    ["make it 25% pls", percentOff, { offerValue: 25 }],
    ["change it to 25% pls", percentOff, { offerValue: 25 }],
    ["ok 50% then", { offerType: "percentage_savings" } as DraftPatch, { offerValue: 50 }],
    ["buy 1 get 1 50% off hiking boots", {}, { offerType: "bogo", offerValue: 50, itemName: "hiking boots" }],
    [
      "free cookie w/ any coffee",
      {},
      { offerType: "free_with_purchase", itemName: "cookie", qualifyingItem: "coffee" },
    ],
    ["1 per cust 100 total", {}, { usageLimitPerCustomer: 1, totalUsageLimit: 100 }],
    ["unlimited per customer, no cap", {}, { unlimitedPerCustomer: true, unlimitedTotal: true }],
    ["no code just show it", {}, { redemptionMethod: "show_save" }],
    ["title it Holiday Hustle", {}, { offerTitle: "Holiday Hustle" }],
    ["next week", {}, { startDate: "2026-11-30", endDate: "2026-12-06" }],
    [
      "20% off mower blades, min spend 50 bucks",
      {},
      {
        offerType: "percentage_savings",
        offerValue: 20,
        itemName: "mower blades",
        minimumSpend: 50,
      },
    ],
    ["on orders over $500", {}, { minimumSpend: 500 }],
    [
      "10% off attachments when you spend $1000 or more",
      {},
      {
        offerType: "percentage_savings",
        offerValue: 10,
        itemName: "attachments",
        minimumSpend: 1000,
      },
    ],
    [
      "10k, promo code CVAS50, 1 per customer, 200 max",
      {},
      {
        totalBudget: 10000,
        redemptionMethod: "promo_code",
        promoCode: "CVAS50",
        usageLimitPerCustomer: 1,
        totalUsageLimit: 200,
      },
    ],
    ["just once. and cap at 1500 total", {}, { usageLimitPerCustomer: 1, totalUsageLimit: 1500 }],
    ["as many as they want", {}, { unlimitedPerCustomer: true }],
    [
      "spend 100 get a $20 gift card",
      {},
      {
        offerType: "spend_and_get",
        offerValue: 20,
        minimumSpend: 100,
        itemName: "gift card",
      },
    ],
    [
      "free bag of ice with any fill up of $30 or more",
      {},
      {
        offerType: "free_with_purchase",
        itemName: "bag of ice",
        qualifyingItem: "fill up",
        minimumSpend: 30,
      },
    ],
    [
      "free bag of ice when you spend $30+",
      {},
      {
        offerType: "free_with_purchase",
        itemName: "bag of ice",
        qualifyingItem: "purchase",
        minimumSpend: 30,
      },
    ],
    ["starting dec 1 for 2 wks", {}, { startDate: "2026-12-01", endDate: "2026-12-14" }],
    [
      "barcode, 1 per customer, max 400",
      {},
      {
        redemptionMethod: "barcode",
        usageLimitPerCustomer: 1,
        totalUsageLimit: 400,
      },
    ],
    [
      "redeem online at lakeshorepoint.com/lease",
      {},
      {
        redemptionMethod: "online_link",
        clickthruUrl: "https://lakeshorepoint.com/lease",
      },
    ],
    ["20% off, parts only", {}, { offerType: "percentage_savings", offerValue: 20, itemName: "parts" }],
    [
      "$500 off first month rent",
      {},
      { offerType: "dollars_off", offerValue: 500, itemName: "first month's rent" },
    ],
    ["oops its actually Big Sky Equipment not blue ridge", {}, { merchantName: "Big Sky Equipment" }],
    [
      "wait, make the min $75 not 100",
      { offerType: "spend_and_get", offerValue: 20, minimumSpend: 100 } as DraftPatch,
      {
        minimumSpend: 75,
      },
    ],
    [
      "20% off any entree over $30",
      {},
      {
        offerType: "percentage_savings",
        offerValue: 20,
        itemName: "any entree",
        minimumSpend: 30,
      },
    ],
    ["show at register", {}, { redemptionMethod: "show_save" }],
    [
      "free hat w/ any purchase over $100",
      {},
      {
        offerType: "free_with_purchase",
        itemName: "hat",
        qualifyingItem: "purchase",
        minimumSpend: 100,
      },
    ],
    ["hats r $5", {}, { itemPrice: 5 }],
    ["budgt $8k, barcode", {}, { totalBudget: 8000, redemptionMethod: "barcode" }],
    ["for q1", {}, { startDate: "2027-01-01", endDate: "2027-03-31" }],
    [
      "bogo boots dec 26-jan 10",
      {},
      {
        offerType: "bogo",
        offerValue: 100,
        itemName: "boots",
        startDate: "2026-12-26",
        endDate: "2027-01-10",
      },
    ],
    [
      "500 bonus points on any purchase over $25",
      {},
      { offerType: "loyalty_points", offerValue: 500, valueUnit: "points", minimumSpend: 25 },
    ],
    ["10 cents a gallon off", {}, { offerType: "dollars_off", offerValue: 0.1, itemName: "per gallon" }],
    [
      "15c/gal cash back",
      {},
      { offerType: "cashback", offerValue: 0.15, valueUnit: "$", itemName: "per gallon" },
    ],
    [
      "spend $40 get $10 back as cash back",
      {},
      { offerType: "cashback", offerValue: 10, valueUnit: "$", minimumSpend: 40 },
    ],
    [
      "waive the $300 fee, er, make it $250 off first month's rent",
      {},
      { offerType: "dollars_off", offerValue: 250, itemName: "first month's rent" },
    ],
    [
      "20% off lattes, actually 25%",
      {},
      { offerType: "percentage_savings", offerValue: 25, itemName: "lattes" },
    ],
    ["for dec i mean jan", {}, { startDate: "2027-01-01", endDate: "2027-01-31" }],
    ["in store", {}, { redemptionMethod: "show_save" }],
    ["code SAVE10 in store", {}, { redemptionMethod: "promo_code", promoCode: "SAVE10" }],
    ["goal more dinners", {}, { businessObjective: "More dinners" }],
    ["drive fuel visits", {}, { businessObjective: "Drive fuel visits" }],
    [
      "$500 off a new gator utility vehicle, min purchase 10k",
      {},
      {
        offerType: "dollars_off",
        offerValue: 500,
        itemName: "new gator utility vehicle",
        minimumSpend: 10000,
      },
    ],
    [
      "free medium coffee w any fill up over 30 bucks",
      {},
      {
        offerType: "free_with_purchase",
        itemName: "medium coffee",
        qualifyingItem: "fill up",
        minimumSpend: 30,
      },
    ],
    [
      "free item with purchase - a free medium coffee",
      {},
      { offerType: "free_with_purchase", itemName: "medium coffee" },
    ],
    [
      "500 bonus pts w/ any holiday drink",
      {},
      { offerType: "loyalty_points", offerValue: 500, valueUnit: "points", itemName: "any holiday drink" },
    ],
    ["$10 burger + fries", {}, { offerType: "price_point", offerValue: 10, itemName: "burger + fries" }],
    [
      "the free item is a medium coffee, with purchase of a fuel fill-up",
      {},
      { offerType: "free_with_purchase", itemName: "medium coffee", qualifyingItem: "fuel fill-up" },
    ],
    ["change the code toMERRY500", {}, { redemptionMethod: "promo_code", promoCode: "MERRY500" }],
    ["this wknd", {}, { startDate: "2026-11-28", endDate: "2026-11-29" }],
    ["this month", {}, { startDate: "2026-11-25", endDate: "2026-11-30" }],
    ["weekend after xmas", {}, { startDate: "2026-12-26", endDate: "2026-12-27" }],
    ["next 2 wks pls", {}, { startDate: "2026-11-26", endDate: "2026-12-09" }],
    ["make it 10% and cap total at 150", percentOff, { offerValue: 10, totalUsageLimit: 150 }],
    ["drop the limit to 120", {}, { totalUsageLimit: 120 }],
    [
      "free month of covered parking w/ any 12 mo lease",
      {},
      {
        offerType: "free_with_purchase",
        itemName: "month of covered parking",
        qualifyingItem: "12 month lease",
      },
    ],
    [
      "double pts on all camping gear",
      {},
      { offerType: "loyalty_points", offerValue: 2, valueUnit: "x", itemName: "all camping gear" },
    ],
    [
      "$3 back when you spend $30+",
      {},
      { offerType: "cashback", offerValue: 3, valueUnit: "$", minimumSpend: 30 },
    ],
    ["3x per customer, cap 2000", {}, { usageLimitPerCustomer: 3, totalUsageLimit: 2000 }],
    [
      "spend 40 get a free dessert",
      {},
      { offerType: "free_with_purchase", itemName: "dessert", qualifyingItem: "purchase", minimumSpend: 40 },
    ],
    [
      "500 bonus points when u buy a bag of beans",
      {},
      { offerType: "loyalty_points", offerValue: 500, valueUnit: "points", itemName: "bag of beans" },
    ],
    [
      "spend $100 on amenity fees get $25 credit",
      {},
      {
        offerType: "spend_and_get",
        offerValue: 25,
        minimumSpend: 100,
        itemName: "credit",
        qualifyingItem: "amenity fees",
      },
    ],
    ["christmas week", {}, { startDate: "2026-12-21", endDate: "2026-12-27" }],
    ["no, the whole week of christmas, dec 21-27", {}, { startDate: "2026-12-21", endDate: "2026-12-27" }],
    ["for the 10 days after thanksgiving", {}, { startDate: "2026-11-27", endDate: "2026-12-06" }],
    [
      "give new leases $250 cash back",
      {},
      { targetAudience: ["new leases"], offerType: "cashback", offerValue: 250, valueUnit: "$" },
    ],
    [
      "$20 off when u spend 100+ on jackets",
      {},
      { offerType: "dollars_off", offerValue: 20, minimumSpend: 100, itemName: "jackets" },
    ],
    [
      "its only on jackets btw. and start it dec 1",
      { offerType: "dollars_off", offerValue: 20 } as DraftPatch,
      { startDate: "2026-12-01", itemName: "jackets" },
    ],
    ["15% of all jackets", {}, { offerType: "percentage_savings", offerValue: 15, itemName: "all jackets" }],
    ["about 8% of customers redeem it", {}, {}],
    [
      "free burger with any shake, its normally 22, budget 2k",
      {},
      {
        offerType: "free_with_purchase",
        itemName: "burger",
        qualifyingItem: "shake",
        itemPrice: 22,
        totalBudget: 2000,
      },
    ],
    ["we usually do 2 per customer", {}, { usageLimitPerCustomer: 2 }],
    ["only have 300 beanies", {}, { totalUsageLimit: 300 }],
    // From the tenth try: "$N something" is not always a price point.
    [
      "10k should be plenty. and it's min $30 fill up",
      { offerType: "cashback", offerValue: 5, valueUnit: "%" } as DraftPatch,
      { totalBudget: 10000, minimumSpend: 30 },
    ],
    [
      "spend 100 get a 20 dollar gift card",
      {},
      { offerType: "spend_and_get", offerValue: 20, minimumSpend: 100, itemName: "gift card" },
    ],
    ["$9.99 oil change", {}, { offerType: "price_point", offerValue: 9.99, itemName: "oil change" }],
    ["fine make the total 300", {}, { totalUsageLimit: 300 }],
    ["once a day per person", {}, { usageLimitPerCustomer: 1 }],
    ["1 per day per person, 2000 total", {}, { usageLimitPerCustomer: 1, totalUsageLimit: 2000 }],
    ["2 a week per customer", {}, { usageLimitPerCustomer: 2 }],
    ["1 per table, 200 total", {}, { usageLimitPerCustomer: 1, totalUsageLimit: 200 }],
    ["next 10 days", {}, { startDate: "2026-11-25", endDate: "2026-12-04" }],
    ["$8k, and they'll redeem online w a code", {}, { totalBudget: 8000, redemptionMethod: "promo_code" }],
    ["avg tool is maybe 150", {}, { itemPrice: 150 }],
    [
      "free oil filter kit w/ purchase of any compact tractor",
      {},
      { offerType: "free_with_purchase", itemName: "oil filter kit", qualifyingItem: "compact tractor" },
    ],
    [
      "wait not any purchase - has to be a compact tractor purchase",
      {
        offerType: "free_with_purchase",
        itemName: "oil filter kit",
        qualifyingItem: "purchase",
      } as DraftPatch,
      { qualifyingItem: "compact tractor" },
    ],
    [
      "it doesnt say the 500 off anywhere. title: $500 off your first month's rent",
      { offerType: "clickthrough" } as DraftPatch,
      { offerTitle: "$500 off your first month's rent" },
    ],
    [
      "free app when u order 2 entrees",
      {},
      { offerType: "free_with_purchase", itemName: "app", qualifyingItem: "2 entrees" },
    ],
    [
      "change app to appetizer everywhere, they're about $12",
      { offerType: "free_with_purchase", itemName: "app" } as DraftPatch,
      { itemName: "appetizer", itemPrice: 12 },
    ],
    [
      "5% cash back, max $5 back per fill up",
      {},
      {
        offerType: "cashback",
        offerValue: 5,
        valueUnit: "%",
        maxDiscount: 5,
        maxDiscountUnit: "$",
        termsAddition: "Maximum discount of $5 per purchase.",
      },
    ],
    ["we only have 2 stores", {}, {}],
    ["the week before christmas", {}, { startDate: "2026-12-18", endDate: "2026-12-24" }],
    ["first 10 days of jan", {}, { startDate: "2027-01-01", endDate: "2027-01-10" }],
    ["18th thru 24th", {}, { startDate: "2026-12-18", endDate: "2026-12-24" }],
    [
      "10 off dinner when u spend 50+",
      {},
      { offerType: "dollars_off", offerValue: 10, minimumSpend: 50, itemName: "dinner" },
    ],
    [
      "500 off first month rent",
      {},
      { offerType: "dollars_off", offerValue: 500, itemName: "first month's rent" },
    ],
    ["just once", { itemName: "service visits" } as DraftPatch, { usageLimitPerCustomer: 1 }],
    [
      "it's only for compact tractors, that got lost",
      { offerType: "price_point", offerValue: 99 } as DraftPatch,
      { itemName: "compact tractors" },
    ],
    [
      "drop the one per guest limit",
      { usageLimitPerCustomer: 1, totalUsageLimit: 500 } as DraftPatch,
      { unlimitedPerCustomer: true },
    ],
    [
      "remove the total cap",
      { usageLimitPerCustomer: 1, totalUsageLimit: 500 } as DraftPatch,
      { unlimitedTotal: true },
    ],
    ["they're about $12", {}, { itemPrice: 12 }],
    ["paint is more like 40/gal", {}, { itemPrice: 40 }],
    ["beanies cost us like 12 each so budget 3600", {}, { itemPrice: 12, totalBudget: 3600 }],
    [
      "500 bonus points for any service visit",
      {},
      { offerType: "loyalty_points", offerValue: 500, valueUnit: "points", itemName: "service visit" },
    ],
    [
      "actually make it spend $50",
      { offerType: "spend_and_get", minimumSpend: 40 } as DraftPatch,
      { minimumSpend: 50 },
    ],
  ])("%s", (message, draft, patch) => {
    expect(readWithRules(message, context({ draft })).patch).toEqual(patch);
  });

  it.each([
    ["usageLimitPerCustomer", "just 1", { usageLimitPerCustomer: 1 }],
    ["usageLimitPerCustomer", "only one", { usageLimitPerCustomer: 1 }],
    ["totalBudget", "idk, 10 grand?", { totalBudget: 10000 }],
    ["totalBudget", "5 grand", { totalBudget: 5000 }],
    ["totalBudget", "no budget really, maybe like 500 bucks", { totalBudget: 500 }],
    ["totalBudget", "10k, should cover 20 leases", { totalBudget: 10000 }],
    [
      "totalBudget",
      "$50k budget, code JAN25PARTS",
      { totalBudget: 50000, promoCode: "JAN25PARTS", redemptionMethod: "promo_code" },
    ],
    ["totalUsageLimit", "300 like i said", { totalUsageLimit: 300 }],
    ["usageLimitPerCustomer", "unlimited, every fill up", { unlimitedPerCustomer: true }],
    ["totalUsageLimit", "1000 is fine", { totalUsageLimit: 1000 }],
    ["totalUsageLimit", "400 (8k / 20)", { totalUsageLimit: 400 }],
    ["totalBudget", "10k should be plenty", { totalBudget: 10000 }],
    ["totalBudget", "idk lattes are like 5 bucks so 2500 i guess", { totalBudget: 2500, itemPrice: 5 }],
    [
      "businessObjective",
      "new renters obv",
      { businessObjective: "New renters", targetAudience: ["new renters"] },
    ],
    ["qualifyingItem", "anything", { qualifyingItem: "purchase" }],
    ["qualifyingItem", "with any purchase", { qualifyingItem: "purchase" }],
    ["qualifyingItem", "whatever they buy", { qualifyingItem: "purchase" }],
    ["qualifyingItem", "a muffin or scone", { qualifyingItem: "muffin or scone" }],
  ] as const)("takes the casual answer to %s: %s", (expecting, message, patch) => {
    expect(readWithRules(message, context({ expecting })).patch).toEqual(patch);
  });

  it("moves both dates when the offer is pushed, and starts after a holiday said with 'after'", () => {
    const dated = context({ draft: { startDate: "2026-12-01", endDate: "2026-12-14" } });
    for (const message of ["hmm push it a week", "move the dates a week later"])
      expect(readWithRules(message, dated).patch).toEqual({ startDate: "2026-12-08", endDate: "2026-12-21" });
    expect(readWithRules("move it up 3 days", dated).patch).toEqual({
      startDate: "2026-11-28",
      endDate: "2026-12-11",
    });
    const goal = readWithRules(
      "bring ppl in after the holidays. it's $10 off, and it should end jan 10 not 31",
      context({ expecting: "businessObjective" }),
    );
    expect(goal.patch).toEqual({
      businessObjective: "Bring people in after the holidays",
      startDate: "2027-01-01",
      endDate: "2027-01-10",
      offerType: "dollars_off",
      offerValue: 10,
    });
  });

  it("takes a decision that ends a message when nothing before it changes the offer", () => {
    for (const message of [
      "thats fine its exactly our budget. publish",
      "👍 publish",
      "looks good, ship it",
      "k publish",
    ])
      expect(readWithRules(message, context()).intent).toEqual({ kind: "publish" });
    const changed = readWithRules("ok bump budget to 25k and publish", context());
    expect(changed.patch).toEqual({ totalBudget: 25000 });
    expect(changed.intent).toBeUndefined();
  });

  it("says a linked card is no way to redeem in Kigo, and answers how a reward reaches the customer", () => {
    expect(readWithRules("card linked i think, they just pay w their card", context()).notes).toEqual([
      "Kigo can't redeem through a linked card: customers redeem with a promo code, show & save in the app, a barcode scan at the register, or an online link.",
    ]);
    expect(
      readWithRules("how do they actually get the 50 back? is it a credit on the acct?", context()).intent,
    ).toEqual({ kind: "explain", topic: "reward_delivery" });
  });

  it("works out what a budget covers when asked in words, taking the budget named with the question", () => {
    for (const message of ["whatever 5k covers", "5k. how many can we afford with that?"]) {
      const reading = readWithRules(message, context({ expecting: "totalBudget" }));
      expect(reading.intent).toEqual({ kind: "fit_budget" });
      expect(reading.patch).toEqual({ totalBudget: 5000 });
    }
  });

  it("reads the values said beside a question, and answers the question", () => {
    const reading = readWithRules("hmm what would it cost us? normal price is 189", context());
    expect(reading.intent).toEqual({ kind: "cost" });
    expect(reading.patch).toEqual({ itemPrice: 189 });
  });

  it("puts 'members only' in the audience and the terms, and asks which limit 'drop the limit' means", () => {
    const members = readWithRules("15% off power tools, members only", context());
    expect(members.patch).toMatchObject({
      targetAudience: ["members"],
      termsAddition: "Valid for members only.",
    });
    expect(members.notes).toEqual([
      'Kigo can\'t check who is a member yet, so I added "Valid for members only." to the terms for the merchant to honour.',
    ]);
    const both = context({ draft: { usageLimitPerCustomer: 1, totalUsageLimit: 500 } });
    const limit = readWithRules("drop the limit", both);
    expect(limit.patch).toEqual({});
    expect(limit.notes).toEqual(['Which limit should go? Say "no limit per customer" or "no total cap".']);
    expect(readWithRules("drop the limit", context({ draft: { totalUsageLimit: 500 } })).patch).toEqual({
      unlimitedTotal: true,
    });
  });

  it("reads any purchase back in words, not as the item 'purchase'", () => {
    expect(describeValue("qualifyingItem", { qualifyingItem: "purchase" })).toBe("Any purchase");
    expect(describeValue("qualifyingItem", { qualifyingItem: "pastry" })).toBe("pastry");
  });

  it("says buy 2 get 1 can't be done and offers the nearest offers, without guessing one", () => {
    const reading = readWithRules("buy 2 gallons of paint get 1 free", context());
    expect(reading.patch).toEqual({});
    expect(reading.notes).toEqual([
      'Kigo can\'t run "buy 2, get 1" offers yet: its buy-one-get-one covers one bought and one free or discounted. Say "BOGO gallons of paint" for buy one, get one free, or "33% off gallons of paint", which gives the same saving as buy 2, get 1 free.',
    ]);
    expect(readWithRules("what types can I pick from?", context()).intent).toEqual({
      kind: "explain",
      topic: "offer_types",
    });
  });

  it("makes a typed http link secure and says so", () => {
    const reading = readWithRules("link http://summit.example.com/sale", context());
    expect(reading.patch).toMatchObject({ clickthruUrl: "https://summit.example.com/sale" });
    expect(reading.notes).toEqual([
      "Links must be secure, so I used https://summit.example.com/sale. Say the link again if that address doesn't work.",
    ]);
  });

  it("never files an answer about something else under the question asked", () => {
    expect(
      readWithRules(
        "no code needed, just show it at leasing office",
        context({ expecting: "businessObjective" }),
      ).patch,
    ).toEqual({ redemptionMethod: "show_save" });
    expect(
      readWithRules("no budget really, it's just traffic", context({ expecting: "businessObjective" })).patch,
    ).toEqual({});
    expect(readWithRules("once", context({ expecting: "merchantName" })).patch).toEqual({});
    expect(
      readWithRules("they show the app to the server", context({ expecting: "qualifyingItem" })).patch,
    ).toEqual({ redemptionMethod: "show_save" });
    expect(readWithRules("drop the weekday thing", context({ expecting: "qualifyingItem" })).patch).toEqual(
      {},
    );
    expect(readWithRules("go", context()).intent).toEqual({ kind: "publish" });
    expect(readWithRules("looks right, go ahead", context()).intent).toEqual({ kind: "publish" });
  });

  it("takes 'no limit' as the answer to the limit being asked", () => {
    expect(readWithRules("no limit", context({ expecting: "usageLimitPerCustomer" })).patch).toEqual({
      unlimitedPerCustomer: true,
    });
    expect(readWithRules("no limit", context()).patch).toEqual({ unlimitedTotal: true });
  });

  it("puts days of the week in the terms and says the offer itself runs every day", () => {
    const reading = readWithRules("15% off weekdays in December", context());
    expect(reading.patch).toMatchObject({
      startDate: "2026-12-01",
      endDate: "2026-12-31",
      termsAddition: "Valid Monday–Friday only.",
    });
    expect(reading.notes?.join(" ")).toMatch(/can't limit an offer to days of the week/);
    expect(readWithRules("tuesdays and thursdays", context()).patch).toEqual({
      termsAddition: "Valid Tuesdays and Thursdays only.",
    });
    expect(readWithRules("weekends only", context()).patch).toEqual({
      termsAddition: "Valid Saturdays and Sundays only.",
    });
    // Already in the terms: not added twice.
    const said = context({ draft: { termsConditions: "Valid Monday–Friday only." } });
    expect(readWithRules("mon-fri", said).patch).toEqual({});
  });

  it("puts a quantity minimum in the terms, and takes days of the week out when asked", () => {
    const reading = readWithRules("10 cents off per gallon when you buy 10+ gallons", context());
    expect(reading.patch).toMatchObject({ termsAddition: "Minimum purchase of 10 gallons." });
    expect(reading.notes).toEqual([
      'Kigo can\'t require a quantity per purchase yet, so I added "Minimum purchase of 10 gallons." to the terms for the merchant to honour.',
    ]);
    const terms = "Valid for dealers only. Valid Monday–Friday only. Minimum purchase of 10 gallons.";
    for (const message of ["drop the weekday thing", "any day is fine", "no weekday restriction"]) {
      const dropped = readWithRules(message, context({ draft: { termsConditions: terms } }));
      expect(dropped.patch).toEqual({
        termsConditions: "Valid for dealers only. Minimum purchase of 10 gallons.",
      });
    }
    // Nothing to take out: nothing is added either.
    expect(readWithRules("drop the weekday thing", context()).patch).toEqual({});
  });

  it("says which numbers it could not use instead of dropping them", () => {
    const reading = readWithRules("free month of covered parking w/ any 12 mo lease, 12 mo min", context());
    expect(reading.notes).toEqual([
      'I didn\'t understand "12 month min", so the offer doesn\'t include it. Say it another way, or "add to terms: …" for a condition the merchant applies.',
    ]);
    expect(readWithRules("7-Eleven 20% off snacks", context()).notes).toBeUndefined();
    expect(readWithRules("3", context({ expecting: "usageLimitPerCustomer" })).notes).toBeUndefined();
  });

  it("finds the merchant's name run into the offer, typos and all", () => {
    expect(readWithRules("summit outdoor—20% off tents", context()).mentions).toContain("summit outdoor");
    expect(readWithRules("parkview commons needs a move in special", context()).mentions).toContain(
      "parkview commons",
    );
    expect(readWithRules("sunrise coffee bogo lattes", context()).mentions).toContain("sunrise coffee");
    expect(readWithRules("Big sky equipmnt 10% off parts in dec", context()).mentions).toContain(
      "Big sky equipmnt",
    );
  });

  it("gives '50 total' typed while the budget is asked to the usage limit it names", () => {
    expect(readWithRules("50 total", context({ expecting: "totalBudget" })).patch).toEqual({
      totalUsageLimit: 50,
    });
    expect(readWithRules("50k", context({ expecting: "totalBudget" })).patch).toEqual({ totalBudget: 50000 });
    // Limits given instead of the budget: the budget is still to be asked, not $500.
    expect(readWithRules("2 per customer, 500 total", context({ expecting: "totalBudget" })).patch).toEqual({
      usageLimitPerCustomer: 2,
      totalUsageLimit: 500,
    });
    // A budget clause beside other fields is still the budget.
    expect(readWithRules("50k, 3 per customer", context({ expecting: "totalBudget" })).patch).toMatchObject({
      totalBudget: 50000,
      usageLimitPerCustomer: 3,
    });
  });

  it("refuses codes with spaces and negative budgets with a note, setting neither", () => {
    const reading = readWithRules("code MEGA DEAL, budget -500", context());
    expect(reading.patch).toEqual({ redemptionMethod: "promo_code" });
    expect(reading.notes).toEqual([
      'Promo codes can\'t contain spaces, so I didn\'t take "MEGA DEAL". Use MEGADEAL? Say "code MEGADEAL".',
      'A budget can\'t be negative ("budget -500"), so I left it out. What is the budget, e.g. $5,000?',
    ]);
  });
});

describe("a typo of a decision", () => {
  it("is asked about where nothing is being asked, and is a name where a merchant is asked", () => {
    expect(readWithRules("pubish", context()).intent).toEqual({ kind: "did_you_mean", word: "publish" });
    expect(readWithRules("cancle", context()).intent).toEqual({ kind: "did_you_mean", word: "cancel" });
    expect(readWithRules("summit", context({ expecting: "merchantName" })).patch).toEqual({
      merchantName: "summit",
    });
  });
});

describe("a decision at the end of a change", () => {
  it("makes the change and asks for a look at the preview before publishing", () => {
    const reading = readWithRules("title Book a Tour at Lakeshore Point and publish", context());
    expect(reading.patch).toEqual({ offerTitle: "Book a Tour at Lakeshore Point" });
    expect(reading.intent).toBeUndefined();
    expect(reading.notes).toEqual(['I made the change. Check the preview, then say "publish".']);
  });
});

describe("limits Kigo cannot hold", () => {
  it("says that a per-day limit becomes a limit for the whole offer", () => {
    const reading = readWithRules("1 per person per day", context());
    expect(reading.patch).toEqual({ usageLimitPerCustomer: 1 });
    expect(reading.notes?.[0]).toMatch(/Limits per day or week aren't available in Kigo yet/);
  });
});
