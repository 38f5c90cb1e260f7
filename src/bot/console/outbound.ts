import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Outbound, OutboundMessage } from "../../core/outbound.js";
import { redemptionsPng } from "../../views/chart/redemptions.js";
import { renderAlert, renderDigest } from "../../views/text/digest.js";
import { renderApprovalOutcome, renderApprovalRequest, renderText } from "../../views/text/render.js";

/**
 * The outbound port in one terminal: every conversation, channel and user is the same screen, so
 * a post is a printed message and an update prints what the message became. A digest's chart is
 * saved as a PNG under `chartDir` and its path printed.
 */
export function consoleOutbound(say: (text: string) => void, chartDir?: string): Outbound {
  let posted = 0;
  const textOf = (message: OutboundMessage): string => {
    switch (message.kind) {
      case "reply":
        return renderText(message.reply);
      case "line":
        return message.text;
      case "approval_request":
        return renderApprovalRequest(message.request);
      case "approval_outcome":
        return renderApprovalOutcome(message.outcome);
      case "digest":
        return renderDigest(message.digest, savedChart(message, chartDir));
      case "alert":
        return renderAlert(message.alert);
    }
  };
  return {
    async post(to, message) {
      // Posts to a named channel are labelled: the terminal shows every channel at once.
      const elsewhere = "channel" in to && to.channel.startsWith("#") && to.channel !== "#console";
      say(`${elsewhere ? `[${to.channel}] ` : ""}${textOf(message)}`);
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
    async channel(typed) {
      // One screen: any channel name is this terminal.
      const name = typed.replace(/^<#\w+\|?([^>]*)>$/, "$1").replace(/^#/, "") || "console";
      return { channel: `#${name}`, name: `#${name}` };
    },
  };
}

/** The chart saved where the operator can open it; a digest without figures has none. */
function savedChart(message: Extract<OutboundMessage, { kind: "digest" }>, dir?: string) {
  const chart = message.digest.chart;
  if (!chart || !dir) return undefined;
  mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const savedTo = join(dir, `digest-${stamp}.png`);
  writeFileSync(savedTo, redemptionsPng(chart));
  return { savedTo };
}
