import { Cron } from "croner";
import { canonicalZone } from "../../graph/dates.js";

export type ScheduleKind = "daily" | "weekly" | "monthly" | "cron";

/** `/offers digest subscribe …` as typed, checked, with its cron pattern worked out. */
export interface SubscribeRequest {
  /** The channel as typed ("#dealer-promos" or Slack's "<#C123|dealer-promos>"); absent means here. */
  channel?: string;
  schedule: ScheduleKind;
  /** Five-field cron pattern in `timeZone`. */
  cron: string;
  timeZone: string;
  merchant?: string;
  program?: string;
}

export type Parsed = { ok: true; request: SubscribeRequest } | { ok: false; error: string };

const DAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
const USAGE =
  'e.g. `/offers digest subscribe #dealer-promos weekly on monday at 9:00 tz America/Chicago merchant:Heartland`, or `cron "0 9 * * 1"` for your own schedule';

/** Each part of the command, anywhere in it; what none of them reads is reported back. */
const PARTS = {
  channel: /(?:^|\s)(<#[A-Z0-9]+(?:\|[^>]*)?>|#[\w-]+)(?=\s|$)/i,
  cron: /(?:^|\s)cron\s+["“”']([^"“”']+)["“”']/i,
  schedule: /(?:^|\s)(daily|weekly|monthly)(?=\s|$)/i,
  day: /(?:^|\s)on\s+((?:sun|mon|tue|wed|thu|fri|sat)[a-z]*?)s?(?=\s|$)/i,
  time: /(?:^|\s)at\s+(\d{1,2})(?::(\d{2}))?\s*(am|pm)?(?=\s|$)/i,
  timeZone: /(?:^|\s)(?:tz|time\s*zone)\s+(\S+)/i,
  scope: /(?:^|\s)(merchant|program):\s*(.+?)(?=\s+(?:merchant|program):|$)/i,
};

function take(text: { rest: string }, pattern: RegExp): RegExpExecArray | undefined {
  const match = pattern.exec(text.rest);
  if (match)
    text.rest = `${text.rest.slice(0, match.index)} ${text.rest.slice(match.index + match[0].length)}`;
  return match ?? undefined;
}

function timeOf(match: RegExpExecArray | undefined): { hour: number; minute: number } | string {
  if (!match) return { hour: 9, minute: 0 };
  let hour = Number(match[1]);
  const minute = Number(match[2] ?? 0);
  const half = match[3]?.toLowerCase();
  if (half && (hour < 1 || hour > 12))
    return `"${match[0].trim()}" isn't a time of day: with am/pm the hour is 1–12.`;
  if (half === "pm" && hour < 12) hour += 12;
  if (half === "am" && hour === 12) hour = 0;
  if (hour > 23 || minute > 59)
    return `"${match[0].trim()}" isn't a time of day: use 24-hour HH:MM, e.g. at 09:00 or at 17:30.`;
  return { hour, minute };
}

/** Croner's message without its class prefix: "Invalid value for minute: 61". */
function cronError(pattern: string, timeZone: string): string | undefined {
  if (pattern.trim().split(/\s+/).length !== 5)
    return `"${pattern}" needs five fields: minute hour day-of-month month day-of-week, e.g. "0 9 * * 1" for Mondays at 9:00.`;
  try {
    new Cron(pattern, { timezone: timeZone, paused: true }).nextRun();
    return undefined;
  } catch (error) {
    const reason = (error as Error).message.replace(/^\w+:\s*/, "").split(". ")[0];
    return `"${pattern}" isn't a schedule I can run: ${reason?.charAt(0).toLowerCase()}${reason?.slice(1)}. Use five fields, e.g. "0 9 * * 1" for Mondays at 9:00.`;
  }
}

/** Reads the words after `/offers digest subscribe`; `timeZone` is the user's, used when none is typed. */
export function parseSubscribe(words: string, timeZone: string): Parsed {
  const text = { rest: ` ${words.trim()} ` };
  const channel = take(text, PARTS.channel)?.[1];
  const cron = take(text, PARTS.cron)?.[1]?.trim();
  const schedule = take(text, PARTS.schedule)?.[1]?.toLowerCase() as ScheduleKind | undefined;
  const day = take(text, PARTS.day)?.[1]?.toLowerCase();
  const time = timeOf(take(text, PARTS.time));
  const zoneTyped = take(text, PARTS.timeZone)?.[1];
  const scope = take(text, PARTS.scope);
  const leftover = text.rest.trim();
  if (leftover)
    return { ok: false, error: `I didn't understand "${leftover}" in that subscription: ${USAGE}.` };
  if (typeof time === "string") return { ok: false, error: time };
  const zone = zoneTyped === undefined ? timeZone : canonicalZone(zoneTyped);
  if (!zone)
    return {
      ok: false,
      error: `"${zoneTyped}" isn't a time zone I know: use an Area/City name such as America/Chicago or Europe/London.`,
    };
  if (cron && schedule)
    return { ok: false, error: `Give either ${schedule} or a cron schedule, not both: ${USAGE}.` };
  if (!cron && !schedule)
    return { ok: false, error: `Say how often: daily, weekly, monthly or cron "…" — ${USAGE}.` };
  if (day && schedule !== "weekly")
    return { ok: false, error: `"on ${day}" goes with weekly: say "weekly on ${day}".` };
  const weekday = day ? DAYS.findIndex((name) => name.startsWith(day.slice(0, 3))) : 1;
  const pattern =
    cron ??
    {
      daily: `${time.minute} ${time.hour} * * *`,
      weekly: `${time.minute} ${time.hour} * * ${weekday}`,
      monthly: `${time.minute} ${time.hour} 1 * *`,
    }[schedule as Exclude<ScheduleKind, "cron">];
  const invalid = cronError(pattern, zone);
  if (invalid) return { ok: false, error: invalid };
  const scopeKind = scope?.[1]?.toLowerCase();
  const scopeName = scope?.[2]?.trim();
  return {
    ok: true,
    request: {
      ...(channel && { channel }),
      schedule: cron ? "cron" : (schedule as ScheduleKind),
      cron: pattern,
      timeZone: zone,
      ...(scopeKind === "merchant" && scopeName && { merchant: scopeName }),
      ...(scopeKind === "program" && scopeName && { program: scopeName }),
    },
  };
}
