import { CHANNELS, type Channel, type DraftField } from "../../draft.js";
import type { ExtractContext } from "../types.js";
import { isCode } from "./codes.js";
import { readDateFields } from "./dates.js";
import { BARE_NO_LIMIT } from "./limits.js";
import { AMOUNT, COUNT, NUMBER, readNumber, readUnitValue, UNIT_VALUE } from "./numbers.js";
import { readOffer, valueForDraft } from "./offer.js";
import { readUrl } from "./redemption.js";
import { type Rule, Scan } from "./scan.js";
import { objectiveText } from "./text.js";
import { readTimeZone } from "./timezone.js";

/** Unchecked: the caller validates every field (validate.ts). */
export type Proposal = Partial<Record<DraftField, unknown>>;
type Answer = (reply: string, context: ExtractContext) => Proposal | undefined;

/** Free text answered at length: the reply is the value, and the rest of the rules still read it. */
export const PROSE_FIELDS: ReadonlySet<DraftField> = new Set([
  "businessObjective",
  "offerDescription",
  "termsConditions",
  "exclusions",
]);

/** Short free text: the whole reply is the name, and nothing else is read from it. */
const NAME_FIELDS: ReadonlySet<DraftField> = new Set(["offerTitle", "merchantName", "campaign"]);

const whole = (source: string) => new RegExp(`^(?:${source})$`, "i");

const LEAD =
  /^(?:(?:ok(?:ay)?|sure|so|um+|hmm+|well|actually|maybe|probably|idk|i\s+guess|just|only|like|let'?s\s+(?:do|go\s+with|say|make\s+it|use)|go\s+with|make\s+it|set\s+it\s+to|use|how\s+about|about|around|roughly|approximately|it'?s|it\s+is|i'?d\s+say|we'?ll\s+(?:do|use|go\s+with))[\s,:]+|~\s*)/i;
const TAIL =
  /[\s,]*(?:please|thanks|thank\s+you|i\s+think|i\s+guess|for\s+now|(?:like|as)\s+i\s+said|i\s+said|tops|or\s+so|ish|bucks|(?:is|should\s+be|would\s+be|sounds)\s+(?:fine|plenty|enough|good|ok(?:ay)?|right)|works)?[\s.!?]*$/i;

/** "ok, let's do 50k please" → "50k". */
function bare(reply: string): string {
  // "400 (8k / 20)": the working in brackets is not the answer.
  let text = reply.replace(/\s*\([^)]*\)\s*/g, " ").trim();
  for (let previous = ""; previous !== text; ) {
    previous = text;
    text = text.replace(LEAD, "").replace(TAIL, "");
  }
  return text;
}

/** Words left over around a bare answer that say nothing of their own. */
const FILLER =
  /^(?:[\s,;&+/.!-]|\b(?:and|or|plus|the|both|also|on|in|at|from|starting|start|until|till|through|thru|by|of|ends?|ending|via|with)\b)*$/i;

const NON_ANSWER =
  /^(?:yes|no|nope|ok(?:ay)?|sure|none|n\/a|skip|pass|not\s+sure|no\s+idea|idk|dunno|i\s+don'?t\s+know|you\s+(?:choose|decide|pick)|cancel|help)$|\?$/i;

const unquoted = (text: string) => text.replace(/^["“'‘](.*)["”'’]$/s, "$1").trim();

/** "I already said HomeBase Hardware", "it's Sunrise Coffee": the name is what follows. */
const NAME_LEAD =
  /^(?:(?:i\s+(?:already\s+)?(?:said|told\s+you)|like\s+i\s+said|as\s+i\s+said|it'?s|it\s+is|that'?s|this\s+is\s+for|for|at|with|the\s+(?:merchant|title|campaign)\s+is|(?:merchant|title|campaign)\s*:|(?:call|name)\s+it)[\s,:]+)+/i;

/** A reply that starts like an instruction is not a name: "actually make it tuesday only". */
const NOT_A_NAME_START =
  /^(?:actually|make|change|set|move|switch|use|add|remove|drop|lower|raise|bump|no|not|and|but|also|please|can|could|what|which|why|how|when|where)\b/i;

const name =
  (field: DraftField): Answer =>
  (reply) => {
    const value = unquoted(unquoted(reply).replace(NAME_LEAD, "")).replace(/[.!]+$/, "");
    const unusable =
      !value ||
      NON_ANSWER.test(value) ||
      value.includes("\n") ||
      /^\d+$/.test(value) ||
      // "once", "3x": a count typed for another question is never a name.
      /^(?:once|twice|one|two|three|four|five|ten|\d+\s*x)$/i.test(value) ||
      NOT_A_NAME_START.test(value);
    return unusable ? undefined : { [field]: value };
  };

/** "no budget really, …", "no code needed": about another question, never prose for this one. */
const ABOUT_ANOTHER = /^(?:no|not)\s+(?:budget|code|codes|limit|cap|minimum|link|url|promo)\b/i;

const prose =
  (field: DraftField): Answer =>
  (reply) => {
    if (NON_ANSWER.test(reply) || ABOUT_ANOTHER.test(reply)) return undefined;
    return { [field]: field === "businessObjective" ? objectiveText(reply) : reply };
  };

const MONEY_ANSWER = whole(String.raw`(${AMOUNT})(?:\s+(?:budget|total|in\s+total|max(?:imum)?))?`);
const COUNT_ANSWER = whole(
  String.raw`(${COUNT})(?:\s+(?:uses?|redemptions?|times?|codes?|total|in\s+total|each|max(?:imum)?|per\s+(?:customer|person|user)))*`,
);
const VALUE_ANSWER = whole(String.raw`(${UNIT_VALUE}|${NUMBER})(?:\s+(?:off|back|cash\s?back|discount))?`);

const unitValueOf = (reply: string) => readUnitValue(VALUE_ANSWER.exec(reply)?.[1] ?? "");

const numeric =
  (field: DraftField, pattern: RegExp): Answer =>
  (reply) => {
    const value = readNumber(pattern.exec(reply)?.[1] ?? "");
    return value === undefined ? undefined : { [field]: value };
  };

const choice =
  (field: DraftField, options: [string, unknown][]): Answer =>
  (reply) => {
    const found = options.find(([source]) => whole(source).test(reply));
    return found && { [field]: found[1] };
  };

/** A reply that one rule reads in full: "Central time", a link. */
const viaRule =
  (rule: Rule): Answer =>
  (reply, context) => {
    const scan = new Scan(reply);
    const patch = {};
    rule(scan, patch, context, []);
    return Object.keys(patch).length > 0 && FILLER.test(scan.rest) ? patch : undefined;
  };

const date =
  (field: "startDate" | "endDate"): Answer =>
  (reply, context) => {
    const scan = new Scan(reply);
    const notes: string[] = [];
    const dates = readDateFields(scan, context, notes, field === "startDate" ? "start" : "end");
    // A reading the marketer must be told about is left to the whole-message reading, which passes its notes on.
    if (notes.length > 0 || Object.keys(dates).length === 0 || !FILLER.test(scan.rest)) return undefined;
    return dates;
  };

const LIST_SEPARATOR = /\s*(?:[,;&+/]|\band\b|\bplus\b)\s*/i;

/** "hub airdrop and activation links": every item must be understood, or it is not a bare answer. */
const list =
  <T>(field: DraftField, item: (part: string) => T[] | undefined): Answer =>
  (reply) => {
    const parts = reply.split(LIST_SEPARATOR).map((part) => part.replace(/^the\s+/i, "").trim());
    const items = parts.filter(Boolean).map(item);
    if (items.length === 0 || items.some((found) => found === undefined)) return undefined;
    return { [field]: [...new Set(items.flat())] };
  };

const ANY_PURCHASE =
  /^(?:anything|purchases?|orders?|item|thing|visit|whatever(?:\s+(?:they|you)\s+(?:buy|get))?|nothing\s+specific)$/i;

/** "a latte", "any pastry", "any purchase": the item without its article. */
const offerItem =
  (field: "itemName" | "qualifyingItem"): Answer =>
  (reply) => {
    const said = unquoted(reply)
      .replace(/^(?:with|on|for|when\s+(?:you|they)\s+(?:buy|purchase))\s+/i, "")
      .replace(/^(?:an?|the|any|one|every)\s+/i, "")
      .replace(/[.!]+$/, "");
    // "anything", "any order", "whatever they buy": the draft's word for any purchase.
    const item = field === "qualifyingItem" && ANY_PURCHASE.test(said) ? "purchase" : said;
    return NON_ANSWER.test(item) || item.includes("\n") || item.length > 120 ? undefined : { [field]: item };
  };

const CHANNEL_WORDS: [RegExp, readonly Channel[]][] = [
  [whole(String.raw`(?:hub\s+)?air[\s-]?drops?|hub`), ["hub_airdrop"]],
  [whole(String.raw`activation(?:\s+links?)?|links?`), ["activation_link"]],
  [
    whole(String.raw`(?:marketplace\s+)?promoted(?:\s+(?:in\s+the\s+)?marketplace)?`),
    ["marketplace_promoted"],
  ],
  [whole(String.raw`(?:marketplace\s+)?organic(?:\s+(?:in\s+the\s+)?marketplace)?`), ["marketplace_organic"]],
  [whole(String.raw`(?:all|every)(?:\s+(?:of\s+them|four|4|channels?))*|everything`), CHANNELS],
];

const channelsOf = (part: string) => {
  const found = CHANNEL_WORDS.find(([pattern]) => pattern.test(part));
  return found && [...found[1]];
};

const ANSWERS: Partial<Record<DraftField, Answer>> = {
  businessObjective: prose("businessObjective"),
  offerDescription: prose("offerDescription"),
  termsConditions: prose("termsConditions"),
  exclusions: prose("exclusions"),
  offerTitle: name("offerTitle"),
  merchantName: name("merchantName"),
  campaign: name("campaign"),

  totalBudget: numeric("totalBudget", MONEY_ANSWER),
  minimumSpend: numeric("minimumSpend", MONEY_ANSWER),
  usageLimitPerCustomer: (reply, context) =>
    BARE_NO_LIMIT.test(reply)
      ? { unlimitedPerCustomer: true }
      : numeric("usageLimitPerCustomer", COUNT_ANSWER)(reply, context),
  totalUsageLimit: (reply, context) =>
    BARE_NO_LIMIT.test(reply)
      ? { unlimitedTotal: true }
      : numeric("totalUsageLimit", COUNT_ANSWER)(reply, context),
  uniqueCodeCount: numeric("uniqueCodeCount", COUNT_ANSWER),
  merchantId: numeric("merchantId", whole(String.raw`#?(\d+)`)),
  // "25%", "$5", or the value in words the offer rule reads: "triple points", "10% cash back".
  offerValue: (reply, context) => {
    const found = unitValueOf(reply);
    if (found) return valueForDraft(found.value, found.unit, context.draft.offerType);
    return viaRule(readOffer)(reply, context);
  },
  itemName: offerItem("itemName"),
  qualifyingItem: offerItem("qualifyingItem"),
  maxDiscount: (reply) => {
    const found = unitValueOf(reply);
    return found && { maxDiscount: found.value, ...(found.unit && { maxDiscountUnit: found.unit }) };
  },

  programType: choice("programType", [
    [String.raw`closed(?:[\s-]?loop)?`, "closed_loop"],
    [String.raw`open(?:[\s-]?loop)?`, "open_loop"],
    ["hybrid|both|mixed", "hybrid"],
  ]),
  offerType: choice("offerType", [
    [String.raw`(?:a\s+)?(?:percent(?:age)?|%)(?:\s+(?:off|discount|savings?))?`, "percentage_savings"],
    [
      String.raw`(?:a\s+)?(?:fixed(?:[\s-]amount)?|dollars?|\$|amount)(?:\s+(?:off|discount))?`,
      "dollars_off",
    ],
    [String.raw`(?:a\s+)?(?:bogo|b1g1|buy\s+one,?\s+get\s+one)`, "bogo"],
    [String.raw`spend[\s-](?:and|&|n)[\s-]get`, "spend_and_get"],
    [String.raw`cash[\s-]?back`, "cashback"],
    [String.raw`(?:loyalty\s+|bonus\s+|reward\s+)?points|loyalty`, "loyalty_points"],
    [
      String.raw`(?:a\s+)?free\s+(?:item|gift)(?:\s+with\s+(?:a\s+)?purchase)?|free\s+with\s+purchase`,
      "free_with_purchase",
    ],
    [String.raw`(?:a\s+)?(?:price[\s-]point|set\s+price|special\s+price)`, "price_point"],
    [String.raw`(?:a\s+)?(?:click[\s-]?thr(?:ough|u)(?:\s+link)?|link\s+offer)`, "clickthrough"],
  ]),
  redemptionMethod: choice("redemptionMethod", [
    [String.raw`(?:an?\s+)?(?:(?:promo(?:tion(?:al)?)?|coupon|discount)\s+)?codes?|coupons?`, "promo_code"],
    [String.raw`show\s*(?:and|&|n|'n')\s*save`, "show_save"],
    [String.raw`(?:a\s+)?(?:bar\s?codes?|scan(?:ning)?|barcode\s+scan)`, "barcode"],
    [String.raw`(?:an?\s+)?(?:online(?:\s+link)?|link|url)`, "online_link"],
  ]),
  codeMode: choice("codeMode", [
    [
      String.raw`universal|(?:one|single|same|shared)(?:\s+code)?(?:\s+for\s+(?:everyone|everybody|all))?`,
      "universal",
    ],
    [String.raw`unique(?:\s+codes)?|many|individual(?:\s+codes)?`, "unique"],
  ]),
  locationScope: choice("locationScope", [
    [String.raw`all(?:\s+(?:locations|stores|of\s+them))?|everywhere|every\s+location`, "all"],
    [String.raw`(?:selected|specific|some)(?:\s+(?:locations|stores|of\s+them))?`, "selected"],
  ]),
  maxDiscountUnit: choice("maxDiscountUnit", [
    ["%|percent(?:age)?", "%"],
    [String.raw`\$|dollars?|usd`, "$"],
  ]),
  lightning: choice("lightning", [
    [String.raw`y|yes|yep|yeah|sure|ok(?:ay)?|please\s+do|lightning`, true],
    [String.raw`n|no|nope|nah|no\s+thanks|not?\s+(?:really|now|lightning)`, false],
  ]),

  startDate: date("startDate"),
  endDate: date("endDate"),
  timeZone: viaRule(readTimeZone),
  clickthruUrl: viaRule(readUrl),
  channels: list("channels", channelsOf),
  targetAudience: list("targetAudience", (part) => (part.length <= 100 ? [part.toLowerCase()] : undefined)),
  locationIds: list("locationIds", (part) =>
    /^#?\d+$/.test(part) ? [Number(part.replace("#", ""))] : undefined,
  ),

  promoCode: (reply) => {
    const code = whole(`["'“‘]?([A-Za-z0-9][A-Za-z0-9_-]{1,39})["'”’]?`).exec(reply)?.[1];
    return code && isCode(code, true)
      ? { promoCode: code.toUpperCase(), redemptionMethod: "promo_code" }
      : undefined;
  },
  codePattern: (reply) => {
    const pattern = whole(`["'“‘]?([A-Za-z0-9-]*[#?*][A-Za-z0-9#?*-]*)["'”’]?`).exec(reply)?.[1];
    return pattern ? { codePattern: pattern.toUpperCase(), codeMode: "unique" } : undefined;
  },
};

/** Answers a clause of a longer reply may give: "10k, should cover 20 leases", "unlimited, every fill up". */
const CLAUSE_ANSWERS: ReadonlySet<DraftField> = new Set([
  "totalBudget",
  "usageLimitPerCustomer",
  "totalUsageLimit",
  "minimumSpend",
  "uniqueCodeCount",
]);

/** The reply read as an answer to the question about `field`; undefined when it is not a bare answer. */
export function readAnswer(field: DraftField, reply: string, context: ExtractContext): Proposal | undefined {
  const answer = ANSWERS[field];
  if (!answer) return undefined;
  const free = PROSE_FIELDS.has(field) || NAME_FIELDS.has(field);
  return answer(free ? reply.trim() : bare(reply), context);
}

/**
 * One clause of a longer reply that answers, the others commenting on it or saying more ("10k,
 * should cover 20 leases"); two clauses that answer differently are no answer.
 */
export function readClauseAnswer(
  field: DraftField,
  reply: string,
  context: ExtractContext,
): Proposal | undefined {
  const answer = ANSWERS[field];
  if (!answer || !CLAUSE_ANSWERS.has(field)) return undefined;
  const answers = reply
    .split(/\s*(?:[,;.!?]|\s-\s|\bbut\b|\bso\b)\s*/i)
    .filter(Boolean)
    .map((clause) => answer(bare(clause), context))
    .filter((found): found is Proposal => found !== undefined);
  return new Set(answers.map((found) => JSON.stringify(found))).size === 1 ? answers[0] : undefined;
}
