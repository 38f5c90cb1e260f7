import type { types } from "@slack/bolt";
import { publishedActions, type Reply } from "../../core/view-models.js";
import { replySummary } from "../text/reply-summary.js";
import { analyticsBlocks } from "./analytics.js";
import { context, fitGroups, fitLines, LINE_MAX, notificationText, prefixed, section } from "./blocks.js";
import { actionsBlocks, button } from "./buttons.js";
import { escapeAndTruncate } from "./escape.js";
import { LIMITS } from "./limits.js";
import { offerDetailBlocks, offerListBlocks } from "./offers.js";
import { type ApprovalsRoute, previewCardBlocks, previewStatusBlocks } from "./preview.js";
import { draftSummaryText } from "./summaries.js";

type Drafts = Extract<Reply, { kind: "drafts" }>;

const TONE_EMOJI = { info: "ℹ️", success: "✅", warning: "⚠️", error: "❌" } as const;

/** A reply as a Slack message: `text` is the notification fallback, `blocks` what users see. */
export function replyBlocks(
  reply: Reply,
  options: { threadKey: string; approvals?: ApprovalsRoute },
): { text: string; blocks: types.KnownBlock[] } {
  return {
    text: notificationText(replySummary(reply)),
    blocks: blocksOf(reply, options.threadKey, options.approvals),
  };
}

function blocksOf(reply: Reply, threadKey: string, approvals?: ApprovalsRoute): types.KnownBlock[] {
  switch (reply.kind) {
    case "notice":
      return [
        section(prefixed(`${TONE_EMOJI[reply.tone]} `, reply.text)),
        ...actionsBlocks(reply.actions ?? [], threadKey),
      ];
    case "question":
      return [
        ...notesBlocks(reply.notes),
        section(escapeAndTruncate(reply.text, LIMITS.text)),
        ...(reply.hint ? [context([prefixed("💡 ", reply.hint)])] : []),
        ...actionsBlocks(reply.actions, threadKey),
      ];
    case "preview":
      return [
        ...notesBlocks(reply.notes),
        ...previewCardBlocks(reply.preview),
        ...previewStatusBlocks(reply.preview, approvals),
        // With nowhere to send a request, Submit for approval would only pretend to.
        ...actionsBlocks(
          approvals && !approvals.channel
            ? reply.actions.filter((action) => action.id !== "submit")
            : reply.actions,
          threadKey,
        ),
      ];
    case "published":
      return [
        section(
          `✅ Published *${escapeAndTruncate(reply.title, LIMITS.header)}* as offer *#${reply.offerId}*.`,
        ),
        ...(reply.created.length > 0
          ? [section(fitLines(["*Created*", ...reply.created.map(bullet)], LIMITS.text, "items"))]
          : []),
        ...(reply.workarounds.length > 0
          ? [
              context(
                reply.workarounds.map((item) => prefixed("⚠️ ", item, LINE_MAX)),
                "workarounds",
              ),
            ]
          : []),
        ...actionsBlocks(publishedActions(reply.offerId), threadKey),
      ];
    case "offer_list":
      return offerListBlocks(reply, threadKey);
    case "offer_detail":
      return offerDetailBlocks(reply, threadKey);
    case "analytics":
      return analyticsBlocks(reply);
    case "drafts":
      return draftsBlocks(reply, threadKey);
  }
}

/** Each draft with its own Resume button; actions that match no listed draft follow below. */
function draftsBlocks(reply: Drafts, threadKey: string): types.KnownBlock[] {
  if (reply.drafts.length === 0) return [section("You have no open drafts.")];
  const resumes = reply.drafts.map((draft) =>
    reply.actions.find((action) => action.id === "draft_resume" && action.value === draft.threadKey),
  );
  const rows = reply.drafts.map((draft, i) => {
    const resume = resumes[i];
    return [section(draftSummaryText(draft), resume && button(resume, threadKey))];
  });
  const tail = actionsBlocks(
    reply.actions.filter((action) => !resumes.includes(action)),
    threadKey,
  );
  const head = [section("*Your open drafts*")];
  return [...head, ...fitGroups(rows, LIMITS.messageBlocks - head.length - tail.length, "drafts"), ...tail];
}

function notesBlocks(notes: string[]): types.KnownBlock[] {
  const lines = notes
    .filter((note) => note.trim() !== "")
    .map((note) => escapeAndTruncate(note, LIMITS.text));
  return lines.length > 0 ? [context(lines)] : [];
}

function bullet(item: string): string {
  return prefixed("• ", item, LINE_MAX);
}
