import type { DraftField, DraftPatch } from "./draft.js";

/** Who is talking and when: set by the conversation service before every turn. */
export interface TurnContext {
  userId: string;
  /** ISO timestamp of the turn; relative dates resolve against it. */
  now: string;
  timeZone: string;
  /** Merchants the user's role covers; one merchant means the bot never asks which. */
  merchantIds: number[];
  /** Program type known from the workspace / channel / merchant mapping, if any. */
  programType?: "closed_loop" | "open_loop" | "hybrid";
}

/** What starts a turn: free text (goes through the extractor) or a validated form patch. */
export type TurnInput = { kind: "message"; text: string } | { kind: "form"; patch: DraftPatch };

export interface Suggestion {
  label: string;
  /** Sent back as the user's answer when the suggestion is chosen. */
  value: string;
}

export interface Question {
  field: DraftField;
  text: string;
  suggestions: Suggestion[];
  /** Optional one-line reason or recommendation shown under the question. */
  hint?: string;
}

/** How the review interrupt is resumed. Buttons carry the draft version so a stale one is refused. */
export type ReviewDecision =
  /** `anyway`: the publisher said "publish anyway", past the budget warning (audited). */
  | { kind: "publish"; version: number; anyway?: boolean }
  | { kind: "submit"; version: number }
  | { kind: "approve"; version: number }
  | { kind: "reject"; version: number; reason: string }
  | { kind: "cancel"; version: number }
  | { kind: "input"; input: TurnInput };

export type DraftStatus = "collecting" | "review" | "pending_approval" | "published" | "cancelled" | "failed";
