import type { WebClient } from "@slack/web-api";
import { platformCode } from "./start-up.js";

/** The bot user's name people invite, as manifest.yml's bot_user.display_name sets it. */
const BOT_NAME = "Kigo Offers";
const PAGE_SIZE = 200;

export type ChannelLookup = { channel: string; name: string } | { problem: string };

/** "<#C123|dealer-promos>" or "<#C123>" (picked with #), "#dealer-promos", or a bare "C123" / "G123". */
function parse(typed: string): { id?: string; name?: string } {
  const text = typed.trim();
  const mention = /^<#([CG][A-Z0-9]+)(?:\|([^>]*))?>$/.exec(text);
  if (mention) return { id: mention[1], ...(mention[2] ? { name: mention[2] } : {}) };
  if (/^[CG][A-Z0-9]+$/.test(text)) return { id: text };
  return { name: text.replace(/^#/, "").toLowerCase() };
}

const notIn = (name: string) =>
  `I'm not in #${name} yet: invite me with /invite @${BOT_NAME}, then subscribe again.`;

/**
 * A channel as someone typed it → its id and name, or why the bot cannot post there. Names are
 * looked up among the channels the bot can see (public ones, and private ones it is in); the
 * bot must be a member to post, so membership is checked too.
 */
export async function findChannel(client: WebClient, typed: string): Promise<ChannelLookup> {
  // A DM with the bot (a command typed there, no channel named): the bot may always post in it.
  if (/^D[A-Z0-9]+$/.test(typed.trim())) return { channel: typed.trim(), name: "your DM with me" };
  const { id, name } = parse(typed);
  if (!id && !name)
    return { problem: "Name a channel, e.g. #dealer-promos, or pick it from the list with #." };
  const channel = id ?? (name ? await idByName(client, name) : undefined);
  if (!channel) {
    return {
      problem: `I can't find a channel called #${name}. Check the spelling, or pick it from the list with #.`,
    };
  }
  try {
    const info = (await client.conversations.info({ channel })).channel;
    const known = info?.name ?? name ?? channel;
    if (info?.is_archived) return { problem: `#${known} is archived: pick a channel that is in use.` };
    if (!info?.is_member) return { problem: notIn(known) };
    return { channel, name: `#${known}` };
  } catch (error) {
    // A private channel the bot is not in looks to it as if it did not exist.
    if (platformCode(error) === "channel_not_found") return { problem: notIn(name ?? channel) };
    throw error;
  }
}

async function idByName(client: WebClient, name: string): Promise<string | undefined> {
  for await (const page of client.paginate("conversations.list", {
    types: "public_channel,private_channel",
    exclude_archived: true,
    limit: PAGE_SIZE,
  })) {
    const channels = (page as { channels?: { id?: string; name?: string }[] }).channels ?? [];
    const found = channels.find((channel) => channel.name?.toLowerCase() === name);
    if (found?.id) return found.id;
  }
  return undefined;
}
