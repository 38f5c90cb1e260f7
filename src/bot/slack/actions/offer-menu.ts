import type {
  AllMiddlewareArgs,
  App,
  BlockAction,
  OverflowAction,
  SlackActionMiddlewareArgs,
} from "@slack/bolt";
import { decodeOptionValue, OFFER_MENU_ACTION } from "../../../views/slack/index.js";
import type { SlackDeps } from "../context.js";
import { clickOf, runClick } from "./button.js";
import { OFFER_ACTIONS } from "./offer-buttons.js";

type MenuArgs = SlackActionMiddlewareArgs<BlockAction<OverflowAction>> & AllMiddlewareArgs;

/**
 * The "…" menu on a digest's offer lines: the chosen option is the offer button it stands for, so
 * it answers exactly as that button would, to the chooser only.
 */
export function registerOfferMenu(app: App, deps: SlackDeps): void {
  app.action<BlockAction<OverflowAction>>(
    { type: "block_actions", action_id: OFFER_MENU_ACTION },
    async (args: MenuArgs) => {
      const { action, body } = args;
      const chosen = decodeOptionValue(action.selected_option?.value ?? "");
      // Only offer actions: a tampered option must not reach, say, an approval.
      if (!chosen || !OFFER_ACTIONS.includes(chosen.id)) return args.ack();
      const button = { ...chosen, ...clickOf(body) };
      await runClick(deps, { kind: "offer", button }, action, () => args.ack());
    },
  );
}
