import { phrasePattern } from "../validation/text.js";

/** Business objective categories the benchmark table is keyed by. */
export const OBJECTIVE_CATEGORIES = [
  "acquisition",
  "retention",
  "sales_lift",
  "clearance",
  "loyalty",
] as const;
export type ObjectiveCategory = (typeof OBJECTIVE_CATEGORIES)[number];

/**
 * Word stems per category, matched at the start of a word ("retain" finds "retaining"; spaces and
 * hyphens are interchangeable). Most specific first: on a tie the earlier category wins, so sales
 * lift, the vaguest ("increase", "boost"), comes last.
 */
const KEYWORDS: [ObjectiveCategory, string[]][] = [
  [
    "clearance",
    [
      "clearance",
      "clear out",
      "inventory",
      "overstock",
      "excess stock",
      "liquidat",
      "end of season",
      "discontinued",
      "sell through",
      "last year's model",
    ],
  ],
  [
    "acquisition",
    [
      "acqui",
      "new customer",
      "new buyer",
      "new resident",
      "new tenant",
      "new member",
      "first purchase",
      "first time",
      "sign up",
      "signup",
      "onboard",
      "attract",
      "trial",
      "awareness",
    ],
  ],
  [
    "retention",
    [
      "retain",
      "retention",
      "churn",
      "win back",
      "winback",
      "lapsed",
      "inactive",
      "come back",
      "repeat",
      "re engage",
      "reengage",
      "reactivat",
      "renew",
    ],
  ],
  ["loyalty", ["loyal", "reward", "points", "vip", "member", "engage", "frequent", "tier"]],
  [
    "sales_lift",
    [
      "sales",
      "sell",
      "revenue",
      "increase",
      "boost",
      "lift",
      "drive",
      "traffic",
      "basket",
      "upsell",
      "incentive",
      "volume",
      "purchase",
      "q1",
      "q2",
      "q3",
      "q4",
      "quarter",
      "holiday",
    ],
  ],
];

const MATCHERS = KEYWORDS.map(
  ([category, stems]) => [category, stems.map((stem) => phrasePattern(stem, false))] as const,
);

/** The category whose keywords the free-text objective mentions most; undefined when none match. */
export function classifyObjective(objective: string): ObjectiveCategory | undefined {
  let best: { category: ObjectiveCategory; hits: number } | undefined;
  for (const [category, patterns] of MATCHERS) {
    const hits = patterns.filter((pattern) => pattern.test(objective)).length;
    if (hits > (best?.hits ?? 0)) best = { category, hits };
  }
  return best?.category;
}
