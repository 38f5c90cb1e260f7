import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { measuredCommit } from "./system.js";

/** One target of issue 12 and how this run did against it. */
export interface Target {
  measure: string;
  result: string;
  target: string;
  met: boolean;
  /** For a miss: why, in a sentence. */
  why?: string;
}

/** What a part hands back: its targets (may be none) and its raw numbers. */
export interface PartResult {
  targets: Target[];
  /** Rows for the README table that have no target: what was measured besides. */
  facts?: { measure: string; result: string }[];
  data: unknown;
}

export const target = (
  measure: string,
  result: string,
  goal: string,
  met: boolean,
  why?: string,
): Target => ({ measure, result, target: goal, met, ...(met || !why ? {} : { why }) });

/** bench/results/<part>-<date>.json, formatted as `npm run lint` expects; returns its path. */
export function writeResult(
  part: string,
  result: PartResult & { seconds: number; loadAverage: { before: number[]; after: number[] } },
): string {
  const date = new Date().toISOString().slice(0, 10);
  const directory = fileURLToPath(new URL("results", import.meta.url));
  mkdirSync(directory, { recursive: true });
  const file = join(directory, `${part}-${date}.json`);
  const machine = { cpus: cpus().length, cpu: cpus()[0]?.model, node: process.version };
  const commit = measuredCommit();
  writeFileSync(file, `${JSON.stringify({ part, date, commit, machine, ...result }, null, 2)}\n`);
  execFileSync("npx", ["biome", "format", "--write", file], { stdio: "ignore" });
  return file;
}

/** The README's table: measure, result, target, met?, and why for a miss. */
export function markdownTable(results: PartResult[]): string {
  const rows = results.flatMap((result) => [
    ...result.targets.map((row) =>
      [row.measure, row.result, row.target, row.met ? "yes" : `**no**: ${row.why ?? ""}`].join(" | "),
    ),
    ...(result.facts ?? []).map((row) => [row.measure, row.result, "", ""].join(" | ")),
  ]);
  return [
    "| measure | result | target | met? |",
    "|---|---|---|---|",
    ...rows.map((row) => `| ${row} |`),
  ].join("\n");
}
