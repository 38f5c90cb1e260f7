import type { DraftPatch, OfferType } from "../../draft.js";
import { AMOUNT, MONEY, NUMBER, PERCENT, readNumber, readUnitValue, UNIT_VALUE } from "./numbers.js";
import { agreed, agreedDefined, type Rule, type Scan } from "./scan.js";

interface Offer {
  offerType: OfferType;
  offerValue?: number | undefined;
  minimumSpend?: number | undefined;
}

type Reader = (match: RegExpExecArray) => Offer;

const rx = (source: string) => new RegExp(source, "gi");
const num = (raw: string | undefined) => readNumber(raw ?? "");
const spendAndGet = (spend: string | undefined, reward: string | undefined): Offer => ({
  offerType: "spend_and_get",
  minimumSpend: num(spend),
  offerValue: num(reward),
});

/** Most specific first: "BOGO 50% off" is a BOGO, not a 50% discount; "spend $100 get $20" is not "$20 off". */
const OFFERS: [RegExp, Reader][] = [
  [
    rx(
      String.raw`\b(?:bogo|b1g1|buy\s+one,?\s+get\s+one)\b(?:\s+(?:at\s+|for\s+)?(?:(free)\b|(half)\s+off\b|(${NUMBER})${PERCENT}(?:\s+off\b)?))?`,
    ),
    ([, free, half, percent]) => ({
      offerType: "bogo",
      offerValue: free ? 100 : half ? 50 : num(percent),
    }),
  ],
  [
    rx(
      String.raw`\bspend\s+(?:at\s+least\s+)?(${AMOUNT})(?:\s+or\s+more|\+)?\s*[,-]?\s*(?:and\s+|&\s+)?(?:get|receive|earn|save|take)\s+(${AMOUNT})(?:\s+(?:off|back|credit|reward)\b)?`,
    ),
    ([, spend, reward]) => spendAndGet(spend, reward),
  ],
  [
    rx(
      String.raw`(${MONEY})\s+off\s+(?:when\s+you\s+spend|(?:on\s+)?(?:orders?|purchases?)\s+(?:over|of|above)|with\s+a\s+(?:purchase|minimum)\s+of)\s+(${AMOUNT})(?:\s+or\s+more|\+)?`,
    ),
    ([, reward, spend]) => spendAndGet(spend, reward),
  ],
  [
    // The draft's cashback value is dollars, so a percentage cashback gives the type but no value.
    rx(String.raw`(?:(${UNIT_VALUE})\s*(?:in\s+)?)?\bcash[\s-]?back\b`),
    ([, value]) => {
      const found = value ? readUnitValue(value) : undefined;
      return { offerType: "cashback", offerValue: found?.unit === "$" ? found.value : undefined };
    },
  ],
  [
    rx(String.raw`(${NUMBER}(?:\s?k\b)?)\s*(?:bonus\s+|loyalty\s+|reward\s+)?(?:points|pts)\b`),
    ([, points]) => ({ offerType: "loyalty_points", offerValue: num(points) }),
  ],
  [
    // A multiplier is not a number of points; the draft has no field for it.
    rx(
      String.raw`\b(?:\d+(?:\.\d+)?x|double|triple)\s+(?:the\s+)?(?:loyalty\s+|reward\s+|bonus\s+)?points\b|\b(?:loyalty|bonus|reward)\s+points\b`,
    ),
    () => ({ offerType: "loyalty_points" }),
  ],
  [
    rx(
      String.raw`(${NUMBER})${PERCENT}\s*(?:off|discount)\b|\b(?:discount|save|take)\s+(?:of\s+)?(${NUMBER})${PERCENT}`,
    ),
    ([, after, before]) => ({ offerType: "percentage_discount", offerValue: num(after ?? before) }),
  ],
  [
    rx(String.raw`(${MONEY})\s*(?:off|discount)\b|\b(?:save|take)\s+(${MONEY})(?:\s+off\b)?`),
    ([, after, before]) => ({ offerType: "fixed_amount", offerValue: num(after ?? before) }),
  ],
  [rx(String.raw`\bpercent(?:age)?[\s-](?:off|discount)\b`), () => ({ offerType: "percentage_discount" })],
  [
    rx(String.raw`\b(?:fixed[\s-]amount|dollars?[\s-]off|dollar\s+discount|amount\s+off)\b`),
    () => ({ offerType: "fixed_amount" }),
  ],
  [rx(String.raw`\bspend[\s-](?:and|&|n)[\s-]get\b`), () => ({ offerType: "spend_and_get" })],
];

const UNIT_TYPES: Record<"%" | "$", readonly OfferType[]> = {
  "%": ["percentage_discount", "bogo"],
  $: ["fixed_amount", "cashback", "spend_and_get"],
};
const UNIT_DEFAULT: Record<"%" | "$", OfferType> = { "%": "percentage_discount", $: "fixed_amount" };
/** Only a plain discount changes kind with its unit; "$5" on a points offer is not a new offer. */
const SWITCHABLE: readonly OfferType[] = ["percentage_discount", "fixed_amount"];

/**
 * A new value for the offer already in the draft. A unit that contradicts its type switches
 * between percent and dollars off ("make it 25%" on a $10-off offer); any other contradiction is
 * left out rather than guessed.
 */
export function valueForDraft(
  value: number,
  unit: "%" | "$" | undefined,
  draftType: OfferType | undefined,
): DraftPatch | undefined {
  if (!draftType || !unit || UNIT_TYPES[unit].includes(draftType)) return { offerValue: value };
  return SWITCHABLE.includes(draftType) ? { offerType: UNIT_DEFAULT[unit], offerValue: value } : undefined;
}

/** "make it 25%", "change it to 25", "bump the discount to $15", "30% instead". */
const CORRECTION = rx(
  String.raw`\b(?:make|change|set|update|bump|raise|lower|drop|increase|decrease|cut)\s+(?:it|that|this|the\s+(?:offer\s+|discount\s+)?(?:value|amount|discount|offer))\s+(?:up\s+|down\s+)?(?:to\s+)?(${UNIT_VALUE}|${NUMBER})(?=\s*(?:off\b|instead\b|please\b|and\b|but\b|with\b|$|[.,;!]))|(${UNIT_VALUE})\s+instead\b`,
);

function readCorrection(scan: Scan, draftType: OfferType | undefined): DraftPatch | undefined {
  const [match] = scan.take(CORRECTION);
  const raw = match?.[1] ?? match?.[2];
  if (!raw) return undefined;
  const found = readUnitValue(raw);
  return found && valueForDraft(found.value, found.unit, draftType);
}

const LIGHTNING = rx(
  String.raw`\b(?:(not?|non)[\s-]+(?:an?\s+)?)?(?:lightning|flash\s+(?:sale|deal|offer))s?\b`,
);

/** Offer type and value, spend threshold, corrections of the value, and the lightning flag. */
export const readOffer: Rule = (scan, patch, context) => {
  const offers = OFFERS.flatMap(([pattern, read]) => scan.take(pattern).map(read));
  const offerType = agreed(offers.map((offer) => offer.offerType));
  if (offerType) {
    patch.offerType = offerType;
    const value = agreedDefined(offers.map((offer) => offer.offerValue));
    if (value !== undefined) patch.offerValue = value;
    const spend = agreedDefined(offers.map((offer) => offer.minimumSpend));
    if (spend !== undefined) patch.minimumSpend = spend;
  } else if (offers.length === 0) {
    Object.assign(patch, readCorrection(scan, context.draft.offerType));
  }
  const lightning = agreed(scan.take(LIGHTNING).map((match) => match[1] === undefined));
  if (lightning !== undefined) patch.lightning = lightning;
};
