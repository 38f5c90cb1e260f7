import { Annotation } from "@langchain/langgraph";
import type { DraftField, OfferDraft } from "./draft.js";
import type { Intent } from "./extractor/intent.js";
import type { TokenUsage } from "./extractor/types.js";
import type { PublishProgress } from "./publish/progress.js";
import type { DraftStatus, Question, TurnContext, TurnInput } from "./turn.js";
import type { ValidationIssue } from "./validation/types.js";

export { type DraftField, type OfferDraft, offerDraft } from "./draft.js";

const latest = <T>(initial: () => T) =>
  Annotation<T>({ reducer: (_previous, next) => next, default: initial });

export interface GeneratedTexts {
  offerTitle?: string;
  /** The generated part at the start of the terms; the marketer's additions follow it. */
  termsConditions?: string;
  /** The last remark on the value against the benchmarks: said once, not on every turn. */
  valueHint?: string;
}

export interface PublishedOffer {
  offerId: number;
  created: string[];
  workarounds: string[];
}

/** The thread state the checkpointer keeps between turns. Every channel holds its latest value. */
export const OfferState = Annotation.Root({
  /** Stable per draft: the publish idempotency key is derived from it. */
  draftId: latest<string>(() => ""),
  /** Who started the draft: approvals notify them. */
  authorId: latest<string>(() => ""),
  draft: latest<OfferDraft>(() => ({})),
  /** Bumped on every change to the draft; preview buttons carry it. */
  version: latest<number>(() => 0),
  status: latest<DraftStatus>(() => "collecting"),
  context: latest<TurnContext>(() => ({
    userId: "",
    now: new Date(0).toISOString(),
    timeZone: "UTC",
    merchantIds: [],
  })),
  input: latest<TurnInput | undefined>(() => undefined),
  /**
   * The title and terms the bot wrote: while the draft still holds them, they follow the offer's
   * values; once the marketer writes their own, the bot leaves them alone.
   */
  generated: latest<GeneratedTexts>(() => ({})),
  /** The field of the last question, so a bare answer lands in it. */
  asked: latest<DraftField | undefined>(() => undefined),
  /** A merchant name the user stated, looked up before it replaces the draft's merchant. */
  merchantQuery: latest<string | undefined>(() => undefined),
  /** Places the user typed for the offer's locations, matched against the merchant's. */
  locationQuery: latest<string | undefined>(() => undefined),
  /** Phrases of this turn that may name the merchant; kept only if the API knows one. */
  mentions: latest<string[]>(() => []),
  /** What this turn's message asked for besides draft values (publish, a question …). */
  intent: latest<Intent | undefined>(() => undefined),
  /** The turn only answered (a question, small talk): nothing about the draft to show. */
  answerOnly: latest<boolean>(() => false),
  /** This turn's question, if the bot needs something. */
  question: latest<Question | undefined>(() => undefined),
  /** This turn's short notices ("Updated the value to 25%."). */
  notes: latest<string[]>(() => []),
  issues: latest<ValidationIssue[]>(() => []),
  publishProgress: latest<PublishProgress | undefined>(() => undefined),
  publishError: latest<{ message: string; retryable: boolean } | undefined>(() => undefined),
  published: latest<PublishedOffer | undefined>(() => undefined),
  /** The version submitted for approval: any later change needs a new submission. */
  approval: latest<{ submittedBy: string; version: number; rejectedReason?: string } | undefined>(
    () => undefined,
  ),
  usage: latest<TokenUsage & { calls: number }>(() => ({ inputTokens: 0, outputTokens: 0, calls: 0 })),
});

export type OfferStateValue = typeof OfferState.State;
export type OfferStateUpdate = typeof OfferState.Update;
