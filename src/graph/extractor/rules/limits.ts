import { COUNT, readNumber } from "./numbers.js";
import { agreedDefined, type Rule } from "./scan.js";

const rx = (source: string) => new RegExp(source, "gi");
const USES = `(?:uses?|redemptions?|times?)`;
const PERSON = `(?:customer|person|user|member|account|household|shopper|cardholder|dealer|tenant|resident)s?`;

const PER_CUSTOMER = rx(
  String.raw`(?:\b(?:limit(?:ed)?|max(?:imum)?|up\s+to|at\s+most)\s+(?:of\s+|to\s+)?)?(${COUNT})\s*(?:${USES}\s*)?(?:per|a|each|every|\/)\s*${PERSON}\b`,
);

const TOTAL = rx(
  [
    // "1000 total", "1,000 uses in total", "1000 total redemptions"
    String.raw`(${COUNT})\s*(?:total\s+)?(?:${USES}\s+)?(?:in\s+)?total\b(?:\s+${USES})?`,
    // "max 500 redemptions", "up to 1000 uses", "cap at 1000 redemptions"
    String.raw`\b(?:max(?:imum)?(?:\s+of)?|up\s+to|cap(?:ped)?(?:\s+at)?|limit(?:ed)?\s+to)\s+(${COUNT})\s*(?:uses|redemptions)\b`,
    // "500 redemptions max"
    String.raw`(${COUNT})\s*(?:uses|redemptions)\s+(?:max(?:imum)?|cap|limit)\b`,
    // "total limit 1000", "total usage limit of 1,000", "total redemptions: 500"
    String.raw`\btotal\s+(?:usage\s+|redemption\s+)?(?:limit|cap|uses|redemptions)\s*(?:of|is|:|=|at|to)?\s*(${COUNT})`,
    // "lower the total to 480", "raise the total to 1,200"
    String.raw`\b(?:lower|raise|reduce|cut|increase|drop|set|change|bump)\s+the\s+total\s+to\s+(${COUNT})`,
  ].join("|"),
);

/** Per-customer and total usage limits, kept apart (DESIGN §2). */
export const readLimits: Rule = (scan, patch) => {
  const perCustomer = agreedDefined(scan.take(PER_CUSTOMER).map((match) => readNumber(match[1] ?? "")));
  if (perCustomer) patch.usageLimitPerCustomer = perCustomer;
  const totals = scan.take(TOTAL).map((match) => readNumber(match.slice(1).find(Boolean) ?? ""));
  const total = agreedDefined(totals);
  if (total) patch.totalUsageLimit = total;
};
