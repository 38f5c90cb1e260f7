import { parseArgs } from "node:util";
import { calendarDay, canonicalZone, noonIn } from "../graph/extractor/rules/calendar.js";
import { extractWithRules } from "../graph/extractor/rules/index.js";

/** Shows what the rule-based extractor reads from one message, for tuning rules without a chat. */

const USAGE = 'usage: npm run -s extract -- [--now YYYY-MM-DD] [--tz Area/City] "<message>"';

class UsageError extends Error {}

function parse(argv: string[]) {
  let parsed: ReturnType<
    typeof parseArgs<{ options: { now: { type: "string" }; tz: { type: "string" } }; allowPositionals: true }>
  >;
  try {
    parsed = parseArgs({
      args: argv,
      options: { now: { type: "string" }, tz: { type: "string" } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    // parseArgs explains at length how to pass "-x" as a message; the first sentence names the problem.
    throw new UsageError((error as Error).message.split(". ")[0] ?? "bad arguments");
  }
  const { values, positionals } = parsed;
  const message = positionals.join(" ").trim();
  if (!message) throw new UsageError("give the message to read");
  const timeZone = canonicalZone(values.tz ?? "UTC");
  if (!timeZone) throw new UsageError("--tz must be an IANA time zone such as America/Chicago");
  return { message, timeZone, now: values.now === undefined ? new Date() : dayAt(values.now, timeZone) };
}

function dayAt(text: string, timeZone: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const [year, month, day] = (match ?? []).slice(1).map(Number);
  const noon = match && year && month && day ? noonIn({ year, month, day }, timeZone) : undefined;
  const real = noon && calendarDay(noon, timeZone);
  if (!real || real.month !== month || real.day !== day) {
    throw new UsageError("--now must be a calendar date like 2026-11-25");
  }
  return noon;
}

try {
  const { message, timeZone, now } = parse(process.argv.slice(2));
  const patch = extractWithRules(message, { now, timeZone, draft: {} });
  process.stdout.write(`${JSON.stringify(patch, null, 2)}\n`);
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  process.stderr.write(`extract: ${error.message}. ${USAGE}\n`);
  process.exitCode = 2;
}
