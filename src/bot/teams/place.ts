/**
 * A Teams conversation's key, which is also its first draft's thread key: `teams:<conversation
 * id>`. A personal chat or a channel thread is one conversation; a draft started there without a
 * message of its own (a duplicate, a new-offer dialog) gets `teams:<conversation id>#<uuid>`, and
 * later messages in that conversation continue it.
 */
export const placeKeyOf = (conversationId: string) => `teams:${conversationId}`;

export const newThreadKeyIn = (conversationId: string) => `teams:${conversationId}#${crypto.randomUUID()}`;

/** The Teams conversation a thread key posts to; undefined for another channel's key. */
export function conversationOf(threadKey: string): string | undefined {
  const match = /^teams:([^#]+)(?:#[0-9a-f-]+)?$/.exec(threadKey);
  return match?.[1];
}

/** A channel thread's conversation id names its channel before ";messageid=": posts there start a thread. */
export const channelOf = (conversationId: string) => conversationId.split(";")[0] ?? conversationId;
