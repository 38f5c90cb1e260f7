import type { ThreadRegistry } from "../../core/threads.js";

/** Where a Slack message is: a channel (or DM), and the thread in it. */
export interface SlackPlace {
  team: string;
  channel: string;
  /** The Slack thread the conversation lives in; absent for a DM's main conversation. */
  threadTs?: string;
}

const MAIN = "main";

/**
 * A Slack place's key, which is also its conversation's thread key: `slack:<team>:<channel>:<thread
 * ts | main>`. Conversations started without a message (a form, a duplicate) get a provisional
 * key, registered under the ts of the first message posted, so replies in that thread find them.
 */
export function placeKeyOf(place: SlackPlace): string {
  return `slack:${place.team}:${place.channel}:${place.threadTs ?? MAIN}`;
}

export function placeOf(threadKey: string): SlackPlace | undefined {
  const match = /^slack:([^:]+):([^:]+):([^:]+)$/.exec(threadKey);
  if (!match?.[1] || !match[2] || !match[3]) return undefined;
  const thread = match[3];
  return {
    team: match[1],
    channel: match[2],
    ...(thread === MAIN || thread.startsWith("new-") ? {} : { threadTs: thread }),
  };
}

export function provisionalThreadKey(team: string, channel: string): string {
  return `slack:${team}:${channel}:new-${crypto.randomUUID()}`;
}

export const isProvisional = (threadKey: string) => /:new-[0-9a-f-]+$/.test(threadKey);

/** Where a conversation's messages go: its key, or where its first message landed. */
export async function currentPlace(threads: ThreadRegistry, threadKey: string): Promise<SlackPlace> {
  const place = placeOf(threadKey);
  if (!place) throw new Error(`not a Slack thread key: ${threadKey}`);
  const landed = await threads.landing(threadKey);
  return landed ? { ...place, channel: landed.channel, threadTs: landed.threadId } : place;
}
