import type { DraftField, DraftPatch, OfferDraft } from "../draft.js";
import type { Intent } from "./intent.js";

/** What an extractor knows about the turn besides the message itself. */
export interface ExtractContext {
  /** The moment the message was sent; relative dates ("next month") resolve against it. */
  now: Date;
  /** IANA time zone of the user, e.g. America/Chicago; calendar days are taken in it. */
  timeZone: string;
  /** The draft so far, so "make it 25%" can update the value of the type already chosen. */
  draft: OfferDraft;
  /** The field the bot just asked about, so a bare answer ("50k", "3") lands in it. */
  expecting?: DraftField;
}

export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
}

export interface Extraction {
  /** Only fields the message actually stated; never guesses. */
  patch: DraftPatch;
  source: "rules" | "llm";
  /** What the marketer should be told about how the message was read. */
  notes?: string[];
  /** What the message asks the bot to do or answer, besides changing the draft. */
  intent?: Intent;
  /** Phrases that may name the merchant; kept only if the Kigo API knows one by that name. */
  mentions?: string[];
  /** Places typed for "which locations?" ("Ames and Des Moines"), matched against the merchant's. */
  locations?: string;
  /** Model token usage for this turn (LLM only). */
  usage?: TokenUsage;
}

/** Turns one free-text message into a proposed draft patch. The patch never triggers an action. */
export interface Extractor {
  extract(message: string, context: ExtractContext): Promise<Extraction>;
}
