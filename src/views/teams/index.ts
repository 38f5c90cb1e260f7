export {
  type CardClick,
  type ClickVerb,
  decodeCardClick,
  NEW_OFFER,
  NO_THREAD_KEY,
} from "./actions.js";
export { approvalCard, approvalOutcomeCard } from "./approval.js";
export { alertCard, digestCard } from "./digest.js";
export type { AdaptiveCard } from "./elements.js";
export { escapeAndTruncate, escapeText } from "./escape.js";
export { FORM_TITLES, type FormCardInput, formCard, newOfferPromptCard } from "./form.js";
export { decodeFormMeta, type FormKind, type FormMeta, readFormValues } from "./form-state.js";
export type { ApprovalsRoute, NameOf } from "./preview.js";
export { type ReplyOptions, replyCard } from "./reply.js";
