/**
 * A digest asked for in a sentence ("send a weekly digest for Heartland to #dealer-promos on
 * Mondays at 9") → the words of `/offers digest …`, or undefined when the message is not about
 * digests. Hand-written because the parts are few and fixed; the command's own parser checks them.
 */
export function digestWords(text: string): string | undefined {
  const message = text.trim();
  if (!/\bdigests?\b/i.test(message)) return undefined;
  const id = /(?:digest|subscription|#)\s*(\d+)\b/i.exec(message)?.[1];
  if (/\b(?:stop|unsubscribe|cancel|remove|delete|turn off|end)\b/i.test(message))
    return id ? `unsubscribe ${id}` : "unsubscribe";
  if (/\b(?:list|which|what)\b.*\bdigests\b|\bmy digests\b|^digests\??$/i.test(message)) return "list";
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

function timeOf(message: string): string | undefined {
  const time = /\bat\s+(\d{1,2}(?::\d{2})?)\s*(am|pm|a\.m\.|p\.m\.)?/i.exec(message);
  if (!time?.[1]) return undefined;
  return `at ${time[1]}${time[2] ? time[2].replace(/\./g, "").toLowerCase() : ""}`;
}

/** "for Heartland" → merchant:Heartland, up to the next part of the sentence. */
function scopeOf(message: string): string | undefined {
  const typed =
    /\bmerchant:\s*\S.*?(?=\s+(?:to|in|into|on|at|every|each)\b|[,.!?]|$)|\bprogram:\s*\S.*?(?=\s+(?:to|in|into|on|at|every|each)\b|[,.!?]|$)/i.exec(
      message,
    )?.[0];
  if (typed) return typed.replace(/:\s+/, ":");
  const named =
    /\b(?:for|about|on)\s+(?!the\s+(?:week|month|day)\b)(?!(?:mon|tue|wed|thu|fri|sat|sun)\w*\b)(?!all\b)([A-Z0-9][\w&'.-]*(?:\s+[A-Z0-9][\w&'.-]*)*)/.exec(
      message,
    )?.[1];
  return named ? `merchant:${named}` : undefined;
}
