import type { AlertView, DigestView } from "./digest/view-model.js";
import type { ApprovalOutcomeModel, ApprovalRequestModel, Reply } from "./view-models.js";

/**
 * The outbound port: how the core speaks without being asked. Approvals, digests, alerts and both
 * channels post through it; each channel adapter implements it with its own API and renderer.
 */
export interface Outbound {
  /** Posts into a conversation (its thread) or a channel; undefined when nothing was posted. */
  post(to: Destination, message: OutboundMessage): Promise<PostedMessage | undefined>;
  /** Replaces a posted message; false when it is gone (deleted, too old), so the caller posts anew. */
  update(posted: PostedMessage, message: OutboundMessage): Promise<boolean>;
  /** Tells one user privately, where they are (a channel) or in their direct conversation. */
  tell(to: { userId: string; channel?: string }, message: OutboundMessage): Promise<void>;
  /**
   * A channel as a user typed it ("#dealer-promos", Slack's "<#C123|dealer-promos>") → its id and
   * the name to show people ("#dealer-promos", "your DM with me"), or one sentence on why the bot
   * cannot post there and how to fix it.
   */
  channel(
    typed: string,
    /** The conversation the request came from: with Slack and Teams both running, it says which one's. */
    asker?: { channelId?: string },
  ): Promise<{ channel: string; name: string } | { problem: string }>;
}

/** A conversation is a thread key; a channel is the channel's own id. */
export type Destination = { conversation: string } | { channel: string };

export type PostedMessage = Destination & { id: string };

export type OutboundMessage =
  /** A turn's reply; its buttons act on the conversation `threadKey`. */
  | { kind: "reply"; reply: Reply; threadKey: string }
  /** One plain line, e.g. what changed on a preview updated above. */
  | { kind: "line"; text: string }
  | { kind: "approval_request"; request: ApprovalRequestModel }
  | { kind: "approval_outcome"; outcome: ApprovalOutcomeModel }
  /** A performance digest; the channel renders its chart (an image, or a text sparkline). */
  | { kind: "digest"; digest: DigestView }
  | { kind: "alert"; alert: AlertView };
