import type { Action, ActionId } from "../../core/view-models.js";

/** Cancelling throws the draft away; the preview's model leaves the question to the channel. */
export const CHANNEL_CONFIRMS: Partial<Record<ActionId, NonNullable<Action["confirm"]>>> = {
  cancel: {
    title: "Cancel this draft?",
    text: "The offer will not be published and this draft closes.",
    confirm: "Cancel draft",
    deny: "Keep editing",
  },
};
