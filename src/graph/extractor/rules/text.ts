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
    bare: String.raw`call\s+it|name\s+it|titled|(?:make|set)\s+the\s+title`,
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
  },
  { field: "merchantName", words: String.raw`merchant(?:\s+name)?`, prose: false },
  { field: "campaign", words: String.raw`campaign(?:\s+name)?`, prose: false },
];

const ANY_LABEL = LABELS.map((label) => label.words).join("|");
const QUOTED = String.raw`"([^"\n]+)"|“([^”\n]+)”|'([^'\n]+)'|‘([^’\n]+)’`;
const CLAUSE_END = String.raw`(?=\s*(?:[,;\n]|\.(?:\s|$)|$))`;
const CLAUSE = String.raw`([^,;\n]+?)${CLAUSE_END}`;
const PROSE = String.raw`([^;\n]+?)(?=\s*(?:[;\n]|$|,?\s*\b(?:${ANY_LABEL})\s*:))`;

/** "title: X", "the title is X", "terms are: X", "change the title to X". */
const INTRODUCER = String.raw`(?:(?:is|are|should\s+be|to)\b\s*:?|:|=)`;

function labelPattern(label: Label): RegExp {
  const named = String.raw`\b(?:${label.words})\s*${INTRODUCER}?\s*(?:${QUOTED})`;
  const colon = String.raw`\b(?:${label.words})\s*${INTRODUCER}\s*${label.prose ? PROSE : CLAUSE}`;
  const bare = label.bare ? String.raw`|\b(?:${label.bare})\s+(?:${QUOTED}|${CLAUSE})` : "";
  return new RegExp(`${named}|${colon}${bare}`, "gi");
}

/** What the marketer wants to achieve, said in passing: "... to increase Q4 sales by 20% with $10 off" — the means is not the goal. */
const OBJECTIVE = new RegExp(
  String.raw`\b(?:in\s+order\s+to|so\s+(?:that\s+)?we\s+can|aiming\s+to|want\s+to|trying\s+to|looking\s+to|to)\s+((?:increase|grow|boost|drive|lift|raise|improve|reduce|clear|acquire|attract|retain|reward|win\s+back|re-?engage)\b[^,;\n]*?)(?:${CLAUSE_END}|(?=\s+(?:with|using|via|by\s+(?:offering|giving))\b))`,
  "gi",
);
/** Without a business noun, "to raise the budget" would read as a goal. */
const BUSINESS_NOUN =
  /\b(?:sales|revenue|traffic|visits|redemptions|customers|loyalty|engagement|awareness|inventory|sign-?ups|members|retention|conversions?|orders|purchases|spend|basket|share|acquisition|transactions|bookings|leases|renewals|adoption|usage|footfall)\b/i;

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function objectiveText(value: string): string {
  return capitalised(value.replace(/^to\s+/i, ""));
}

/** Titles, descriptions, terms, exclusions, names and the objective, only where the message labels them. */
export const readText: Rule = (scan, patch) => {
  for (const label of LABELS) {
    const values = scan
      .take(labelPattern(label))
      .map(
        (match) =>
          match
            .slice(1)
            .find((group) => group !== undefined)
            ?.trim() ?? "",
      )
      .filter((value) => value.length > 0);
    const value = agreed(values);
    if (value === undefined) continue;
    patch[label.field] = label.field === "businessObjective" ? objectiveText(value) : value;
  }
  if (patch.businessObjective !== undefined) return;
  const goals = scan.take(OBJECTIVE, (match) => BUSINESS_NOUN.test(match[1] ?? ""));
  const goal = agreed(goals.map((match) => objectiveText((match[1] ?? "").trim())));
  if (goal) patch.businessObjective = goal;
};
