/**
 * A digest asked for in a sentence ("send a weekly digest for Heartland to #dealer-promos on
 * Mondays at 9") → the words of `/offers digest …`, or undefined when the message is not about
 * digests. Hand-written because the parts are few and fixed; the command's own parser checks them.
 */
export function digestWords(text: string): string | undefined {
  const message = text.trim();
  if (!/\bdigests?\b/i.test(message)) return undefined;
  const id = /(?:digest|subscription|#)\s*(\d+)\b/i.exec(message)?.[1];
  if (
    /\b(?:stop|unsubscribe|cancel|remove|delete|turn off|end|kill|drop|no more|get rid of)\b/i.test(message)
  )
    return id ? `unsubscribe ${id}` : "unsubscribe";
  if (
    /\b(?:list|which|what)\b.*\bdigests\b|\b(?:my|our|all)\s+digests\b|^digests?\b\W*(?:please|pls)?\W*$/i.test(
      message,
    )
  )
    return "list";
  if (/\b(?:run|post|send)\b.*\bnow\b/i.test(message) && id) return `run ${id}`;
  const scope = scopeOf(message);
  if (/\b(?:preview|look like|show me|sample)\b/i.test(message) && !/#[\w-]+|<#/.test(message))
    return ["preview", frequencyOf(message), scope].filter(Boolean).join(" ");
  const asked = /\b(?:send|post|set up|setup|subscribe|start|schedule|want|get|drop|put)\b/i.test(message);
  if (!asked && !frequencyOf(message) && !channelOf(message)) return undefined;
  return [
    "subscribe",
    channelOf(message),
    frequencyOf(message) ?? "weekly",
    dayOf(message),
    timeOf(message),
    scope,
  ]
    .filter(Boolean)
    .join(" ");
}

function channelOf(message: string): string | undefined {
  return /(<#[A-Z0-9]+(?:\|[^>]*)?>|#[\w-]+)/i.exec(message)?.[1];
}

function frequencyOf(message: string): string | undefined {
  if (/\b(?:daily|every day|each day|every morning|each morning)\b/i.test(message)) return "daily";
  if (/\b(?:monthly|every month|each month)\b/i.test(message)) return "monthly";
  if (/\b(?:weekly|every week|each week)\b/i.test(message) || dayOf(message)) return "weekly";
  return undefined;
}

function dayOf(message: string): string | undefined {
  const day =
    /\b(?:on|every|each)?\s*(mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?s?\b/i.exec(
      message,
    )?.[1];
  return day ? `on ${day.slice(0, 3).toLowerCase()}` : undefined;
}

/** "at 9", "at 9:30", or without "at" when the time cannot be anything else: "8am", "17:30". */
function timeOf(message: string): string | undefined {
  const time =
    /\bat\s+(\d{1,2}(?::\d{2})?)\s*(am|pm|a\.m\.|p\.m\.)?/i.exec(message) ??
    /\b(\d{1,2}(?::\d{2})?)\s*(am|pm|a\.m\.|p\.m\.)|\b(\d{1,2}:\d{2})\b/i.exec(message);
  const clock = time?.[1] ?? time?.[3];
  if (!clock) return undefined;
  return `at ${clock}${time?.[2] ? time[2].replace(/\./g, "").toLowerCase() : ""}`;
}

/** Words after "for" that name who gets the digest, not what it covers. */
const NOT_A_MERCHANT =
  /^(?:me|us|you|everyone|everybody|all(?:\s+offers)?|the\s+(?:team|channel|group|week|month|day)|our\s+team|my\s+team)$/i;
/** Where a merchant's name ends: the next part of the sentence. */
const NAME_END = String.raw`(?=\s+(?:to|in|into|on|at|every|each|daily|weekly|monthly|please|pls|starting|from)\b|[,.!?]|$)`;

/** "for Heartland" → merchant:Heartland, up to the next part of the sentence. */
function scopeOf(message: string): string | undefined {
  const typed = new RegExp(String.raw`\b(merchant|program):\s*(\S.*?)${NAME_END}`, "i").exec(message);
  if (typed) return `${typed[1]?.toLowerCase()}:${typed[2]}`;
  const named = new RegExp(String.raw`\b(?:for|about|covering)\s+(.+?)${NAME_END}`, "i")
    .exec(message)?.[1]
    ?.trim();
  if (!named || NOT_A_MERCHANT.test(named) || channelOf(named)) return undefined;
  return `merchant:${named}`;
}
