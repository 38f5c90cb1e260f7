import { CHANNEL_LABELS } from "../describe.js";
import { MARKETPLACE_CHANNELS } from "../draft.js";
import type { Rule } from "./context.js";
import { orList } from "./format.js";

/** Closed-loop offers stay inside the partner's network: no Marketplace listing (DESIGN §2). */
export const programChannelsRule: Rule = (draft) => {
  if (draft.programType !== "closed_loop") return [];
  const blocked = (draft.channels ?? []).filter((channel) => MARKETPLACE_CHANNELS.includes(channel));
  if (blocked.length === 0) return [];
  const names = orList(blocked.map((channel) => CHANNEL_LABELS[channel]));
  return [
    {
      field: "channels",
      severity: "error",
      rule: "program_channels",
      message: `Closed-loop offers can't be distributed through ${names}; they stay inside the partner's network.`,
      fix: "Remove the Marketplace channels and use hub airdrops or activation links.",
    },
  ];
};
