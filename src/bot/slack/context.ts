import type { WebClient } from "@slack/web-api";
import type { Logger } from "pino";
import type { Speaker } from "../../core/conversation.js";
import type { OfferBot } from "../../core/offer-bot.js";
import type { Reply } from "../../core/view-models.js";
import type { KeyValueStore } from "../../stores/kv.js";
import { replyBlocks } from "../../views/slack/index.js";

/** What every Slack listener needs: the one bot core and where Slack-side facts are kept. */
export interface SlackDeps {
  bot: OfferBot;
  kv: KeyValueStore;
  /** Channel id where "Submit for approval" posts approval cards. */
  approvalsChannel?: string;
  /** How long delivery facts (preview message, thread registry) are kept: the draft TTL. */
  ttlSeconds: number;
  logger?: Logger;
}

export interface SlackPlace {
  team: string;
  channel: string;
  /** The Slack thread the conversation lives in; absent for a DM's main conversation. */
  threadTs?: string;
}

const MAIN = "main";
/** Stored as the thread's card once it shows a published offer: no message is the live card. */
const NO_LIVE_CARD = "";

/**
 * A conversation thread key: `slack:<team>:<channel>:<thread ts | main>`. Conversations started
 * without a message (a form, a duplicate) get a provisional key, registered under the ts of the
 * first message posted, so replies in that Slack thread find the same draft.
 */
export function threadKeyOf(place: SlackPlace): string {
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

const isProvisional = (threadKey: string) => /:new-[0-9a-f-]+$/.test(threadKey);

/** The conversation a Slack message belongs to (registered conversations first). */
export async function resolveThreadKey(deps: SlackDeps, place: SlackPlace): Promise<string> {
  const direct = threadKeyOf(place);
  const registered = await deps.kv.get(`thread:${direct}`);
  // A conversation in use keeps its Slack mapping as long as its draft lives.
  if (registered) await deps.kv.set(`thread:${direct}`, registered, deps.ttlSeconds);
  return registered ?? direct;
}

export async function isKnownThread(deps: SlackDeps, place: SlackPlace): Promise<boolean> {
  return (await deps.kv.get(`thread:${threadKeyOf(place)}`)) !== undefined;
}

/** Remembers that a Slack thread carries a conversation (so plain replies in it are for the bot). */
async function register(deps: SlackDeps, place: SlackPlace, threadKey: string): Promise<void> {
  await deps.kv.set(`thread:${threadKeyOf(place)}`, threadKey, deps.ttlSeconds);
}

export async function rememberThread(deps: SlackDeps, place: SlackPlace): Promise<void> {
  await register(deps, place, threadKeyOf(place));
}

/** The speaker, with the time zone Slack knows for them (cached a day). */
export async function speakerOf(
  deps: SlackDeps,
  client: WebClient,
  where: { userId: string; team?: string; channel?: string },
  /** false before an ack: only the cached time zone, no Slack call. */
  options: { lookup?: boolean } = {},
): Promise<Speaker> {
  const cacheKey = `tz:${where.userId}`;
  let timeZone = await deps.kv.get(cacheKey);
  if (!timeZone && options.lookup !== false) {
    try {
      timeZone = (await client.users.info({ user: where.userId })).user?.tz ?? undefined;
      if (timeZone) await deps.kv.set(cacheKey, timeZone, 86_400);
    } catch (error) {
      deps.logger?.warn({ err: error }, "users.info failed; using the default time zone");
    }
  }
  return {
    userId: where.userId,
    ...(where.team ? { workspaceId: where.team } : {}),
    ...(where.channel ? { channelId: where.channel } : {}),
    ...(timeZone ? { timeZone } : {}),
  };
}

/**
 * Posts a turn's replies into the conversation's thread. A preview replaces the thread's previous
 * preview in place (chat.update) rather than piling up copies; its notes are posted as a short
 * message so the change is visible where the user is reading.
 */
export async function deliver(
  deps: SlackDeps,
  client: WebClient,
  threadKey: string,
  replies: Reply[],
  /** Post the preview anew at the bottom (a resumed draft) instead of updating it in place. */
  options: { fresh?: boolean } = {},
): Promise<void> {
  const place = await currentPlace(deps, threadKey);
  let threadTs = place.threadTs;
  let channel = place.channel;
  const approvals = deps.approvalsChannel ? { channel: deps.approvalsChannel } : {};
  for (const reply of replies) {
    const { text, blocks } = replyBlocks(reply, { threadKey, approvals });
    // Publishing turns the card into the published offer, so no old Publish stays clickable. That
    // card is then done: a later turn answers below it, and a next draft gets a card of its own.
    if (reply.kind === "preview" || reply.kind === "published") {
      const previous = await deps.kv.get(`preview:${threadKey}`);
      if (previous && !options.fresh && (await updated(client, channel, previous, text, blocks))) {
        const live = reply.kind === "preview" ? previous : NO_LIVE_CARD;
        await deps.kv.set(`preview:${threadKey}`, live, deps.ttlSeconds);
        if (reply.kind === "preview" && reply.notes.length > 0)
          await post(client, channel, threadTs, `${reply.notes.join(" ")} (preview updated above)`);
        continue;
      }
    }
    const posted = await post(client, channel, threadTs, text, blocks);
    if (reply.kind === "preview" && posted.ts)
      await deps.kv.set(`preview:${threadKey}`, posted.ts, deps.ttlSeconds);
    if (!threadTs && isProvisional(threadKey) && posted.ts) {
      // The first message of a conversation started by a form or a duplicate opens its thread;
      // a post to a user id answers with the DM's real channel id, which replies will carry.
      threadTs = posted.ts;
      channel = posted.channel ?? channel;
      await register(deps, { ...place, channel, threadTs }, threadKey);
      await deps.kv.set(`place:${threadKey}`, JSON.stringify({ channel, threadTs }), deps.ttlSeconds);
    }
  }
}

/** Whether a click came from the thread's live card; older copies and approval cards did not. */
export async function fromLiveCard(
  deps: SlackDeps,
  click: { threadKey: string; messageTs?: string },
): Promise<boolean> {
  return (
    click.messageTs === undefined || (await deps.kv.get(`preview:${click.threadKey}`)) === click.messageTs
  );
}

/** Where a conversation's messages go: its key, or where its first message landed. */
export async function currentPlace(deps: SlackDeps, threadKey: string): Promise<SlackPlace> {
  const place = placeOf(threadKey);
  if (!place) throw new Error(`not a Slack thread key: ${threadKey}`);
  const landed = await deps.kv.get(`place:${threadKey}`);
  if (landed) await deps.kv.set(`place:${threadKey}`, landed, deps.ttlSeconds);
  return landed ? { ...place, ...(JSON.parse(landed) as { channel: string; threadTs: string }) } : place;
}

async function post(
  client: WebClient,
  channel: string,
  threadTs: string | undefined,
  text: string,
  blocks?: unknown[],
) {
  const result = await client.chat.postMessage({
    channel,
    text,
    ...(blocks ? { blocks: blocks as never } : {}),
    ...(threadTs ? { thread_ts: threadTs } : {}),
  });
  return { ts: result.ts, channel: result.channel };
}

async function updated(
  client: WebClient,
  channel: string,
  ts: string,
  text: string,
  blocks: unknown[],
): Promise<boolean> {
  try {
    await client.chat.update({ channel, ts, text, blocks: blocks as never });
    return true;
  } catch {
    return false; // deleted or too old: post a fresh one
  }
}

/** Replies only the asking user sees (command results), unless they asked to share. */
export async function deliverEphemeral(
  client: WebClient,
  where: { channel: string; user: string; share: boolean },
  threadKey: string,
  replies: Reply[],
): Promise<void> {
  for (const reply of replies) {
    const { text, blocks } = replyBlocks(reply, { threadKey });
    if (where.share) await client.chat.postMessage({ channel: where.channel, text, blocks: blocks as never });
    else
      await client.chat.postEphemeral({
        channel: where.channel,
        user: where.user,
        text,
        blocks: blocks as never,
      });
  }
}
