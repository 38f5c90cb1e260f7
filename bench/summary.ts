import type { ConversationResult } from "../test/conversations/marketer.js";
import { shortfalls } from "../test/conversations/marketer.js";

export interface BenchSummary {
  conversations: number;
  /** Published by the marketer's own words: the target is every conversation. */
  publishedInWords: number;
  /** Published at all, counting those where the bench had to click Publish. */
  published: number;
  fieldsRight: number;
  fieldsTotal: number;
  medianTurnsToPreview: number | null;
  medianTurnsToPublish: number | null;
  correctionsInOneTurn: number;
  corrections: number;
  repliesQuotingSchemaErrors: number;
  /** Conversations with nothing against the marketer: what the tests require. */
  passing: number;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] ?? null)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

const defined = (values: (number | undefined)[]) =>
  values.filter((value): value is number => value !== undefined);

export function summarise(results: ConversationResult[]): BenchSummary {
  const fields = results.flatMap((result) => result.fields);
  const corrections = results.flatMap((result) => result.correctionTurns);
  return {
    conversations: results.length,
    publishedInWords: results.filter((result) => result.publishedInWords).length,
    published: results.filter((result) => result.offerId !== undefined).length,
    fieldsRight: fields.filter((field) => field.ok).length,
    fieldsTotal: fields.length,
    medianTurnsToPreview: median(defined(results.map((result) => result.turnsToPreview))),
    medianTurnsToPublish: median(defined(results.map((result) => result.turnsToPublish))),
    correctionsInOneTurn: corrections.filter((turns) => turns === 1).length,
    corrections: corrections.length,
    repliesQuotingSchemaErrors: results.filter((result) =>
      result.problems.some((problem) => problem.includes("quotes a schema error")),
    ).length,
    passing: results.filter((result) => shortfalls(result).length === 0).length,
  };
}

const percent = (part: number, whole: number) =>
  whole === 0 ? "—" : `${((100 * part) / whole).toFixed(1)}%`;
const orDash = (value: number | null) => (value === null ? "—" : String(value));

/** The headline numbers as a Markdown table (printed, and pasted into the README). */
export function summaryTable(summary: BenchSummary): string {
  const rows: [string, string, string][] = [
    ["conversations", String(summary.conversations), ""],
    [
      "published (marketer's words)",
      `${summary.publishedInWords} (${percent(summary.publishedInWords, summary.conversations)})`,
      "100%",
    ],
    [
      "published (incl. bench clicking Publish)",
      `${summary.published} (${percent(summary.published, summary.conversations)})`,
      "",
    ],
    [
      "fields right",
      `${summary.fieldsRight}/${summary.fieldsTotal} (${percent(summary.fieldsRight, summary.fieldsTotal)})`,
      "≥ 95%",
    ],
    ["median turns to preview", orDash(summary.medianTurnsToPreview), "1 for a complete message"],
    ["median turns to publish", orDash(summary.medianTurnsToPublish), "2 for a complete message"],
    ["corrections taking 1 turn", `${summary.correctionsInOneTurn}/${summary.corrections}`, "all"],
    ["conversations quoting a schema error", String(summary.repliesQuotingSchemaErrors), "0"],
    ["conversations passing every check", `${summary.passing}/${summary.conversations}`, "all"],
  ];
  return [
    "| measure | result | target |",
    "|---|---|---|",
    ...rows.map((row) => `| ${row.join(" | ")} |`),
  ].join("\n");
}

/** One line per conversation: where it got to and what went wrong first. */
export function conversationTable(results: ConversationResult[]): string {
  const lines = results.map((result) => {
    const right = result.fields.filter((field) => field.ok).length;
    const first = shortfalls(result)[0] ?? "ok";
    return [
      result.name.slice(0, 48).padEnd(48),
      (result.publishedInWords ? "words" : result.offerId !== undefined ? "click" : "no").padEnd(5),
      `${right}/${result.fields.length}`.padStart(5),
      String(result.turnsToPreview ?? "—").padStart(3),
      String(result.turnsToPublish ?? "—").padStart(3),
      first.slice(0, 90),
    ].join("  ");
  });
  const header = ["conversation".padEnd(48), "publ.", "field", "prv", "pub", "first shortfall"].join("  ");
  return [header, ...lines].join("\n");
}
