import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { CORPUS } from "../test/conversations/corpus.js";
import { type ConversationResult, playConversation } from "../test/conversations/marketer.js";
import { startTestApp } from "../test/support/bot.js";
import { conversationTable, summarise, summaryTable } from "./summary.js";

/**
 * The conversation corpus played by the simulated marketer against the real app and the embedded
 * sandbox, known gaps included: how far the bot is from the targets, written to bench/results/.
 */

const app = await startTestApp();
const results: ConversationResult[] = [];
try {
  // One at a time: the bot's per-thread locks are not what is measured, and the sandbox is shared.
  for (const conversation of CORPUS) {
    results.push(await playConversation(app, conversation, { clickWhenWordsFail: true }));
  }
} finally {
  await app.close();
}

const summary = summarise(results);
console.log(conversationTable(results));
console.log();
console.log(summaryTable(summary));

const date = new Date().toISOString().slice(0, 10);
const directory = fileURLToPath(new URL("results", import.meta.url));
mkdirSync(directory, { recursive: true });
const file = join(directory, `conversations-${date}.json`);
writeFileSync(file, `${JSON.stringify({ date, summary, conversations: results }, null, 2)}\n`);
// Results are committed, and `npm run lint` checks JSON formatting too.
execFileSync("npx", ["biome", "format", "--write", file], { stdio: "ignore" });
console.log(`\nWrote ${file}`);
