import type { Activity } from "@microsoft/agents-activity";
import { ActivityTypes, Activity as OutgoingActivity } from "@microsoft/agents-activity";
import {
  CardFactory,
  type CloudAdapter,
  HttpError,
  MessageFactory,
  type TurnContext,
} from "@microsoft/agents-hosting";
import type { Logger } from "pino";
import type { Destination, Outbound, OutboundMessage, PostedMessage } from "../../core/outbound.js";
import {
  alertCard,
  approvalCard,
  approvalOutcomeCard,
  digestCard,
  replyCard,
} from "../../views/teams/index.js";
import { channelPacer } from "../pace.js";
import type { ChartImages } from "./charts.js";
import { conversationOf } from "./place.js";
import type { ConversationReferences } from "./references.js";

export interface TeamsOutboundOptions {
  adapter: CloudAdapter;
  /** The bot's app id, or any name when it runs without one (local runs). */
  appId: string;
  references: ConversationReferences;
  /** Where approval requests go, so a preview can say so. */
  approvalsChannel?: string;
  charts?: ChartImages;
  /** Teams takes about seven messages a second per conversation. */
  minIntervalMs?: number;
  logger?: Logger;
}

/** A card Teams no longer has, or a conversation the bot was removed from: post anew instead. */
const GONE = new Set([400, 403, 404]);

/**
 * The outbound port on the Bot Connector: every post is proactive, into a conversation the bot
 * has seen (Teams allows no other), paced per conversation; the connector's 429s and the like are
 * retried by the adapter's middleware.
 */
export function teamsOutbound(options: TeamsOutboundOptions): Outbound {
  const { references } = options;
  const paced = channelPacer(options.minIntervalMs ?? 150);

  /** A preview names where its approval request went as people know the channel, not by its id. */
  const approvalsLabel = async (conversationId: string) => {
    const found = await references.channelFor(conversationId);
    return "name" in found && found.name.startsWith("#") ? found.name : "the approvers' channel";
  };

  const activityOf = async (message: OutboundMessage): Promise<Activity> => {
    switch (message.kind) {
      case "line":
        return MessageFactory.text(message.text);
      case "reply":
        return cardActivity(
          replyCard(message.reply, {
            threadKey: message.threadKey,
            approvals: options.approvalsChannel
              ? { channel: await approvalsLabel(options.approvalsChannel) }
              : {},
          }),
        );
      case "approval_request":
        return cardActivity(approvalCard(message.request));
      case "approval_outcome":
        return cardActivity(approvalOutcomeCard(message.outcome));
      case "digest": {
        const chart = message.digest.chart;
        const url = chart && options.charts ? await options.charts.urlOf(chart) : undefined;
        return cardActivity(digestCard(message.digest, url ? { url } : undefined));
      }
      case "alert":
        return cardActivity(alertCard(message.alert));
    }
  };

  /** Runs `send` in a proactive turn of the conversation; undefined when the bot never saw it. */
  const inConversation = <T>(conversationId: string, send: (context: TurnContext) => Promise<T>) =>
    paced(conversationId, () =>
      proactively(options, conversationId, (context) => {
        // A proactive post starts a message of its own rather than replying to a stored one.
        context.onSendActivities(async (_context, activities, next) => {
          for (const activity of activities) activity.replyToId = undefined;
          return next();
        });
        return send(context);
      }),
    );

  const targetOf = (to: Destination) => ("channel" in to ? to.channel : conversationOf(to.conversation));

  const post = async (to: Destination, message: OutboundMessage): Promise<PostedMessage | undefined> => {
    const conversationId = targetOf(to);
    if (!conversationId) return undefined;
    const activity = await activityOf(message);
    const sent = await inConversation(conversationId, (context) => context.sendActivity(activity));
    return sent?.id ? { ...to, id: sent.id } : undefined;
  };

  return {
    post,
    async update(posted, message) {
      const conversationId = targetOf(posted);
      if (!conversationId) return false;
      const activity = await activityOf(message);
      activity.id = posted.id;
      try {
        const updated = await inConversation(conversationId, async (context) => {
          await context.updateActivity(activity);
          return true;
        });
        return updated ?? false;
      } catch (error) {
        if (error instanceof HttpError && GONE.has(error.status)) return false;
        throw error;
      }
    },
    async tell(to, message) {
      // Teams has no message only one person sees: their personal chat with the bot, else where they are.
      const personal = await references.personalChatOf(to.userId);
      const where = personal ?? to.channel;
      if (where) await post({ channel: where }, message);
    },
    async channel(typed) {
      return references.channelFor(typed);
    },
  };
}

function cardActivity(card: object): Activity {
  return MessageFactory.attachment(CardFactory.adaptiveCard(card));
}

type Proactive = Pick<TeamsOutboundOptions, "adapter" | "appId" | "references" | "logger">;

/** Runs `send` in a proactive turn of the conversation; undefined when the bot never saw it. */
async function proactively<T>(
  { adapter, appId, references, logger }: Proactive,
  conversationId: string,
  send: (context: TurnContext) => Promise<T>,
): Promise<T | undefined> {
  const reference = await references.of(conversationId);
  if (!reference) {
    logger?.warn(
      { conversationId },
      "no Teams conversation reference: the bot has not been in this conversation",
    );
    return undefined;
  }
  let result: T | undefined;
  await adapter.continueConversation(appId, reference, async (context) => {
    result = await send(context);
  });
  return result;
}

/**
 * The typing dots in a conversation, sent when its turn starts rather than before Teams' request
 * is answered: the answer then waits for no call to the Bot Connector. Not paced: a reply right
 * after it clears the dots, as Teams intends.
 */
export function teamsTyping(options: Proactive): (conversationId: string) => Promise<void> {
  return async (conversationId) => {
    await proactively(options, conversationId, (context) =>
      context.sendActivity(OutgoingActivity.fromObject({ type: ActivityTypes.Typing })),
    );
  };
}
