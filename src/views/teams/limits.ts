/**
 * What the card builders cut to. Teams refuses a bot message over about 100 KB counted in UTF-16
 * (and advises staying within 80 KB); older clients documented 40 KB, incoming webhooks 28 KB. A
 * card here stays within 28 KB of JSON (about 56 KB in UTF-16), so no message is ever refused.
 */
export const LIMITS = {
  /** The whole card's JSON, in UTF-8 bytes. */
  cardBytes: 28_000,
  /** What one list of rows (offers, drafts, digest lines) may take of a card. */
  listBytes: 16_000,
  /** What a preview's sections may take, leaving room for its notes, issues and status. */
  sectionsBytes: 10_000,
  fallback: 300,
  text: 3000,
  /** One line of a list (an issue, a created item, a note). */
  line: 600,
  /** A sentence around something a person wrote: a rejection reason, a publishing error. */
  paragraph: 1200,
  field: 2000,
  title: 150,
  notes: 10,
  buttonTitle: 60,
  /** Teams shows six buttons in a row; more go behind its "…" menu. */
  primaryActions: 6,
  actions: 24,
  inputLabel: 200,
  reason: 1000,
} as const;
