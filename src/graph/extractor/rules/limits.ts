import { COUNT, readNumber } from "./numbers.js";
import { agreedDefined, type Rule } from "./scan.js";

const rx = (source: string) => new RegExp(source, "gi");
const USES = `(?:uses?|redemptions?|times?)`;
const PERSON = `(?:customer|person|user|member|account|household|shopper|cardholder|dealer|tenant|resident|guest|visitor|patron|diner|family|families|table|party|parties)s?`;

const PER_CUSTOMER = rx(
  [
    String.raw`(?:\b(?:limit(?:ed)?|max(?:imum)?|up\s+to|at\s+most)\s+(?:of\s+|to\s+)?)?(${COUNT})\s*x?\s*(?:${USES}\s*)?(?:per|a|each|every|\/)\s*${PERSON}\b`,
    // "just once", "only once"
    String.raw`\b(?:just|only)\s+(once)\b`,
    // "once a day per person", "1x per day": a period limit, which the note below explains
    String.raw`\b(once|${COUNT}\s*x)\s+(?=(?:a|per|each)\s+(?:day|week|visit)\b)`,
    // "1 per day per person", "2 a week per customer": the same, the person after the period
    String.raw`(${COUNT})\s*(?:${USES}\s+)?(?=(?:a|per|each)\s+(?:day|week|visit)\s+(?:per|a|each|every|\/)\s*${PERSON}\b)`,
    // "limit 1 each", "2 each"
    String.raw`(?:\b(?:limit(?:ed)?|max(?:imum)?)\s+(?:of\s+|to\s+)?)?(${COUNT})\s*(?:${USES}\s+)?each\b`,
  ].join("|"),
);

const TOTAL = rx(
  [
    // "1000 total", "1,000 uses in total", "1000 total redemptions"
    String.raw`(${COUNT})\s*(?:total\s+)?(?:${USES}\s+)?(?:in\s+)?total\b(?:\s+${USES})?`,
    // "max 500 redemptions", "up to 1000 uses", "cap at 1000 redemptions"
    String.raw`\b(?:max(?:imum)?(?:\s+of)?|up\s+to|cap(?:ped)?(?:\s+at)?|limit(?:ed)?\s+to)\s+(${COUNT})\s*(?:uses|redemptions)\b`,
    // "500 redemptions max", "200 max", "40 units max"
    String.raw`(${COUNT})\s*(?:(?:uses|redemptions|units|coupons)\s+)?(?:max(?:imum)?|cap|limit|tops)\b`,
    // "max 400": a bare maximum is the total unless a person follows
    String.raw`\bmax(?:imum)?(?:\s+of)?\s+(${COUNT})\b(?!\s*(?:%|percent|(?:${USES}\s+)?(?:per|a|each|every|\/)\s*${PERSON}))`,
    // "cap it at 900", "cap at 1500 total", "cap 2000"
    String.raw`\bcap(?:ped)?\s+(?:it\s+|them\s+|(?:the\s+)?total\s+)?(?:at\s+|of\s+|to\s+)?(${COUNT})\b(?!\s*(?:%|per\b))`,
    // "total limit 1000", "total usage limit of 1,000", "total redemptions: 500"
    String.raw`\btotal\s+(?:usage\s+|redemption\s+)?(?:limit|cap|uses|redemptions)\s*(?:of|is|:|=|at|to)?\s*(${COUNT})`,
    // "only have 300 beanies", "500 in stock": no more can be given than there are
    String.raw`\b(?:only\s+(?:have|got)|(?:we|i)\s+(?:have|got)\s+(?:only|just))\s+(${COUNT})\b(?!\s*(?:%|per\b|stores?|locations?|days?|weeks?))|\b(${COUNT})\s+(?:[a-z]+\s+)?(?:in\s+stock|to\s+give\s+away|available)\b`,
    // "total 300", "make the total 300"
    String.raw`(?:^|[\s,;.])(?:(?:make|set|change)\s+)?(?:the\s+)?total\s+(?:to\s+|of\s+|=\s*)?(${COUNT})\b(?!\s*(?:%|per\b|budget\b|k\b|dollars?\b))`,
    // "lower the total to 480", "raise the total to 1,200"
    String.raw`\b(?:lower|raise|reduce|cut|increase|drop|set|change|bump)\s+the\s+(?:total|limit|cap)(?:\s+(?:uses|limit))?\s+to\s+(${COUNT})\b(?!\s*(?:%|per\b))`,
  ].join("|"),
);

const NO_LIMIT = String.raw`(?:unlimited|no\s+(?:limit|cap|max(?:imum)?)|uncapped|limitless|no\s+(?:per[\s-]customer\s+)?limit)`;
const UNLIMITED_PER_CUSTOMER = rx(
  String.raw`\b${NO_LIMIT}\s+(?:${USES}\s+)?(?:per|a|each|every|on)\s+${PERSON}\b|\bno\s+per[\s-](?:customer|person|user)\s+(?:limit|cap)\b|\bas\s+(?:many(?:\s+times)?|often)\s+as\s+(?:they|you|customers?)\s+(?:like|want)\b`,
);
const UNLIMITED_TOTAL = rx(
  String.raw`\b${NO_LIMIT}\s+(?:on\s+(?:the\s+)?)?(?:total|overall|in\s+total)(?:\s+${USES})?\b|\b(?:total|overall)\s+(?:${USES}\s+)?(?:unlimited|uncapped)\b|\bno\s+(?:total\s+)?(?:limit|cap)(?!\s+(?:per|on|for)\b)\b|\b(?:unlimited|uncapped)\s+(?:total\s+)?redemptions\b`,
);
/** "unlimited" or "no cap" on its own: the limit being asked about, or else the total. */
export const BARE_NO_LIMIT = new RegExp(String.raw`^\s*${NO_LIMIT}[\s.!]*$`, "i");

/**
 * "drop the one per guest limit", "remove the total cap", "drop the limit": a limit taken away,
 * read before the limits themselves so "one per guest" here is not a new limit of one.
 */
const DROPPED_LIMIT = rx(
  String.raw`\b(?:drop|remove|lose|scrap|ditch|get\s+rid\s+of|take\s+(?:off|away|out)|lift|kill|forget)\s+(?:the\s+)?(?:(?:(${COUNT})\s*x?\s*(?:${USES}\s+)?(?:per|a|each)\s+${PERSON}|(per[\s-]${PERSON}|customer|guest|person)|(total|overall))\s+)?(?:usage\s+)?(?:limits?|caps?|max(?:imum)?)\b(?!\s+(?:to|at|of)\s+\d)`,
);

function droppedLimits(
  scan: Parameters<Rule>[0],
  patch: Parameters<Rule>[1],
  draft: Parameters<Rule>[2]["draft"],
  notes: string[],
): void {
  for (const match of scan.take(DROPPED_LIMIT)) {
    const perPerson = match[1] !== undefined || match[2] !== undefined;
    const total = match[3] !== undefined;
    const hasPerCustomer = draft.usageLimitPerCustomer !== undefined;
    const hasTotal = draft.totalUsageLimit !== undefined;
    if (perPerson || (!total && hasPerCustomer && !hasTotal)) patch.unlimitedPerCustomer = true;
    else if (total || (hasTotal && !hasPerCustomer)) patch.unlimitedTotal = true;
    else
      notes.push(
        hasTotal
          ? 'Which limit should go? Say "no limit per customer" or "no total cap".'
          : "The offer has no usage limit to drop.",
      );
  }
}

/** "1 per person per day": the period part, which Kigo's redemption controls cannot hold. */
const PER_PERIOD = rx(String.raw`\b(?:per|a|each|every)\s+(?:day|week|month|visit)\b|\b(?:daily|weekly)\b`);

/** Per-customer and total usage limits, kept apart (DESIGN §2). */
export const readLimits: Rule = (scan, patch, context, notes) => {
  // "no limit" alone answers the limit being asked about; the answer reader takes it.
  if (context.expecting === "usageLimitPerCustomer" && BARE_NO_LIMIT.test(scan.text)) return;
  droppedLimits(scan, patch, context.draft, notes);
  if (scan.take(UNLIMITED_PER_CUSTOMER).length > 0) patch.unlimitedPerCustomer = true;
  if (scan.take(UNLIMITED_TOTAL).length > 0) patch.unlimitedTotal = true;
  const perCustomer = agreedDefined(
    scan.take(PER_CUSTOMER).map((match) => readNumber(match.slice(1).find(Boolean) ?? "")),
  );
  if (perCustomer) patch.usageLimitPerCustomer = perCustomer;
  if (perCustomer && scan.take(PER_PERIOD).length > 0) {
    notes.push(
      `Limits per day or week aren't available in Kigo yet, so it is ${perCustomer} per customer for the whole offer. Say e.g. "5 per customer" to allow more.`,
    );
  }
  if (perCustomer === 0) {
    notes.push(
      'A customer must be able to use the offer at least once: say e.g. "1 per customer", or "unlimited".',
    );
  }
  const totals = scan.take(TOTAL).map((match) => readNumber(match.slice(1).find(Boolean) ?? ""));
  const total = agreedDefined(totals);
  if (total) patch.totalUsageLimit = total;
  if (total === 0)
    notes.push('The total must allow at least one redemption: say e.g. "500 total", or "no cap".');
};
