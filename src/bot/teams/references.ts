import type { Activity, ConversationReference } from "@microsoft/agents-activity";
import type { KeyValueStore } from "../../stores/kv.js";
import { channelOf } from "./place.js";

/** A team channel or a user's chat stays reachable long after its last message. */
const TTL_SECONDS = 400 * 86_400;

const NOT_SEEN = (where: string) =>
  `I haven't been in ${where} yet: add me to its team and @mention me there once, then subscribe again.`;

const teamsChannel = (activity: Activity) =>
  (activity.channelData as { channel?: { id?: string; name?: string } } | undefined)?.channel;

/**
 * Where the bot can speak without being asked (digests, alerts, approval cards, private answers):
 * Teams only lets a bot post into a conversation it has seen, by the reference it kept. Kept per
 * conversation, per channel (a new post starts a thread there), per channel name (so people can
 * subscribe "#dealer-promos") and per user's personal chat.
 */
export class ConversationReferences {
  constructor(private readonly kv: KeyValueStore) {}

  async remember(activity: Activity): Promise<void> {
    const reference = activity.getConversationReference();
    const id = reference.conversation?.id;
    if (!id) return;
    // Proactive posts go to the conversation, not in reply to this message.
    const { activityId: _message, ...conversation } = reference;
    await this.put(`teams-ref:${id}`, conversation);
    const channel = channelOf(id);
    if (channel !== id) {
      await this.put(`teams-ref:${channel}`, {
        ...conversation,
        conversation: { ...conversation.conversation, id: channel },
      });
      const name = teamsChannel(activity)?.name;
      if (name) {
        await this.kv.set(`teams-channel-name:${name.toLowerCase()}`, channel, TTL_SECONDS);
        await this.kv.set(`teams-channel-label:${channel}`, `#${name}`, TTL_SECONDS);
      }
    }
    const userId = activity.from?.aadObjectId ?? activity.from?.id;
    if (activity.conversation?.conversationType === "personal" && userId)
      await this.kv.set(`teams-personal:${userId}`, id, TTL_SECONDS);
  }

  async of(conversationId: string): Promise<ConversationReference | undefined> {
    const stored = await this.kv.get(`teams-ref:${conversationId}`);
    return stored ? (JSON.parse(stored) as ConversationReference) : undefined;
  }

  /** The user's personal chat with the bot, once they have written in it. */
  personalChatOf(userId: string): Promise<string | undefined> {
    return this.kv.get(`teams-personal:${userId}`);
  }

  /** A channel by the name people type ("dealer-promos"), once the bot has seen it. */
  channelNamed(name: string): Promise<string | undefined> {
    return this.kv.get(`teams-channel-name:${name.toLowerCase()}`);
  }

  /**
   * A channel as typed ("#dealer-promos", or the conversation a command came from) → where to
   * post and its name, or what to do first: Teams lets a bot post only where it has been.
   */
  async channelFor(typed: string): Promise<{ channel: string; name: string } | { problem: string }> {
    const text = typed.trim();
    if (/^(19|a|8):/.test(text)) {
      const reference = await this.of(text);
      if (!reference) return { problem: NOT_SEEN("this conversation") };
      const personal = reference.conversation?.conversationType === "personal";
      const label = personal ? "this chat" : await this.kv.get(`teams-channel-label:${text}`);
      return { channel: text, name: label ?? "this channel" };
    }
    const name = text.replace(/^#/, "");
    if (!name) return { problem: "Name a channel, e.g. #dealer-promos." };
    const channel = await this.channelNamed(name);
    return channel
      ? { channel, name: `#${name}` }
      : {
          problem: `I don't know a channel called #${name}: Teams doesn't tell bots channel names. Subscribe from inside the channel instead: @mention me there with "digest subscribe weekly".`,
        };
  }

  private put(key: string, reference: ConversationReference): Promise<void> {
    return this.kv.set(key, JSON.stringify(reference), TTL_SECONDS);
  }
}
