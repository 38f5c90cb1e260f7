import { parseArgs } from "node:util";
import { calendarDay, canonicalZone, noonIn } from "../graph/extractor/rules/calendar.js";
import { extractWithRules } from "../graph/extractor/rules/index.js";

/** Prints what the rule-based extractor reads from one message, to tune rules without a chat. */

const USAGE = 'usage: npm run -s extract -- [--now YYYY-MM-DD] [--tz Area/City] "<message>"';

class UsageError extends Error {}

function parseOptions(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      options: { now: { type: "string" }, tz: { type: "string" } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    // parseArgs goes on about passing "-x" as a message; its first sentence names the problem.
    throw new UsageError((error as Error).message.split(". ")[0] ?? "bad arguments");
  }
}

/** Noon of that day in the zone, so the day is the same there whatever the machine's zone. */
function noonOf(text: string, timeZone: string): Date {
  const [year, month, day] = (/^(\d{4})-(\d{2})-(\d{2})$/.exec(text) ?? []).slice(1).map(Number);
  const noon = year && month && day ? noonIn({ year, month, day }, timeZone) : undefined;
  // 2026-02-30 would roll over to March.
  const real = noon ? calendarDay(noon, timeZone) : undefined;
  if (!noon || real?.month !== month || real?.day !== day) {
    throw new UsageError("--now must be a calendar date like 2026-11-25");
  }
  return noon;
}

function parse(argv: string[]) {
  const { values, positionals } = parseOptions(argv);
  // Unquoted words arrive as several positionals; they are still one message.
  const message = positionals.join(" ").trim();
  if (!message) throw new UsageError("give the message to read");
  const timeZone = canonicalZone(values.tz ?? "UTC");
  if (!timeZone) throw new UsageError("--tz must be an IANA time zone such as America/Chicago");
  const now = values.now === undefined ? new Date() : noonOf(values.now, timeZone);
  return { message, timeZone, now };
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
