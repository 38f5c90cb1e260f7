import { agreed, type Rule } from "./scan.js";

type TextField =
  | "offerTitle"
  | "offerDescription"
  | "termsConditions"
  | "exclusions"
  | "businessObjective"
  | "merchantName"
  | "campaign";

interface Label {
  field: TextField;
  /** Words that introduce the value. */
  words: string;
  /** Prose runs past commas to the next label, line or semicolon when introduced by a colon. */
  prose: boolean;
  /** Introducers that need no colon, e.g. "excluding sale items". */
  bare?: string;
}

const LABELS: Label[] = [
  {
    field: "offerTitle",
    // "called"/"named" only with quotes: "we called dealers yesterday" names nothing.
    words: String.raw`(?:offer\s+)?title|headline|called|named`,
    prose: false,
    // "title Triple Points Parts Event" as a whole message: the rest is the title.
    bare: String.raw`call\s+it|name\s+it|title\s+it|titled|(?:make|set)\s+the\s+title|(?<=^\s*)(?:new\s+|offer\s+)?title`,
  },
  { field: "offerDescription", words: "description", prose: true },
  {
    field: "termsConditions",
    words: String.raw`terms(?:\s+(?:and|&)\s+conditions)?|t\s?&\s?cs?`,
    prose: true,
  },
  { field: "exclusions", words: "exclusions?", prose: true, bare: String.raw`excluding|except(?:\s+for)?` },
  {
    field: "businessObjective",
    words: String.raw`(?:business\s+)?(?:goal|objective|aim|purpose)`,
    prose: false,
    // "goal more dinners": typed in a hurry, without a colon.
    bare: String.raw`(?:business\s+)?(?:goal|objective)`,
  },
  {
    field: "merchantName",
    words: String.raw`merchant(?:\s+name)?`,
    prose: false,
    // "merchant blue ridge tractor" opening a message; "every merchant in the catalog" names none.
    bare: String.raw`(?<=^\s*)merchant`,
  },
  { field: "campaign", words: String.raw`campaign(?:\s+name)?`, prose: false },
];

const ANY_LABEL = LABELS.map((label) => label.words).join("|");
const QUOTED = String.raw`"([^"\n]+)"|“([^”\n]+)”|'([^'\n]+)'|‘([^’\n]+)’`;
const CLAUSE_END = String.raw`(?=\s*(?:[,;\n]|\.(?:\s|$)|$))`;
const CLAUSE = String.raw`([^,;\n]+?)${CLAUSE_END}`;
const PROSE = String.raw`([^;\n]+?)(?=\s*(?:[;\n]|$|,?\s*\b(?:${ANY_LABEL})\s*:))`;

/** "title: X", "the title is X", "terms are: X". */
const INTRODUCER = String.raw`(?:(?:is|are|should\s+be)\b\s*:?|:|=)`;
/** "change the title to X"; a bare "to" would make "send it to every merchant to ..." a name. */
const CHANGE = String.raw`\b(?:change|set|update|switch|make)\s+(?:the\s+)?`;

function labelPattern(label: Label): RegExp {
  const value = label.prose ? PROSE : CLAUSE;
  const named = String.raw`\b(?:${label.words})\s*${INTRODUCER}?\s*(?:${QUOTED})`;
  const introduced = String.raw`\b(?:${label.words})\s*${INTRODUCER}\s*${value}`;
  const changed = String.raw`${CHANGE}(?:${label.words})\s+to\s+(?:${QUOTED}|${value})`;
  const bare = label.bare ? String.raw`|\b(?:${label.bare})\s+(?:${QUOTED}|${CLAUSE})` : "";
  return new RegExp(`${named}|${introduced}|${changed}${bare}`, "gi");
}

const LABEL_PATTERNS = LABELS.map((label) => [label, labelPattern(label)] as const);

/**
 * What the marketer wants to achieve, said in passing: "... to increase Q4 sales by 20%". It
 * stops before the means ("with $10 off"), which other rules read.
 */
const GOAL_VERB = String.raw`(?:increase|grow|boost|drive|lift|raise|improve|reduce|clear|acquire|attract|retain|reward|win\s+back|re-?engage)\b`;
const OBJECTIVE = new RegExp(
  String.raw`\b(?:to|so\s+(?:that\s+)?we\s+can)\s+(${GOAL_VERB}[^,;\n]*?)(?:${CLAUSE_END}|(?=\s+(?:with|using|via|by\s+(?:offering|giving))\b))`,
  "gi",
);
/** "drive fuel visits" opening a message: read, not taken, so "for our dealers" still tells the audience. */
const OPENING_GOAL = new RegExp(String.raw`^\s*(${GOAL_VERB}[^,;:\n]*?)${CLAUSE_END}`, "i");
/** Without a business noun, "to raise the budget" would read as a goal. */
const BUSINESS_NOUN =
  /\b(?:sales|revenue|traffic|visits|redemptions|customers|loyalty|engagement|awareness|inventory|sign-?ups|members|retention|conversions?|orders|purchases|spend|basket|share|acquisition|transactions|bookings|leases|renewals|adoption|usage|footfall)\b/i;

/** "to increase Q4 sales" → "Increase Q4 sales", the form the seed's form uses. */
export function objectiveText(value: string): string {
  // "new renters obv": chat filler is not part of the goal.
  const goal = value
    .replace(/^(?:to|just)\s+/i, "")
    .replace(/[\s,]+(?:obv(?:iously)?|lol|tho|btw|imo|i\s+guess|i\s+think)[\s.!]*$/i, "");
  return goal.charAt(0).toUpperCase() + goal.slice(1);
}

/** "add to terms: X", "also add to the terms X", "add 'X' to the terms": more terms, not new ones. */
const TERMS = String.raw`(?:the\s+)?(?:terms(?:\s+(?:and|&)\s+conditions)?|t\s?&\s?cs?)`;
const TERMS_ADDITION = new RegExp(
  String.raw`\b(?:also\s+)?(?:add|append|include)\s+(?:(?:${QUOTED})\s+to\s+${TERMS}|(?:this\s+|the\s+following\s+)?to\s+${TERMS}\s*(?:${INTRODUCER})?\s*(?:${QUOTED}|${PROSE}))`,
  "gi",
);

const firstGroup = (match: RegExpExecArray) =>
  match
    .slice(1)
    .find((group) => group !== undefined)
    ?.trim() ?? "";

/** Titles, descriptions, terms (and additions to them), exclusions and names where the message labels them; the objective also when said in passing. */
export const readText: Rule = (scan, patch, context) => {
  const addition = agreed(scan.take(TERMS_ADDITION).map(firstGroup).filter(Boolean));
  if (addition !== undefined) patch.termsAddition = addition;
  for (const [label, pattern] of LABEL_PATTERNS) {
    const value = agreed(scan.take(pattern).map(firstGroup).filter(Boolean));
    if (value === undefined) continue;
    patch[label.field] = label.field === "businessObjective" ? objectiveText(value) : value;
  }
  if (patch.businessObjective !== undefined) return;
  const goals = scan.take(OBJECTIVE, (match) => BUSINESS_NOUN.test(match[1] ?? ""));
  const goal = agreed(goals.map((match) => objectiveText((match[1] ?? "").trim())));
  if (goal) patch.businessObjective = goal;
  const opening = OPENING_GOAL.exec(scan.text)?.[1];
  // While the goal is asked, the answer reader takes the whole reply.
  if (!goal && opening && BUSINESS_NOUN.test(opening) && context.expecting !== "businessObjective")
    patch.businessObjective = objectiveText(opening.trim());
};
