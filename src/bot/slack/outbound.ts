import type { WebClient } from "@slack/web-api";
import type { Destination, Outbound, OutboundMessage, PostedMessage } from "../../core/outbound.js";
import type { ThreadRegistry } from "../../core/threads.js";
import { approvalCard, approvalOutcome, replyBlocks } from "../../views/slack/index.js";
import { currentPlace, isProvisional, placeKeyOf, type SlackPlace } from "./place.js";

/**
 * The outbound port on Slack's Web API: a conversation's messages go to its thread (the first one
 * of a conversation started by a form or a duplicate opens that thread), a channel's to the channel.
 */
export function slackOutbound(
  client: WebClient,
  threads: ThreadRegistry,
  /** Where approval requests go; the preview says so, or that no approver was notified. */
  approvalsChannel?: string,
): Outbound {
  /** In a conversation, a preview says where its approval request went; told privately, it does not. */
  const render = (message: OutboundMessage, inConversation = true): { text: string; blocks?: unknown[] } => {
    switch (message.kind) {
      case "reply":
        return replyBlocks(message.reply, {
          threadKey: message.threadKey,
          ...(inConversation ? { approvals: approvalsChannel ? { channel: approvalsChannel } : {} } : {}),
        });
      case "line":
        return { text: message.text };
      case "approval_request":
        return approvalCard(message.request);
      case "approval_outcome":
        return approvalOutcome(message.outcome);
    }
  };
  const where = async (to: Destination): Promise<SlackPlace> =>
    "channel" in to ? { team: "", channel: to.channel } : currentPlace(threads, to.conversation);

  return {
    async post(to, message) {
      const place = await where(to);
      const { text, blocks } = render(message);
      const posted = await client.chat.postMessage({
        channel: place.channel,
        text,
        ...(blocks ? { blocks: blocks as never } : {}),
        ...(place.threadTs ? { thread_ts: place.threadTs } : {}),
      });
      if (!posted.ts) return undefined;
      const channel = posted.channel ?? place.channel;
      if ("channel" in to) return { channel, id: posted.ts };
      if (!place.threadTs && isProvisional(to.conversation)) {
        // A post to a user id answers with the DM's real channel id, which replies will carry.
        await threads.register(placeKeyOf({ ...place, channel, threadTs: posted.ts }), to.conversation);
        await threads.setLanding(to.conversation, { channel, threadId: posted.ts });
      }
      return { conversation: to.conversation, id: posted.ts };
    },
    async update(posted: PostedMessage, message) {
      const { channel } = await where(posted);
      const { text, blocks } = render(message);
      try {
        await client.chat.update({
          channel,
          ts: posted.id,
          text,
          ...(blocks ? { blocks: blocks as never } : {}),
        });
        return true;
      } catch {
        return false; // deleted or too old: post a fresh one
      }
    },
    async tell(to, message) {
      const { text, blocks } = render(message, false);
      await client.chat.postEphemeral({
        channel: to.channel ?? to.userId,
        user: to.userId,
        text,
        ...(blocks ? { blocks: blocks as never } : {}),
      });
    },
  };
}
