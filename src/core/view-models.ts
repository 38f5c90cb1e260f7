import type { DraftStatus } from "../graph/turn.js";
import type { ValidationIssue } from "../graph/validation/types.js";

/**
 * What the conversation service answers with: channel-agnostic view models. Slack, Teams and the
 * console render them with pure functions; none of them decides anything.
 */

export type ActionId =
  | "answer"
  | "publish"
  | "edit"
  | "submit"
  | "approve"
  | "reject"
  | "cancel"
  | "retry"
  | "offers_page"
  | "offer_show"
  | "offer_pause"
  | "offer_resume"
  | "offer_end"
  | "offer_end_confirmed"
  | "offer_duplicate"
  | "offer_analytics"
  /** Value "ID" asks how long; "ID:DAYS" moves the end date that many days later. */
  | "offer_extend"
  | "draft_resume";

const ACTION_IDS: Record<ActionId, true> = {
  answer: true,
  publish: true,
  edit: true,
  submit: true,
  approve: true,
  reject: true,
  cancel: true,
  retry: true,
  offers_page: true,
  offer_show: true,
  offer_pause: true,
  offer_resume: true,
  offer_end: true,
  offer_end_confirmed: true,
  offer_duplicate: true,
  offer_analytics: true,
  offer_extend: true,
  draft_resume: true,
};

/** Whether a name a click sent back is one of ours: channels check what they cannot trust. */
export function isActionId(id: string): id is ActionId {
  return Object.hasOwn(ACTION_IDS, id);
}

export interface Action {
  id: ActionId;
  label: string;
  /** Opaque to adapters: sent back unchanged with the action. */
  value: string;
  style?: "primary" | "danger";
  /** Ask before sending (e.g. ending an offer cannot be undone). */
  confirm?: { title: string; text: string; confirm: string; deny: string };
}

export interface PreviewField {
  label: string;
  value: string;
}

export interface PreviewModel {
  draftId: string;
  version: number;
  status: DraftStatus;
  title: string;
  summary: string;
  sections: { title: string; fields: PreviewField[] }[];
  issues: ValidationIssue[];
  /** "Up to $40,000 if all 1,000 redemptions are used (20% of a $200 average order)." */
  budgetImpact?: { text: string; assumption: string; overBudget: boolean };
  recommendation?: string;
  /** Set when a publish attempt failed; the draft is kept. */
  publishError?: string;
  approval?: { submittedBy: string; rejectedReason?: string };
}

export interface OfferSummaryModel {
  offerId: number;
  title: string;
  status: string;
  merchantId: number;
  merchantName?: string;
  startDate: string;
  endDate?: string;
  offerType?: string;
  redemptionMethods: string[];
}

/** What `/offers show` adds to a summary: everything a marketer checks against what they asked for. */
export interface OfferDetailModel {
  /** "20%" or "$10.00": the saving the Kigo API holds (for a price point, off the usual price, not the price). */
  savings?: string;
  promoCodes?: string[];
  usageLimitPerCustomer?: number;
  totalUsageLimit?: number;
  description?: string;
  terms?: string;
  /** Where an online offer sends the customer. */
  link?: string;
}

/** A draft in a user's list: resumable from any channel by its conversation. */
export interface DraftSummaryModel {
  threadKey: string;
  title: string;
  status: DraftStatus;
  updatedAt: string;
}

/** A user's home (Slack's App Home): their recent offers and open drafts. */
export interface HomeModel {
  recentOffers: OfferSummaryModel[];
  drafts: DraftSummaryModel[];
}

/** The version-carrying value of preview buttons: a click on an older preview is refused. */
export const versionValue = (version: number) => JSON.stringify({ v: version });

export function versionOf(value: string): number | undefined {
  try {
    const parsed = JSON.parse(value) as { v?: unknown };
    return typeof parsed.v === "number" ? parsed.v : undefined;
  } catch {
    return undefined;
  }
}

/** A published offer's card offers one thing: the offer itself, as `/offers show` has it. */
export const publishedActions = (offerId: number): Action[] => [
  { id: "offer_show", label: "Show", value: String(offerId) },
];

export type Reply =
  | { kind: "notice"; text: string; tone: "info" | "success" | "warning" | "error"; actions?: Action[] }
  | {
      kind: "question";
      notes: string[];
      /** The draft field asked about, e.g. "merchantName": lets a channel offer the right input. */
      field: string;
      text: string;
      hint?: string;
      actions: Action[];
    }
  | { kind: "preview"; notes: string[]; preview: PreviewModel; actions: Action[] }
  | {
      kind: "published";
      offerId: number;
      title: string;
      created: string[];
      workarounds: string[];
    }
  | {
      kind: "offer_list";
      title: string;
      offers: OfferSummaryModel[];
      total: number;
      offset: number;
      actions: Action[];
    }
  | {
      kind: "offer_detail";
      offer: OfferSummaryModel & OfferDetailModel;
      actions: Action[];
    }
  | {
      kind: "analytics";
      offerId: number;
      title: string;
      startDate: string;
      endDate: string;
      totalRedemptions: number;
      uniqueUsers: number;
      revenue: number;
      conversionRate: number | null;
      byDay: { date: string; redemptions: number }[];
    }
  | {
      kind: "drafts";
      drafts: DraftSummaryModel[];
      actions: Action[];
    };

/** What an approver sees: the draft's card, who submitted it, and Approve / Reject for its version. */
export interface ApprovalRequestModel {
  threadKey: string;
  preview: PreviewModel;
  authorId: string;
}

/** How a decided approval ended, so nobody acts on its card again. */
export type ApprovalOutcomeModel =
  | { approverId: string; publishedOfferId: number; title: string }
  | { approverId: string; rejectedReason: string };
