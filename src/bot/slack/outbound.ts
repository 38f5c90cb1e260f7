import type { WebClient } from "@slack/web-api";
import type { Logger } from "pino";
import type { DigestView, RedemptionsChart } from "../../core/digest/view-model.js";
import type { Destination, Outbound, OutboundMessage, PostedMessage } from "../../core/outbound.js";
import type { ThreadRegistry } from "../../core/threads.js";
import { redemptionsPng } from "../../views/chart/redemptions.js";
import {
  alertMessage,
  approvalCard,
  approvalOutcome,
  digestMessage,
  replyBlocks,
} from "../../views/slack/index.js";
import { channelPacer } from "../pace.js";
import { findChannel } from "./channels.js";
import { currentPlace, isProvisional, placeKeyOf, type SlackPlace } from "./place.js";
import { platformCode } from "./start-up.js";

export interface SlackOutboundOptions {
  /** Posts to one channel are at least this far apart: Slack allows about one a second. */
  minIntervalMs?: number;
  /** How long a just-uploaded chart gets to be processed before its message is tried again. */
  fileRetryMs?: number;
  logger?: Logger;
}

type Rendered = { text: string; blocks?: unknown[] };

const CHART_REUSE_MS = 10 * 60_000;

/**
 * The outbound port on Slack's Web API: a conversation's messages go to its thread (the first one
 * of a conversation started by a form or a duplicate opens that thread), a channel's to the channel.
 * Posts to channels and direct posts (digests, alerts) are paced per channel; a conversation's
 * replies are not, since they answer someone waiting and Slack allows short bursts.
 */
export function slackOutbound(
  client: WebClient,
  threads: ThreadRegistry,
  /** Where approval requests go; the preview says so, or that no approver was notified. */
  approvalsChannel?: string,
  options: SlackOutboundOptions = {},
): Outbound {
  const { minIntervalMs = 1100, fileRetryMs = 1000, logger } = options;
  const paced = channelPacer(minIntervalMs);

  /** In a conversation, a preview says where its approval request went; told privately, it does not. */
  const render = (message: OutboundMessage, inConversation = true): Rendered => {
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
      case "digest":
        return digestMessage(message.digest);
      case "alert":
        return alertMessage(message.alert);
    }
  };
  const where = async (to: Destination): Promise<SlackPlace> =>
    "channel" in to ? { team: "", channel: to.channel } : currentPlace(threads, to.conversation);

  const postMessage = (place: SlackPlace, { text, blocks }: Rendered) =>
    client.chat.postMessage({
      channel: place.channel,
      text,
      ...(blocks ? { blocks: blocks as never } : {}),
      ...(place.threadTs ? { thread_ts: place.threadTs } : {}),
    });

  /** The chart as a file of the app's own, shared with no channel: the message's image block shows it. */
  const uploadChart = async (chart: RedemptionsChart): Promise<string | undefined> => {
    try {
      const uploaded = await client.filesUploadV2({
        file: redemptionsPng(chart),
        filename: "redemptions.png",
        title: chart.title,
        alt_text: chart.title,
      });
      const [completed] = (uploaded as { files?: { files?: { id?: string }[] }[] }).files ?? [];
      return completed?.files?.[0]?.id;
    } catch (error) {
      // Only Slack's error code: the error itself carries request details.
      const code = platformCode(error) ?? (error instanceof Error ? error.name : "unknown");
      logger?.warn({ error: code }, "Could not upload a digest's chart");
      return undefined;
    }
  };

  /**
   * Channels following one scope get the same chart at the same tick: one render and one upload
   * serve them all for a while, so a thousand digests cost one chart, not a thousand.
   */
  const charts = new Map<string, { at: number; fileId: Promise<string | undefined> }>();
  const chartFile = (chart: RedemptionsChart): Promise<string | undefined> => {
    const key = JSON.stringify(chart);
    const now = Date.now();
    for (const [old, entry] of charts) if (now - entry.at >= CHART_REUSE_MS) charts.delete(old);
    const reused = charts.get(key);
    if (reused) return reused.fileId;
    const fileId = uploadChart(chart);
    charts.set(key, { at: now, fileId });
    // A failed upload is tried afresh by the next digest.
    void fileId.then((id) => id ?? charts.delete(key));
    return fileId;
  };

  /** A digest with its chart when Slack takes the image, else with the text sparkline. */
  const postDigest = async (place: SlackPlace, digest: DigestView) => {
    const fileId = digest.chart ? await chartFile(digest.chart) : undefined;
    return paced(place.channel, async () => {
      if (!fileId) return postMessage(place, digestMessage(digest));
      const withChart = () => postMessage(place, digestMessage(digest, { fileId }));
      try {
        return await withChart().catch(async (error: unknown) => {
          if (platformCode(error) !== "invalid_blocks") throw error;
          // A file just uploaded can be refused until Slack has processed it.
          await new Promise((resolve) => setTimeout(resolve, fileRetryMs));
          return withChart();
        });
      } catch (error) {
        logger?.warn({ error: platformCode(error) }, "A digest's chart was refused; posting it without");
        return postMessage(place, digestMessage(digest));
      }
    });
  };

  /** Posts to a channel or a user's DM wait their turn (a digest always does); a conversation's go at once. */
  const send = (place: SlackPlace, message: OutboundMessage, pace: boolean) => {
    if (message.kind === "digest") return postDigest(place, message.digest);
    const post = () => postMessage(place, render(message));
    return pace ? paced(place.channel, post) : post();
  };

  return {
    async post(to, message) {
      const place = await where(to);
      const posted = await send(place, message, "channel" in to);
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
      // A digest or an alert is kept where the user will find it again, with its chart: their DM.
      if (message.kind === "digest" || message.kind === "alert") {
        await send({ team: "", channel: to.userId }, message, true);
        return;
      }
      const { text, blocks } = render(message, false);
      await client.chat.postEphemeral({
        channel: to.channel ?? to.userId,
        user: to.userId,
        text,
        ...(blocks ? { blocks: blocks as never } : {}),
      });
    },
    channel: (typed) => findChannel(client, typed),
  };
}
