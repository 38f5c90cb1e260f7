import { APP_ID, BOT_ID, BOT_USER_ID, nextTs, TEAM_ID } from "./ids.js";

/**
 * What the fake Slack remembers between calls: users, the messages in each channel (so history and replies
 * answer from what was posted) and uploaded files.
 */

export interface FakeSlackUser {
  tz?: string;
  real_name?: string;
  is_bot?: boolean;
}

export interface StoredMessage {
  type: "message";
  ts: string;
  user: string;
  text?: string;
  blocks?: unknown;
  thread_ts?: string;
  bot_id?: string;
  app_id?: string;
}

/** A channel declared by a test, so it can be looked up by name. */
export interface FakeChannel {
  id: string;
  name: string;
  is_private: boolean;
  is_archived: boolean;
  is_member: boolean;
}

interface Upload {
  filename: string;
  content?: Buffer;
}

export class Workspace {
  private readonly users = new Map<string, FakeSlackUser>();
  private readonly channels = new Map<string, StoredMessage[]>();
  readonly uploads = new Map<string, Upload>();
  /** Channels the bot is not a member of (and DMs it is not part of). */
  private readonly outside = new Set<string>();
  /** In the order declared, as conversations.list pages through them. */
  readonly declared = new Map<string, FakeChannel>();
  // Never reset, so ids stay unique across the tests sharing one fake.
  private sequence = 0;

  constructor(readonly origin: string) {}

  reset(): void {
    this.users.clear();
    this.channels.clear();
    this.uploads.clear();
    this.outside.clear();
    this.declared.clear();
  }

  keepBotOut(channel: string): void {
    this.outside.add(channel);
  }

  addChannel(
    id: string,
    name: string,
    options: { member?: boolean; private?: boolean; archived?: boolean },
  ): void {
    const { member = true, private: isPrivate = id.startsWith("G"), archived = false } = options;
    this.declared.set(id, { id, name, is_private: isPrivate, is_archived: archived, is_member: member });
    if (!member) this.keepBotOut(id);
  }

  isOutside(channel: string): boolean {
    return this.outside.has(channel);
  }

  nextId(prefix: string): string {
    this.sequence += 1;
    return `${prefix}${String(this.sequence).padStart(9, "0")}`;
  }

  setUser(id: string, user: FakeSlackUser): void {
    this.users.set(id, { ...this.users.get(id), ...user });
  }

  user(id: string): Record<string, unknown> {
    const { tz = "America/Chicago", real_name = `User ${id}`, is_bot = false } = this.users.get(id) ?? {};
    return {
      id,
      team_id: TEAM_ID,
      name: real_name.toLowerCase().replace(/\s+/g, "."),
      real_name,
      tz,
      tz_label: tz,
      is_bot,
      deleted: false,
      profile: { real_name, display_name: real_name },
    };
  }

  messagesIn(channel: string): StoredMessage[] {
    let messages = this.channels.get(channel);
    if (!messages) {
      messages = [];
      this.channels.set(channel, messages);
    }
    return messages;
  }

  find(channel: string, ts: string): StoredMessage | undefined {
    return this.channels.get(channel)?.find((m) => m.ts === ts);
  }

  remove(channel: string, ts: string): boolean {
    const messages = this.channels.get(channel) ?? [];
    const index = messages.findIndex((m) => m.ts === ts);
    if (index >= 0) messages.splice(index, 1);
    return index >= 0;
  }

  add(channel: string, fields: Omit<StoredMessage, "type" | "ts"> & { ts?: string }): StoredMessage {
    const message: StoredMessage = { type: "message", ...fields, ts: fields.ts ?? nextTs() };
    this.messagesIn(channel).push(message);
    return message;
  }

  /** A message from the bot, as Slack stores what chat.postMessage sent. */
  postAsBot(channel: string, fields: Pick<StoredMessage, "text" | "blocks" | "thread_ts">): StoredMessage {
    return this.add(channel, { user: BOT_USER_ID, bot_id: BOT_ID, app_id: APP_ID, ...fields });
  }
}
