import type { Conversation } from "../types.js";

/** Values a person gets wrong: the bot explains in plain words, asks again, and publishes the fix. */
export const BAD_VALUE_CONVERSATIONS: Conversation[] = [
  {
    name: "a promo code with a space (code MEGA DEAL)",
    knownGap:
      "publishes code MEGA from \"code MEGA DEAL\" without asking; 'publish' in words is not understood at the preview",
    user: "dealerMarketer",
    turns: [
      "20% off parts for John Deere dealers in December, code MEGA DEAL, 1 per customer, 500 total, budget $25k",
    ],
    answers: { promoCode: "MEGADEAL" },
    intent: {
      merchant: "Heartland Ag Equipment",
      program: "closed_loop",
      offerType: "percentage_off",
      startDate: "2026-12-01",
      endDate: "2026-12-31",
      savings: { amount: "20", type: "percentage" },
      promoCode: "MEGADEAL",
      usageLimitPerCustomer: 1,
      totalUsageLimit: 500,
    },
    maxTurnsToPreview: 2,
    maxTurnsToPublish: 3,
  },
  {
    name: "a negative budget (budget -500)",
    knownGap: "'publish' in words is not understood at the preview",
    user: "dealerMarketer",
    turns: [
      "10% off filters for John Deere dealers in December, code FILTER10, 1 per customer, 200 total, budget -500",
    ],
    answers: { totalBudget: "$5,000" },
    intent: {
      merchant: "Heartland Ag Equipment",
      program: "closed_loop",
      offerType: "percentage_off",
      startDate: "2026-12-01",
      endDate: "2026-12-31",
      savings: { amount: "10", type: "percentage" },
      promoCode: "FILTER10",
      usageLimitPerCustomer: 1,
      totalUsageLimit: 200,
    },
    maxTurnsToPreview: 2,
    maxTurnsToPublish: 3,
  },
  {
    name: "more than the program's maximum discount (45% in closed loop)",
    knownGap:
      "keeps the \"45% off\" title after the value becomes 30%; 'publish' in words is not understood at the preview",
    user: "dealerMarketer",
    turns: [
      "45% off parts for John Deere dealers in December, code BIG45, 1 per customer, 100 total, budget $20k",
    ],
    answers: { offerValue: "make it 30%" },
    intent: {
      merchant: "Heartland Ag Equipment",
      program: "closed_loop",
      offerType: "percentage_off",
      startDate: "2026-12-01",
      endDate: "2026-12-31",
      savings: { amount: "30", type: "percentage" },
      promoCode: "BIG45",
      usageLimitPerCustomer: 1,
      totalUsageLimit: 100,
    },
    maxTurnsToPreview: 2,
    maxTurnsToPublish: 3,
  },
  {
    name: "money in words (ten bucks off any $40 order)",
    knownGap:
      "asks for most of what was said; drops the $40 minimum; 'publish' in words is not understood at the preview",
    user: "accountManager",
    turns: [
      "ten bucks off any $40 order at Harvest Table Kitchen in December, code TENOFF, 1 per customer, 300 total, budget $5k",
    ],
    intent: {
      merchant: "Harvest Table Kitchen",
      program: "open_loop",
      offerType: "dollars_off",
      startDate: "2026-12-01",
      endDate: "2026-12-31",
      savings: { amount: "10", type: "fixed" },
      mentions: [/\$40/],
      promoCode: "TENOFF",
      usageLimitPerCustomer: 1,
      totalUsageLimit: 300,
    },
    maxTurnsToPreview: 1,
    maxTurnsToPublish: 2,
  },
];

/** Questions before the offer: the bot answers them, then the marketer states the offer. */
export const QUESTION_CONVERSATIONS: Conversation[] = [
  {
    name: "what can you do?",
    knownGap:
      "answers \"what can you do?\" with the objective question; 'publish' in words is not understood at the preview",
    user: "accountManager",
    turns: [
      { say: "what can you do?", expect: /percent|BOGO|cash ?back|points/i },
      "15% off at Sunrise Coffee Co. in December, code SUNRISE15, 1 per customer, 500 total, budget $5k",
    ],
    intent: {
      merchant: "Sunrise Coffee Co.",
      program: "open_loop",
      offerType: "percentage_off",
      startDate: "2026-12-01",
      endDate: "2026-12-31",
      savings: { amount: "15", type: "percentage" },
      promoCode: "SUNRISE15",
      usageLimitPerCustomer: 1,
      totalUsageLimit: 500,
    },
    maxTurnsToPreview: 2,
    maxTurnsToPublish: 3,
  },
  {
    name: "which merchants can I use?",
    knownGap:
      "answers \"which merchants can I use?\" with the objective question; 'publish' in words is not understood at the preview",
    user: "accountManager",
    turns: [
      { say: "which merchants can I use?", expect: /Harvest Table Kitchen/ },
      "$5 off any $30 purchase at HomeBase Hardware in December, code HOMEBASE5, 1 per customer, 500 total, budget $5k",
    ],
    intent: {
      merchant: "HomeBase Hardware",
      program: "hybrid",
      offerType: "dollars_off",
      startDate: "2026-12-01",
      endDate: "2026-12-31",
      savings: { amount: "5", type: "fixed" },
      mentions: [/\$30/],
      promoCode: "HOMEBASE5",
      usageLimitPerCustomer: 1,
      totalUsageLimit: 500,
    },
    maxTurnsToPreview: 2,
    maxTurnsToPublish: 3,
  },
  {
    name: "which merchants can I use? (scoped to one dealer)",
    knownGap:
      'answers "which merchants can I use?" with the objective question; reads "publish it" as the objective',
    user: "dealerMarketer",
    turns: [
      { say: "which merchants can I use?", expect: /Heartland Ag Equipment/ },
      "10% off service for John Deere dealers in December, code SERVICE10, 1 per customer, 300 total, budget $10k",
    ],
    intent: {
      merchant: "Heartland Ag Equipment",
      program: "closed_loop",
      offerType: "percentage_off",
      startDate: "2026-12-01",
      endDate: "2026-12-31",
      savings: { amount: "10", type: "percentage" },
      promoCode: "SERVICE10",
      usageLimitPerCustomer: 1,
      totalUsageLimit: 300,
    },
    maxTurnsToPreview: 2,
    maxTurnsToPublish: 3,
  },
  {
    name: "what discount should I offer to win back lapsed customers?",
    knownGap:
      "takes the question as the objective instead of recommending a discount; 'publish' in words is not understood at the preview",
    user: "accountManager",
    turns: [
      { say: "what discount should I offer to win back lapsed customers?", expect: /\d+%|\$\d+/ },
      "ok, 20% off at Harvest Table Kitchen in January, code COMEBACK20, 1 per customer, 500 total, budget $10k",
    ],
    intent: {
      merchant: "Harvest Table Kitchen",
      program: "open_loop",
      offerType: "percentage_off",
      startDate: "2027-01-01",
      endDate: "2027-01-31",
      savings: { amount: "20", type: "percentage" },
      promoCode: "COMEBACK20",
      usageLimitPerCustomer: 1,
      totalUsageLimit: 500,
    },
    maxTurnsToPreview: 2,
    maxTurnsToPublish: 3,
  },
];
