import { loadavg } from "node:os";
import { markdownTable, type PartResult, writeResult } from "./results.js";
import { flushRedis } from "./system.js";

/**
 * `npm run bench [-- part …]`: every part of issue 12's benchmarks in sequence, or the parts named.
 * Each writes bench/results/<part>-<date>.json; the table for the README is printed at the end.
 */

const PARTS: Record<string, () => Promise<{ run(): Promise<PartResult> }>> = {
  ack: () => import("./ack.js"),
  turn: () => import("./turn.js"),
  conversations: () => import("./conversations.js"),
  model: () => import("./model.js"),
  digest: () => import("./digest.js"),
  memory: () => import("./memory.js"),
  startup: () => import("./startup.js"),
};

const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !(name in PARTS));
if (unknown.length > 0) {
  console.error(`No such part: ${unknown.join(", ")}. Parts: ${Object.keys(PARTS).join(", ")}`);
  process.exit(2);
}
const results: PartResult[] = [];
for (const name of asked.length > 0 ? asked : Object.keys(PARTS)) {
  console.log(`\n== ${name}`);
  const started = performance.now();
  // The machine is shared: its load average before and after says how quiet it was.
  const before = loadavg();
  const part = await (await PARTS[name]?.())?.run();
  if (!part) continue;
  const seconds = Math.round((performance.now() - started) / 1000);
  console.log(
    `${name}: ${seconds} s, wrote ${writeResult(name, { ...part, seconds, loadAverage: { before, after: loadavg() } })}`,
  );
  results.push(part);
}
// The drafts of the memory part are tens of megabytes of a Redis others use too.
await flushRedis();
console.log(`\n${markdownTable(results)}`);
