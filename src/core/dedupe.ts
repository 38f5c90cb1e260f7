import type { KeyValueStore } from "../stores/kv.js";

/** How long a delivered event id is remembered: channels retry within minutes. */
const DEDUPE_SECONDS = 3600;

/**
 * Channels redeliver an event they think was missed, with the same id: true only for the first
 * delivery, across every replica sharing the store.
 */
export function firstDelivery(kv: KeyValueStore, channel: string, eventId: string): Promise<boolean> {
  return kv.claim(`${channel}-event:${eventId}`, DEDUPE_SECONDS);
}
