import { BAD_VALUE_CONVERSATIONS, QUESTION_CONVERSATIONS } from "./corpus/bad-values-and-questions.js";
import { DATE_CONVERSATIONS } from "./corpus/dates.js";
import { OFFER_TYPE_CONVERSATIONS } from "./corpus/offer-types.js";
import { CORRECTION_CONVERSATIONS, PARTIAL_CONVERSATIONS } from "./corpus/partial-and-corrections.js";
import type { Conversation } from "./types.js";

/** The scripted marketer conversations, grouped as the test files run them. */
export const CORPUS_GROUPS = {
  "offer types": OFFER_TYPE_CONVERSATIONS,
  dates: DATE_CONVERSATIONS,
  "partial offers": PARTIAL_CONVERSATIONS,
  "corrections at the preview": CORRECTION_CONVERSATIONS,
  "bad values": BAD_VALUE_CONVERSATIONS,
  "questions first": QUESTION_CONVERSATIONS,
} satisfies Record<string, Conversation[]>;

export const CORPUS: Conversation[] = Object.values(CORPUS_GROUPS).flat();
