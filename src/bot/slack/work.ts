import type { WebClient } from "@slack/web-api";
import { decisionTurn } from "./actions/draft-decision.js";
import { actOnOffer } from "./actions/offer-buttons.js";
import type { PerformWork } from "./after-ack.js";
import { offersCommandTurn } from "./commands/offers.js";
import type { SlackDeps } from "./context.js";
import { publishHome } from "./events/app-home-opened.js";
import { messageTurn } from "./turn.js";
import { formTurn } from "./views/form-submission.js";

/** Does queued or deferred Slack work, through the app's own Web API client. */
export function performSlackWork(deps: SlackDeps, client: WebClient): PerformWork {
  return (work, once) => {
    switch (work.kind) {
      case "message":
        return messageTurn(deps, client, work.place, work.user, work.text, once);
      case "decision":
        return decisionTurn(deps, client, work.button, once);
      case "offer":
        return actOnOffer(deps, client, work.button, once);
      case "command":
        return offersCommandTurn(deps, client, work.command, once);
      case "form":
        return formTurn(deps, client, work.form, once);
      case "home":
        return publishHome(deps, client, work.home);
    }
  };
}
