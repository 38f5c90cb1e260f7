/**
 * The words and types views render with. Views import the core's view models and this, never the
 * graph or the Kigo client, so a renderer for another channel needs nothing else.
 */
export {
  codesList,
  FIELD_LABELS,
  formatCount,
  formatDate,
  formatMoney,
  offerTypeLabel,
  redemptionLabels,
} from "../graph/describe.js";
export { type DraftField, type OfferDraft, offerDraft } from "../graph/draft.js";
export type { DraftStatus } from "../graph/turn.js";
export type { ValidationIssue } from "../graph/validation/types.js";
export type { OfferStatus } from "../kigo/schemas.js";
