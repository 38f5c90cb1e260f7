import { Activity } from "@microsoft/agents-activity";
import type { Perform } from "../durable-work.js";
import type { TeamsDeps, TeamsWork } from "./context.js";
import { performCardClick } from "./invokes/card-action.js";
import { performFormSubmit } from "./invokes/dialog-submit.js";
import { onTeamsMessage } from "./messages/message.js";

/** Does queued or deferred Teams work, each in a turn of its own for its logs and for shutdown. */
export function performTeamsWork(deps: TeamsDeps): Perform<TeamsWork> {
  return (work, once) =>
    deps.bot.turns.run("teams", () => {
      switch (work.kind) {
        case "message":
          return onTeamsMessage(deps, Activity.fromObject(work.activity), once);
        case "click":
          return performCardClick(deps, work, once);
        case "form":
          return performFormSubmit(deps, work, once);
      }
    });
}
