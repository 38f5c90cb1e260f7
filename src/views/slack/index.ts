export { approvalCard, approvalOutcome, REJECT_REASON_CALLBACK, rejectReasonModal } from "./approval.js";
export {
  actionIdOf,
  decodeButtonValue,
  decodeOptionValue,
  encodeButtonValue,
  NO_THREAD_KEY,
  parseActionId,
} from "./buttons.js";
export { alertMessage, digestMessage, OFFER_MENU_ACTION } from "./digest.js";
export { escapeAndTruncate, escapeText, truncatePlain } from "./escape.js";
export { appHomeView, HOME_NEW_OFFER_ACTION } from "./home.js";
export { decodeModalMetadata, type ModalMetadata, modalErrors, readModalValues } from "./modal-state.js";
export { EDIT_DRAFT_CALLBACK, editDraftModal, NEW_OFFER_CALLBACK, newOfferModal } from "./modals.js";
export { replyBlocks } from "./reply.js";
