import type { DraftPatch, OfferType, ValueUnit } from "../../draft.js";
import { PER_UNIT_WORDS } from "../../per-unit.js";
import { ITEM, itemText } from "./items.js";
import { AMOUNT, MONEY, NUMBER, PERCENT, readNumber, readUnitValue, UNIT_VALUE } from "./numbers.js";
import { agreed, agreedDefined, type Rule, type Scan } from "./scan.js";

type Offer = Pick<DraftPatch, "offerValue" | "valueUnit" | "minimumSpend" | "itemName" | "qualifyingItem"> & {
  offerType: OfferType;
};

type Reader = (match: RegExpExecArray) => Offer;

const rx = (source: string) => new RegExp(source, "gi");
const num = (raw: string | undefined) => readNumber(raw ?? "");
const item = (raw: string | undefined) => itemText(raw);
/**
 * "on lattes", "lattes": what the offer is on, after its value. Read ahead, not taken: the same
 * words may tell later rules more ("on catalog merchants" is also the open-loop program).
 */
const ON_ITEM = String.raw`(?=(?:\s+(?:on\s+)?(?:(?:a|an|the)\s+)?(${ITEM}))?)`;
/** "on lattes", "with any holiday drink": points and cash back name their item after a joining word. */
const ON_ITEM_ONLY = String.raw`(?=(?:\s+(?:on|with|for\s+(?:any|each|every)|when\s+you\s+(?:buy|purchase))\s+(?:(?:a|an|the)\s+)?(${ITEM}))?)`;
const PER_UNIT = Object.keys(PER_UNIT_WORDS).join("|");
/** "month of covered parking", "12 month lease": items measured in time, whose words the date rules otherwise own. */
const TIMED_ITEM = String.raw`(?:(?:\d+[\s-])?(?:month|week|night|day|year)s?\s+(?:of\s+)?)?${ITEM}`;
/** A kind of offer named outright, which may change a click-through into it. */
const NAMED_KIND =
  /\b(?:make\s+it|change\s+it\s+to|switch\s+(?:it\s+)?to|not\s+a\s+click)\b|\b(?:dollars?[\s-]off|percent(?:age)?[\s-]off|price[\s-]point|bogo|cash[\s-]?back|points)\b/i;
const VALUE_WORDS = new RegExp(String.raw`(?:${MONEY}|${NUMBER}${PERCENT})\s*(?:off|back)\b`, "i");

/** "$30 fill up", "$20 gift card", "5k covers": money before words that are no item sold at that price. */
const NOT_PRICED = String.raw`(?:covers?|fill[\s-]?ups?|gift|credits?|vouchers?|worth|apiece|a\s+(?:bag|piece|gallon|unit|pop))\b`;

/** "10 off dinner", "500 off first month rent": a bare number taken off is dollars, since a percent says so. */
const BARE_OFF = String.raw`${NUMBER}(?=\s+off\b)`;
const OR_MORE = String.raw`(?:\s+or\s+more|\+)?`;
const MULTIPLIERS: Record<string, number> = { double: 2, twice: 2, triple: 3, quadruple: 4 };

/** "$10 off $50", "20% off orders over $100", "$10 off when you spend $50": a discount with a minimum spend. */
const THRESHOLD = String.raw`(?:(?:on\s+)?(?:orders?|purchases?)\s+(?:over|of|above)\s+(${AMOUNT})|when\s+you\s+spend\s+(${AMOUNT})|with\s+a\s+(?:purchase|minimum(?:\s+spend)?)\s+of\s+(${AMOUNT})|(?:a\s+|your\s+|any\s+)?(${MONEY})(?:\s+(?:purchase|order))?)${OR_MORE}`;
/** "$5 cash back on purchases over $25": only spelled-out thresholds, so "cash back $6k budget" is not one. */
const SPEND_OVER = String.raw`(?:on\s+)?(?:(?:any\s+)?(?:orders?|purchases?)\s+(?:over|of|above)|when\s+you\s+spend|with\s+a\s+(?:purchase|minimum(?:\s+spend)?)\s+of)\s+(${AMOUNT})${OR_MORE}`;

const percentOrDollarsOff = (raw: string | undefined): Pick<Offer, "offerType" | "offerValue"> => {
  const found = readUnitValue(raw ?? "");
  return {
    offerType: found?.unit === "%" ? "percentage_savings" : "dollars_off",
    offerValue: found?.value,
  };
};

/** Most specific first: "BOGO 50% off" is a BOGO, not a 50% discount; "spend $100 get $20" is not "$20 off". */
const OFFERS: [RegExp, Reader][] = [
  [
    rx(
      String.raw`\b(?:bogo|b1g1|buy\s+one(?:\s+(${ITEM}))?,?\s+get\s+one)\b(?:\s+(?:at\s+|for\s+)?(?:(free)\b|(half)\s+off\b|(${NUMBER})${PERCENT}(?:\s+off\b)?))?${ON_ITEM}`,
    ),
    ([, bought, free, half, percent, after]) => ({
      offerType: "bogo",
      // "BOGO" alone means the second one is free.
      offerValue: free ? 100 : half ? 50 : (num(percent) ?? 100),
      itemName: item(bought ?? after),
    }),
  ],
  [
    rx(
      String.raw`\bfree\s+(?!(?:item|gift)\s+with\s+purchase\b)(${TIMED_ITEM})\s+(?:with|when\s+you\s+(?:buy|purchase|sign|order|get))\s+(?:(?:any\s+|a\s+|your\s+)?(purchase)\b(?!\s+of\b)|(?:(?:the\s+)?purchase\s+of\s+)?(?:(?:any|an?|every|each|one)\s+)?(?:([2-9])\s+(?=[a-z]))?(${TIMED_ITEM}))`,
    ),
    // "free app when you order 2 entrees": the count is part of what must be bought.
    ([, free, anyPurchase, count, qualifying]) => ({
      offerType: "free_with_purchase",
      itemName: item(free),
      qualifyingItem: item(qualifying && count ? `${count} ${qualifying}` : (qualifying ?? anyPurchase)),
    }),
  ],
  [
    // "free bag of ice when you spend $30+": the minimum is read on its own below.
    rx(String.raw`\bfree\s+(${ITEM})(?=\s+(?:when|if)\s+(?:you|they|customers?)\s+spend\b)`),
    ([, free]) => ({ offerType: "free_with_purchase", itemName: item(free), qualifyingItem: "purchase" }),
  ],
  [
    // "$0.10 a gallon off", "$0.15/gal cash back", "save $0.10 per gallon": an amount per unit sold.
    rx(
      String.raw`(?:\b(?:save|take)\s+)?(${MONEY})\s*(off\s+)?(?:a|an|per|each|\/)\s*(${PER_UNIT})\b(?:\s+(?:(off|discount)|(?:in\s+)?(cash[\s-]?back)))?`,
    ),
    ([, value, offBefore, unit, offAfter, cashBack]) => ({
      offerType: cashBack && !offBefore && !offAfter ? "cashback" : "dollars_off",
      offerValue: num(value),
      ...(cashBack && { valueUnit: "$" as const }),
      itemName: `per ${PER_UNIT_WORDS[(unit ?? "").toLowerCase()]}`,
    }),
  ],
  [
    // "spend 40 get a free dessert": a free item earned by a minimum spend.
    rx(
      String.raw`\bspend\s+(?:at\s+least\s+)?(${AMOUNT})${OR_MORE}\s*[,-]?\s*(?:and\s+|&\s+)?(?:get|receive|earn)\s+(?:an?\s+)?free\s+(${ITEM})`,
    ),
    ([, spend, free]) => ({
      offerType: "free_with_purchase",
      itemName: item(free),
      qualifyingItem: "purchase",
      minimumSpend: num(spend),
    }),
  ],
  [
    // "spend $40 get $10 back as cash back", "spend $50, get 5% cash back": cash back with a minimum spend.
    rx(
      String.raw`\bspend\s+(?:at\s+least\s+)?(${AMOUNT})${OR_MORE}\s*[,-]?\s*(?:and\s+|&\s+)?(?:get|receive|earn)\s+(${UNIT_VALUE})\s+(?:back\s+)?(?:(?:as|in)\s+)?cash[\s-]?back\b${ON_ITEM_ONLY}`,
    ),
    ([, spend, value, on]) => {
      const found = readUnitValue(value ?? "");
      return {
        offerType: "cashback",
        offerValue: found?.value,
        valueUnit: found?.unit,
        minimumSpend: num(spend),
        itemName: item(on),
      };
    },
  ],
  [
    rx(
      String.raw`\bspend\s+(?:at\s+least\s+)?(${AMOUNT})${OR_MORE}(?:\s+on\s+(${ITEM}))?\s*[,-]?\s*(?:and\s+|&\s+)?(?:get|receive|earn|save|take)\s+(?:an?\s+)?(${AMOUNT})(?:\s+(?:(gift\s+card|voucher|store\s+credit|credit)|off|back|reward)\b)?${ON_ITEM_ONLY}`,
    ),
    // What is got ("a $25 credit") and what the money is spent on ("on amenity fees") are kept apart.
    ([, spend, onSpend, reward, card, onReward]) => ({
      offerType: "spend_and_get",
      minimumSpend: num(spend),
      offerValue: num(reward),
      itemName: item(card ?? onReward),
      qualifyingItem: item(onSpend),
    }),
  ],
  [
    rx(String.raw`(${MONEY}|${NUMBER}${PERCENT}|${BARE_OFF})\s+off\s+${THRESHOLD}${ON_ITEM_ONLY}`),
    ([, value, spendOver, spendWhen, spendWith, spendAny, on]) => ({
      ...percentOrDollarsOff(value),
      minimumSpend: num(spendOver ?? spendWhen ?? spendWith ?? spendAny),
      itemName: item(on),
    }),
  ],
  [
    // "$3 back when you spend $30+": money back is cash back.
    rx(String.raw`(${MONEY})\s+back\b(?!\s+(?:as|in)\s+cash)(?:\s+${SPEND_OVER})?${ON_ITEM_ONLY}`),
    ([, value, spend, on]) => ({
      offerType: "cashback",
      offerValue: num(value),
      valueUnit: "$",
      minimumSpend: num(spend),
      itemName: item(on),
    }),
  ],
  [
    rx(String.raw`(?:(${UNIT_VALUE})\s*(?:in\s+)?)?\bcash[\s-]?back\b(?:\s+${SPEND_OVER})?${ON_ITEM_ONLY}`),
    ([, value, spend, on]) => {
      const found = value ? readUnitValue(value) : undefined;
      return {
        offerType: "cashback",
        offerValue: found?.unit ? found.value : undefined,
        valueUnit: found?.unit,
        minimumSpend: num(spend),
        itemName: item(on),
      };
    },
  ],
  [
    rx(
      String.raw`(?:(${NUMBER})\s?x|\b(double|twice|triple|quadruple)|(${NUMBER})\s+times(?:\s+the)?)\s+(?:the\s+)?(?:loyalty\s+|reward\s+|bonus\s+)?points\b${ON_ITEM_ONLY}`,
    ),
    ([, times, word, timesWord, on]) => ({
      offerType: "loyalty_points",
      offerValue: word ? MULTIPLIERS[word.toLowerCase()] : num(times ?? timesWord),
      valueUnit: "x",
      itemName: item(on),
    }),
  ],
  [
    rx(
      String.raw`(${NUMBER}(?:\s?k\b)?)\s*(?:bonus\s+|loyalty\s+|reward\s+)?(?:points|pts)\b(?:\s+${SPEND_OVER})?${ON_ITEM_ONLY}`,
    ),
    ([, points, spend, on]) => ({
      offerType: "loyalty_points",
      offerValue: num(points),
      valueUnit: "points",
      minimumSpend: num(spend),
      itemName: item(on),
    }),
  ],
  [rx(String.raw`\b(?:loyalty|bonus|reward)\s+points\b`), () => ({ offerType: "loyalty_points" })],
  [
    rx(
      String.raw`(${NUMBER})${PERCENT}\s*(?:off|discount)\b${ON_ITEM}|\b(?:discount|save|take)\s+(?:of\s+)?(${NUMBER})${PERCENT}(?:\s+off\b)?${ON_ITEM}`,
    ),
    ([, after, onAfter, before, onBefore]) => ({
      offerType: "percentage_savings",
      offerValue: num(after ?? before),
      itemName: item(onAfter ?? onBefore),
    }),
  ],
  [
    rx(
      String.raw`(${MONEY}|${BARE_OFF})\s*(?:off|discount)\b${ON_ITEM}|\b(?:save|take)\s+(${MONEY})(?:\s+off\b)?${ON_ITEM}`,
    ),
    ([, after, onAfter, before, onBefore]) => ({
      offerType: "dollars_off",
      offerValue: num(after ?? before),
      itemName: item(onAfter ?? onBefore),
    }),
  ],
  [
    // "$9.99 oil change", "oil change for $9.99": an item at a price.
    rx(
      String.raw`(${MONEY})\s+(?!${NOT_PRICED})(${ITEM})|\b(?:(?:an?|the|one)\s+)?(${ITEM})\s+for\s+(?:just\s+|only\s+)?(${MONEY})`,
    ),
    ([, price, named, itemBefore, priceAfter]) => ({
      offerType: "price_point",
      offerValue: num(price ?? priceAfter),
      itemName: item(named ?? itemBefore),
    }),
  ],
  [
    rx(String.raw`\bpercent(?:age)?[\s-](?:off|discount|savings?)\b`),
    () => ({ offerType: "percentage_savings" }),
  ],
  [
    rx(String.raw`\b(?:fixed[\s-]amount|dollars?[\s-]off|dollar\s+discount|amount\s+off)\b`),
    () => ({ offerType: "dollars_off" }),
  ],
  [rx(String.raw`\bspend[\s-](?:and|&|n)[\s-]get\b`), () => ({ offerType: "spend_and_get" })],
  [
    rx(String.raw`\bfree[\s-](?:item|gift)(?:\s+with\s+purchase)?\b|\bfree\s+with\s+purchase\b`),
    () => ({ offerType: "free_with_purchase" }),
  ],
  [
    // "a free medium coffee" on its own: free with any purchase until a qualifying item is named.
    rx(String.raw`\bfree\s+(?!(?:item|gift|with|of|for|to|shipping)\b)(${ITEM})`),
    ([, free]) => ({ offerType: "free_with_purchase", itemName: item(free) }),
  ],
  [rx(String.raw`\bprice[\s-]point\b`), () => ({ offerType: "price_point" })],
  [rx(String.raw`\bclick[\s-]?thr(?:ough|u)\b`), () => ({ offerType: "clickthrough" })],
];

const ABOUT = String.raw`(?:(?:normally|usually|regularly|typically|about|around|roughly|maybe|prob(?:ably)?|(?:more\s+)?like|approx(?:imately)?)\s+)*`;

/** "a latte is $5", "an oil change costs $45", "regular price $45": what the item normally costs. */
const ITEM_PRICE = rx(
  [
    String.raw`\b(?:(?:a|an|one|each|the|our)\s+)?(?:${ITEM}|they['’]re|they|those|these)\s+(?:is|are|costs?(?:\s+us)?|sells?\s+for|goes\s+for|runs?)\s+${ABOUT}(${MONEY}|${NUMBER}(?=\s*(?:each|apiece|a\s+piece|\/\s*\w+)))`,
    String.raw`\b(?:they['’]re|they\s+are|those\s+are)\s+${ABOUT}(${MONEY})(?!\s*(?:off|back|cash|budget))`,
    // "avg tool is maybe 150", "average price $150", "avg is 150 not 60"
    String.raw`\b(?:avg|average|typical)\s+(?:(?!is\b)[a-z]+\s+)?(?:price\s+|cost\s+|ticket\s+|sale\s+)?(?:is\s+|are\s+|of\s+|runs?\s+|costs?\s+|:\s*|=\s*)?${ABOUT}(${MONEY}|${NUMBER})(?!\s*(?:%|k\b|per\b|total\b|x\b|uses?\b))`,
    String.raw`\b(?:regular(?:ly)?|normal(?:ly)?|usual(?:ly)?|full|retail|list|item)\s+(?:price\s+)?(?:is\s+|of\s+|:\s*)?(${MONEY}|${NUMBER}(?!\s*(?:%|k\b|per\b|total\b|uses?\b|x\b)))`,
    // "it's normally 22": a bare number after "normally" is a price unless a count follows.
    String.raw`\b(?:normally|usually|regularly|typically)\s+(?:costs?\s+|sells?\s+for\s+|runs?\s+|priced\s+at\s+)?(${AMOUNT})(?!\s*(?:%|k\b|per\b|total\b|uses?\b|times\b|x\b|customers?\b|redemptions?\b|people\b))`,
  ].join("|"),
);

const UNIT_TYPES: Record<"%" | "$", readonly OfferType[]> = {
  "%": ["percentage_savings", "bogo", "cashback"],
  $: ["dollars_off", "cashback", "spend_and_get", "price_point"],
};
const UNIT_DEFAULT: Record<"%" | "$", OfferType> = { "%": "percentage_savings", $: "dollars_off" };
/** Only a plain discount changes kind with its unit; "$5" on a points offer is not a new offer. */
const SWITCHABLE: readonly OfferType[] = ["percentage_savings", "dollars_off"];

/**
 * A new value for the offer already in the draft. A unit that contradicts its type switches
 * between percent and dollars off ("make it 25%" on a $10-off offer), and cash back between a
 * percent and an amount; any other contradiction is left out rather than guessed.
 */
export function valueForDraft(
  value: number,
  unit: "%" | "$" | undefined,
  draftType: OfferType | undefined,
): DraftPatch | undefined {
  if (draftType === "cashback" && unit) return { offerValue: value, valueUnit: unit satisfies ValueUnit };
  if (!draftType || !unit || UNIT_TYPES[unit].includes(draftType)) return { offerValue: value };
  return SWITCHABLE.includes(draftType) ? { offerType: UNIT_DEFAULT[unit], offerValue: value } : undefined;
}

/** "make it 25%", "change it to 25", "bump the discount to $15", "raise the price to $12.99", "30% instead". */
const CORRECTION = rx(
  String.raw`\b(?:make|change|set|update|bump|raise|lower|drop|increase|decrease|cut)\s+(?:it|that|this|the\s+(?:offer\s+|discount\s+)?(?:value|amount|discount|offer|price))\s+(?:up\s+|down\s+)?(?:to\s+)?(${UNIT_VALUE}|${NUMBER})(?=\s*(?:off\b|instead\b|please\b|and\b|but\b|with\b|$|[.,;!]))|(${UNIT_VALUE})\s+instead\b`,
);

const LONE_PERCENT = rx(String.raw`(${NUMBER})${PERCENT}(?!\s*(?:max|cap|of\b))`);

/** "actually 3x", "make it double": a new multiplier for a points-multiplier offer. */
const MULTIPLIER_CORRECTION = rx(
  String.raw`(?:^|[\s,;:]|\b(?:make\s+it|change\s+it\s+to|go\s+with|actually)\s+)(?:(${NUMBER})\s?x|(double|triple|quadruple))(?![\w-])`,
);

function readCorrection(scan: Scan, draft: DraftPatch): DraftPatch | undefined {
  if (draft.offerType === "loyalty_points" && draft.valueUnit === "x") {
    const [multiplier] = scan.take(MULTIPLIER_CORRECTION);
    if (multiplier) {
      const word = multiplier[2]?.toLowerCase();
      return { offerValue: word ? MULTIPLIERS[word] : num(multiplier[1]) };
    }
  }
  const draftType = draft.offerType;
  if (draftType && draft.offerValue === undefined) {
    // The value is what is missing ("ok 50% then" after a refused 150%): a lone percent is it.
    const [percent] = scan.take(LONE_PERCENT);
    const value = num(percent?.[1]);
    if (value !== undefined) return valueForDraft(value, "%", draftType);
  }
  const [match] = scan.take(CORRECTION);
  const raw = match?.[1] ?? match?.[2];
  if (!raw) return undefined;
  const found = readUnitValue(raw);
  return found && valueForDraft(found.value, found.unit, draftType);
}

/** What the offer is on, said apart from the value: "…, parts only", "$500 off first month's rent". */
/** "only for new customers" names who, not what: those words are left to the audience rule. */
const AUDIENCE_WORDS = String.raw`(?:new\s+|existing\s+|loyal\s+|rewards?\s+|first[\s-]time\s+|vip\s+)?(?:customers?|members?|dealers?|residents?|tenants?|guests?|users?|people|students|seniors|vips?|subscribers|employees|staff|families|locals|regulars|leases)\b`;
const AUDIENCE_ONLY = new RegExp(String.raw`^(?:fleets?|${AUDIENCE_WORDS})$`, "i");
const SCOPE = rx(
  String.raw`(?:^|[,;.]\s*)(${ITEM})\s+only\b|\b(first\s+month'?s?\s+rent)\b|\b(?:only|just)\s+(?:on|for(?!\s+(?:\S+\s+)?${AUDIENCE_WORDS}))\s+(?:(?:a|an|the|our)\s+)?(${ITEM})`,
);

/** A minimum said on its own, anywhere: "min spend 50 bucks", "on orders over $500", "when you spend $1000 or more". */
const MINIMUM_SPEND = rx(
  [
    String.raw`\bmin(?:imum)?\.?\s+(?:spend|purchase|order|basket)(?:\s+(?:of|is|at))?\s*:?\s*(${AMOUNT})`,
    // "min $30 fill up", "minimum $75"
    String.raw`\bmin(?:imum)?\.?\s+(?:of\s+)?(${MONEY})`,
    String.raw`\b(?:with\s+a\s+)?(${MONEY})\s+min(?:imum)?(?:\s+(?:spend|purchase|order))?\b`,
    String.raw`\b(?:on|for)\s+(?:any\s+)?(?:orders?|purchases?|baskets?)\s+(?:over|of|above)\s+(${AMOUNT})${OR_MORE}`,
    String.raw`\b(?:when|if)\s+(?:you|they|customers?)\s+spend\s+(?:at\s+least\s+|over\s+)?(${AMOUNT})${OR_MORE}`,
    String.raw`(?:\b(?:purchase|order|fill[\s-]?up|visit|basket)\s+)?\bof\s+(${MONEY})\s*(?:or\s+more|\+)`,
    // "any entree over $30"
    String.raw`\b(?:over|above)\s+(${MONEY})${OR_MORE}`,
    // "make the min $75", "change the minimum spend to $75", "min $75 not 100"
    String.raw`\b(?:make|change|set|lower|raise|drop|bump)\s+the\s+min(?:imum)?(?:\s+(?:spend|purchase|order))?\s+(?:to\s+)?(${AMOUNT})`,
    // "actually make it spend $50", "spend $75 instead"
    String.raw`\b(?:make\s+it|change\s+it\s+to)\s+(?:a\s+)?spend(?:\s+of)?\s+(${AMOUNT})|\bspend\s+(${AMOUNT})\s+instead\b`,
  ].join("|"),
);

const LIGHTNING = rx(
  String.raw`\b(?:(not?|non)[\s-]+(?:an?\s+)?)?(?:lightning|flash\s+(?:sale|deal|offer))s?\b`,
);

const OFFER_DETAILS = ["offerValue", "valueUnit", "minimumSpend", "itemName", "qualifyingItem"] as const;

/** Offer type, value and what it is on, the item's price, corrections of the value, and the lightning flag. */
/** "the free item is a medium coffee", "with purchase of a fuel fill-up": the two items named outright. */
const FREE_ITEM_IS = rx(
  String.raw`\bfree\s+item\s+(?:is|=|:|will\s+be|should\s+be)\s+(?:(?:a|an|the|one)\s+)?(${ITEM})`,
);
const PURCHASE_OF = rx(
  String.raw`\b(?:with|on|for)\s+(?:the\s+)?purchase\s+of\s+(?:(?:a|an|any|one|the)\s+)?(${ITEM})|\b(?:has\s+to\s+be|must\s+be|needs\s+to\s+be|only\s+with)\s+(?:a|an|the)\s+(${ITEM})\s+purchase\b`,
);

/** "buy 2 get 1 free", "B2G1", "buy two get one": more than one bought, which Kigo's BOGO cannot hold. */
const BUY_X_GET_Y = rx(
  String.raw`\b(?:buy\s+(\d+|two|three|four|five)\s+(?:(${ITEM})\s*)?,?\s*get\s+(\d+|one|two|three)|b([2-9])g([1-9]))\b(?:\s+(?:free|half\s+off|\d+%\s*off))?(?:\s+(?:on\s+)?(${ITEM}))?`,
);
const COUNT_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5 };
const countOf = (raw: string | undefined) => COUNT_WORDS[(raw ?? "").toLowerCase()] ?? Number(raw);

function refusedBuyXGetY(scan: Scan, notes: string[]): void {
  for (const match of scan.take(BUY_X_GET_Y)) {
    const bought = countOf(match[1] ?? match[4]);
    const got = countOf(match[3] ?? match[5]);
    const percent = Math.round((100 * got) / (bought + got));
    const item = match[2] ?? match[6];
    const on = item ? ` ${item}` : "";
    notes.push(
      `Kigo can't run "buy ${bought}, get ${got}" offers yet: its buy-one-get-one covers one bought and one free or discounted. Say "BOGO${on}" for buy one, get one free, or "${percent}% off${on}", which gives the same saving as buy ${bought}, get ${got} free.`,
    );
  }
}

/** "change app to appetizer", "rename the item to oil change": the item named anew. */
const RENAME = rx(
  String.raw`\b(?:change|rename|switch|replace)\s+(?:the\s+(?:item\s+)?)?["'“‘]?(${ITEM})["'”’]?\s+(?:to|with|into)\s+["'“‘]?(?:(?:a|an|the)\s+)?(${ITEM})["'”’]?`,
);

function renamedItem(scan: Scan, patch: DraftPatch, draft: DraftPatch): void {
  const same = (a: string | undefined, b: string | undefined) =>
    a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase();
  scan.take(RENAME, (match) => {
    const [, old, named] = match;
    const field = same(old, draft.itemName)
      ? "itemName"
      : same(old, draft.qualifyingItem)
        ? "qualifyingItem"
        : undefined;
    const renamed = item(named);
    if (!field || !renamed) return false;
    patch[field] = renamed;
    return true;
  });
}

export const readOffer: Rule = (scan, patch, context, notes) => {
  refusedBuyXGetY(scan, notes);
  renamedItem(scan, patch, context.draft);
  // Before the offers: "free item" would otherwise be read as the kind alone.
  const free = agreedDefined(scan.take(FREE_ITEM_IS).map((match) => item(match[1])));
  const price = agreedDefined(scan.take(ITEM_PRICE).map((match) => num(match.slice(1).find(Boolean))));
  if (price !== undefined) patch.itemPrice = price;
  // "$N something" said about an offer of another kind is a detail of it, not a new price-point offer;
  // "$500 off" said about a click-through names what the linked page offers, not a new kind.
  const draftType = context.draft.offerType;
  const otherKind = draftType !== undefined && draftType !== "price_point";
  const keepsLink = draftType === "clickthrough" && !NAMED_KIND.test(scan.text);
  const kept = (offer: Offer) =>
    !(otherKind && offer.offerType === "price_point") && !(keepsLink && offer.offerType !== "clickthrough");
  const offers = OFFERS.flatMap(([pattern, read]) =>
    scan.take(pattern, (match) => kept(read(match))).map(read),
  );
  if (keepsLink && scan.has(VALUE_WORDS))
    notes.push(
      'A click-through offer carries no discount in Kigo: it sends customers to the link. Put the deal in the title or description (e.g. description "$500 off your first month\'s rent"), or say "make it dollars off" to change the kind of offer.',
    );
  const offerType = agreed(offers.map((offer) => offer.offerType));
  if (offerType) {
    patch.offerType = offerType;
    for (const field of OFFER_DETAILS) {
      const value = agreedDefined(offers.map((offer) => offer[field]));
      if (value !== undefined) Object.assign(patch, { [field]: value });
    }
    // "points for every fleet purchase": the fleet is who, not what.
    if (patch.itemName && AUDIENCE_ONLY.test(patch.itemName)) delete patch.itemName;
  } else if (offers.length === 0) {
    Object.assign(patch, readCorrection(scan, context.draft));
  }
  if (patch.itemName === undefined && (patch.offerType ?? context.draft.offerType) !== undefined) {
    const [scope] = scan.take(SCOPE);
    const named = scope && item(scope[1] ?? (scope[2] ? "first month's rent" : scope[3]));
    if (named) patch.itemName = named;
  }
  if (free && patch.itemName === undefined)
    Object.assign(patch, { offerType: "free_with_purchase", itemName: free });
  const qualifying = agreedDefined(scan.take(PURCHASE_OF).map((match) => item(match[1] ?? match[2])));
  if (qualifying && patch.qualifyingItem === undefined) patch.qualifyingItem = qualifying;
  if (patch.minimumSpend === undefined) {
    const minimum = agreedDefined(scan.take(MINIMUM_SPEND).map((match) => num(match.slice(1).find(Boolean))));
    if (minimum !== undefined) patch.minimumSpend = minimum;
  }
  const lightning = agreed(scan.take(LIGHTNING).map((match) => match[1] === undefined));
  if (lightning !== undefined) patch.lightning = lightning;
};
