import type { Day } from "./calendar.js";
import type { Scan } from "./scan.js";

export type Role = "start" | "end";

/** A date expression found in the message. */
export interface Period {
  /**
   * range: sets both dates whatever the words around it ("Dec 1-7", "this weekend");
   * span: both dates unless a cue gives it one role ("in December", "Black Friday" vs "starting Black Friday");
   * day: one date, and only once its role is known ("starting Dec 3").
   */
  kind: "range" | "span" | "day";
  start: Day;
  end: Day;
  /** What the words before it say it is ("starting", "until"), if anything. */
  role: Role | undefined;
  /** Where its words are in the message, so a period can be paired with the one after it. */
  index: number;
  length: number;
  /** What the marketer must be told if this period sets a date ("Black Friday 2026 has passed…"). */
  notes: string[];
  /** Read from a name ("the holidays", "Black Friday") rather than from dates typed out. */
  named?: boolean;
  /**
   * The same words read as their first occurrence on or after `day`: "Black Friday through Cyber
   * Monday" on the Monday itself must not end before it starts. Absent when the words give the year.
   */
  onOrAfter?: (day: Day) => Period;
}

const START_CUE =
  /\b(?:start(?:s|ing)?|from|begin(?:s|ning)?|launch(?:es|ing)?|effective|go(?:es)?\s+live|live\s+on|kick(?:s|ing)?\s+off)\b/gi;
const END_CUE =
  /\b(?:end(?:s|ing)?|until|till|til|through|thru|expir(?:e|es|ing|y|ation)|extend(?:s|ed|ing)?|last\s+day|by|stop(?:s|ping)?)\b/gi;

const lastIndexOf = (pattern: RegExp, text: string) =>
  Math.max(-1, ...[...text.matchAll(pattern)].map((match) => match.index));

/** The nearest cue before `index` in the same clause wins: "move the start date from Jan 5, ends Feb 10". */
export function roleBefore(text: string, index: number): Role | undefined {
  const clause =
    text
      .slice(0, index)
      .split(/[,;\n]|\.\s/)
      .pop() ?? "";
  const start = lastIndexOf(START_CUE, clause);
  const end = lastIndexOf(END_CUE, clause);
  if (start === end) return undefined;
  return start > end ? "start" : "end";
}

/** A period for the words `match` found, its role read from the words before them. */
export function periodOf(
  scan: Scan,
  match: { index: number; 0: string },
  fields: Pick<Period, "kind" | "start" | "end"> & Partial<Pick<Period, "notes" | "onOrAfter" | "role">>,
): Period {
  return {
    role: roleBefore(scan.text, match.index),
    index: match.index,
    length: match[0].length,
    notes: [],
    ...fields,
  };
}

export const MONTH_NAME =
  "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";

/** 1–12 for a word MONTH_NAME matched. */
export const monthNumber = (name: string): number =>
  "janfebmaraprmayjunjulaugsepoctnovdec".indexOf(name.slice(0, 3).toLowerCase()) / 3 + 1;

/** A year typed after a date; "Dec 1-31, 1000 total" has none. */
export const plausibleYear = (text: string | undefined, today: Day): number | undefined => {
  const year = Number(text);
  return year >= today.year - 1 && year <= today.year + 10 ? year : undefined;
};
