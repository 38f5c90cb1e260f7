import { CHANNELS, type Channel } from "../../draft.js";
import type { Rule } from "./scan.js";

const rx = (source: string) => new RegExp(source, "gi");

const NAMED: [RegExp, Channel][] = [
  [rx(String.raw`\b(?:hub\s+)?air[\s-]?drops?\b`), "hub_airdrop"],
  [rx(String.raw`\bactivation\s+links?\b`), "activation_link"],
];

/** "marketplace promoted", "promoted in the marketplace", "organic and promoted marketplace listings". */
const MARKETPLACE = rx(
  String.raw`\b(?:(?:(promoted|organic)(?:ally)?\s+(?:(?:and|&|or|\+)\s+(promoted|organic)(?:ally)?\s+)?(?:(?:in|on|via)\s+)?(?:the\s+)?marketplace)|marketplace\s*(?:[(:-]\s*)?(promoted|organic)(?:\s+(?:and|&|or|\+)\s+(promoted|organic))?)\b`,
);

const MARKETPLACE_KIND: Record<string, Channel> = {
  promoted: "marketplace_promoted",
  organic: "marketplace_organic",
};

const ALL = rx(String.raw`\ball\s+(?:four\s+|4\s+)?(?:the\s+)?channels\b|\bevery\s+channel\b`);

/** "add marketplace promoted" keeps what the draft has; "remove …" takes away; otherwise replace. */
const ADD = /\b(?:add|include|also)\b/i;
const REMOVE = /\b(?:remove|drop|exclude|without|take\s+(?:off|out))\b/i;

/** Delivery channels, in the order of CHANNELS. */
export const readChannels: Rule = (scan, patch, context) => {
  const found = new Set<Channel>();
  if (scan.take(ALL).length > 0) for (const channel of CHANNELS) found.add(channel);
  for (const [pattern, channel] of NAMED) if (scan.take(pattern).length > 0) found.add(channel);
  for (const match of scan.take(MARKETPLACE)) {
    for (const kind of match.slice(1)) {
      const channel = MARKETPLACE_KIND[kind?.toLowerCase() ?? ""];
      if (channel) found.add(channel);
    }
  }
  if (found.size === 0) return;
  const current = new Set(context.draft.channels ?? []);
  const keep = (channel: Channel) =>
    REMOVE.test(scan.text)
      ? current.has(channel) && !found.has(channel)
      : found.has(channel) || (ADD.test(scan.text) && current.has(channel));
  patch.channels = CHANNELS.filter(keep);
};
