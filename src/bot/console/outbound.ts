import type { Outbound, OutboundMessage } from "../../core/outbound.js";
import { renderApprovalOutcome, renderApprovalRequest, renderText } from "../../views/text/render.js";

/**
 * The outbound port in one terminal: every conversation, channel and user is the same screen, so
 * a post is a printed message and an update prints what the message became.
 */
export function consoleOutbound(say: (text: string) => void): Outbound {
  let posted = 0;
  return {
    async post(to, message) {
      say(textOf(message));
      posted += 1;
      return { ...to, id: String(posted) };
    },
    async update(_posted, message) {
      say(textOf(message));
      return true;
    },
    async tell(_to, message) {
      say(textOf(message));
    },
  };
}

function textOf(message: OutboundMessage): string {
  switch (message.kind) {
    case "reply":
      return renderText(message.reply);
    case "line":
      return message.text;
    case "approval_request":
      return renderApprovalRequest(message.request);
    case "approval_outcome":
      return renderApprovalOutcome(message.outcome);
  }
}
