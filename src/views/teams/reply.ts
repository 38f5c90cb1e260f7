import { publishedActions, type Reply } from "../../core/view-models.js";
import { draftStatusLine } from "../text/offer-words.js";
import { replySummary } from "../text/reply-summary.js";
import { rowActions, withActions } from "./actions.js";
import { analyticsBody } from "./analytics.js";
import { bullet, type CardParts, card, fitGroups, row, smallPrint, text } from "./card.js";
import type { AdaptiveCard, CardElement } from "./elements.js";
import { escapeAndTruncate, prefixed } from "./escape.js";
import { LIMITS } from "./limits.js";
import { offerDetailParts, offerListParts } from "./offers.js";
import { type ApprovalsRoute, type NameOf, previewBody, previewStatusBody } from "./preview.js";

type Drafts = Extract<Reply, { kind: "drafts" }>;

export interface ReplyOptions {
  /** The conversation the card's buttons act on. */
  threadKey: string;
  approvals?: ApprovalsRoute;
  nameOf?: NameOf;
}

const TONE_EMOJI = { info: "ℹ️", success: "✅", warning: "⚠️", error: "❌" } as const;

/** A reply as an Adaptive Card; its `fallbackText` is the one line a notification shows. */
export function replyCard(reply: Reply, options: ReplyOptions): AdaptiveCard {
  const { body, actions } = partsOf(reply, options);
  return card(replySummary(reply), body, actions);
}

function partsOf(reply: Reply, { threadKey, approvals, nameOf }: ReplyOptions): CardParts {
  switch (reply.kind) {
    case "notice":
      return withActions(
        [
          text(
            prefixed(`${TONE_EMOJI[reply.tone]} `, reply.text, LIMITS.text),
            reply.tone === "error" ? { color: "attention" } : {},
          ),
        ],
        reply.actions ?? [],
        threadKey,
      );
    case "question":
      return withActions(
        [
          ...notesBody(reply.notes),
          text(escapeAndTruncate(reply.text, LIMITS.text)),
          ...(reply.hint ? smallPrint([prefixed("💡 ", reply.hint, LIMITS.line)]) : []),
        ],
        reply.actions,
        threadKey,
      );
    case "preview":
      return withActions(
        [
          ...notesBody(reply.notes),
          ...previewBody(reply.preview),
          ...previewStatusBody(reply.preview, approvals, nameOf),
        ],
        // With nowhere to send a request, Submit for approval would only pretend to.
        approvals && !approvals.channel
          ? reply.actions.filter((action) => action.id !== "submit")
          : reply.actions,
        threadKey,
      );
    case "published":
      return withActions(
        [
          text(
            `✅ Published **${escapeAndTruncate(reply.title, LIMITS.title)}** as offer **#${reply.offerId}**.`,
          ),
          ...(reply.created.length > 0
            ? [
                text("**Created**", { spacing: "medium" }),
                ...fitGroups(
                  reply.created.map((item) => [text(bullet(item), { spacing: "none" })]),
                  LIMITS.text,
                  "items",
                ),
              ]
            : []),
          ...smallPrint(
            reply.workarounds.map((item) => prefixed("⚠️ ", item, LIMITS.line)),
            "workarounds",
          ),
        ],
        publishedActions(reply.offerId),
        threadKey,
      );
    case "offer_list":
      return offerListParts(reply, threadKey);
    case "offer_detail":
      return offerDetailParts(reply, threadKey);
    case "analytics":
      return { body: analyticsBody(reply), actions: [] };
    case "drafts":
      return draftsParts(reply, threadKey);
  }
}

/** Each draft with its own Resume button; actions that match no listed draft follow below. */
function draftsParts(reply: Drafts, threadKey: string): CardParts {
  if (reply.drafts.length === 0) return { body: [text("You have no open drafts.")], actions: [] };
  const resumes = reply.drafts.map((draft) =>
    reply.actions.find((action) => action.id === "draft_resume" && action.value === draft.threadKey),
  );
  const rows = reply.drafts.map((draft, i) => {
    const resume = resumes[i];
    return [
      row(
        [
          text(`**${escapeAndTruncate(draft.title, LIMITS.title)}**`),
          ...smallPrint([draftStatusLine(draft)]),
        ],
        resume ? rowActions([resume], threadKey) : [],
      ),
    ];
  });
  return withActions(
    [text("**Your open drafts**"), ...fitGroups(rows, LIMITS.listBytes, "drafts")],
    reply.actions.filter((action) => !resumes.includes(action)),
    threadKey,
  );
}

function notesBody(notes: string[]): CardElement[] {
  const lines = notes
    .filter((note) => note.trim() !== "")
    .map((note) => escapeAndTruncate(note, LIMITS.line));
  return fitGroups(
    lines.map((line) => smallPrint([line])),
    LIMITS.text,
    "notes",
  );
}
