import type { KeyValueStore } from "../stores/kv.js";

/** Where a conversation's first message landed: a channel's thread that replies will carry. */
export interface Landing {
  channel: string;
  threadId: string;
}

/** Stored as the thread's card once it shows a published offer: no message is the live card. */
const NO_LIVE_CARD = "";

/**
 * Which conversation a channel thread carries, which message is a conversation's live card
 * (updated in place, the only one whose buttons count), and where a conversation started without
 * a message (a form, a duplicate) landed. Every fact lives as long as the draft does.
 */
export class ThreadRegistry {
  constructor(
    private readonly kv: KeyValueStore,
    readonly ttlSeconds: number,
  ) {}

  /** The conversation a channel thread carries: a registered one, or the thread's own key. */
  async resolve(placeKey: string): Promise<string> {
    const registered = await this.kv.get(`thread:${placeKey}`);
    // A conversation in use keeps its channel mapping as long as its draft lives.
    if (registered) await this.kv.set(`thread:${placeKey}`, registered, this.ttlSeconds);
    return registered ?? placeKey;
  }

  /** Whether a channel thread carries a conversation, so plain replies in it are for the bot. */
  async isKnown(placeKey: string): Promise<boolean> {
    return (await this.kv.get(`thread:${placeKey}`)) !== undefined;
  }

  async register(placeKey: string, threadKey: string): Promise<void> {
    await this.kv.set(`thread:${placeKey}`, threadKey, this.ttlSeconds);
  }

  async liveCard(threadKey: string): Promise<string | undefined> {
    return (await this.kv.get(`preview:${threadKey}`)) || undefined;
  }

  /** Undefined: the card shows a published offer, so the next draft gets a card of its own. */
  async setLiveCard(threadKey: string, messageId: string | undefined): Promise<void> {
    await this.kv.set(`preview:${threadKey}`, messageId ?? NO_LIVE_CARD, this.ttlSeconds);
  }

  /** Whether a click came from the conversation's live card; older copies and approval cards did not. */
  async fromLiveCard(click: { threadKey: string; messageId?: string }): Promise<boolean> {
    return (
      click.messageId === undefined || (await this.kv.get(`preview:${click.threadKey}`)) === click.messageId
    );
  }

  async landing(threadKey: string): Promise<Landing | undefined> {
    const stored = await this.kv.get(`place:${threadKey}`);
    if (!stored) return undefined;
    await this.kv.set(`place:${threadKey}`, stored, this.ttlSeconds);
    const { channel, threadTs } = JSON.parse(stored) as { channel: string; threadTs: string };
    return { channel, threadId: threadTs };
  }

  async setLanding(threadKey: string, landing: Landing): Promise<void> {
    const stored = JSON.stringify({ channel: landing.channel, threadTs: landing.threadId });
    await this.kv.set(`place:${threadKey}`, stored, this.ttlSeconds);
  }
}
