import type { Activity } from "@microsoft/agents-activity";
import { type OffersCommandLine, readOffersCommand } from "../../core/offer-commands.js";

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/**
 * What a user typed, as plain words: Teams wraps the bot's @mention in `<at>` tags, may send
 * formatted text as HTML, and escapes characters as entities.
 */
export function plainTextOf(activity: Activity): string {
  activity.removeRecipientMention();
  activity.normalizeMentions(true);
  return (activity.text ?? "")
    .replace(/<br\s*\/?>|<\/p>|<\/div>/gi, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (entity, name: string) => {
      if (name.startsWith("#x")) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
      if (name.startsWith("#")) return String.fromCodePoint(Number(name.slice(1)));
      return ENTITIES[name.toLowerCase()] ?? entity;
    })
    .trim();
}

/**
 * Teams' command menu sends the bare verb ("list", "show 7"): a message that reads as an
 * `/offers` command runs as one; anything else ("show me my offers") is a conversation.
 */
export function commandOf(text: string): OffersCommandLine | undefined {
  const typedSlash = /^\/offers\b/i.test(text);
  const line = readOffersCommand(text.replace(/^\/offers\b\s*/i, ""));
  return "error" in line.command && !typedSlash ? undefined : line;
}
