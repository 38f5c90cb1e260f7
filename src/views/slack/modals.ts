import type { types } from "@slack/bolt";
import type { OfferDraft } from "../../core/format.js";
import { context, plain } from "./blocks.js";
import { formBlocks } from "./form-fields.js";
import { LIMITS } from "./limits.js";
import { modalMetadata } from "./modal-state.js";

export const EDIT_DRAFT_CALLBACK = "edit_draft";
export const NEW_OFFER_CALLBACK = "new_offer";

/** The Edit button's form, pre-filled; the version lets the submission refuse a stale form. */
export function editDraftModal(input: {
  threadKey: string;
  version: number;
  draft: OfferDraft;
  errors?: Record<string, string>;
}): types.ModalView {
  return {
    type: "modal",
    callback_id: EDIT_DRAFT_CALLBACK,
    private_metadata: modalMetadata({ threadKey: input.threadKey, version: input.version }),
    title: plain("Edit offer", LIMITS.viewTitle),
    submit: plain("Save changes", LIMITS.viewTitle),
    close: plain("Cancel", LIMITS.viewTitle),
    blocks: [
      // parseDraftForm skips empty inputs, so clearing one changes nothing; say so up front.
      context(["Change what you need and save. Clearing a field keeps its current value."]),
      ...formBlocks(input.draft, input.errors ?? {}),
    ],
  };
}

/** `/offers new` and the global shortcut: the whole offer in one form, everything optional. */
export function newOfferModal(input: { threadKey: string }): types.ModalView {
  return {
    type: "modal",
    callback_id: NEW_OFFER_CALLBACK,
    private_metadata: modalMetadata({ threadKey: input.threadKey }),
    title: plain("New offer", LIMITS.viewTitle),
    submit: plain("Continue", LIMITS.viewTitle),
    close: plain("Cancel", LIMITS.viewTitle),
    blocks: [
      context(["Fill in what you know; I will ask for anything missing in our chat."]),
      ...formBlocks({}, {}),
    ],
  };
}
