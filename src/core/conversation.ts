import { Command, type StateSnapshot } from "@langchain/langgraph";
import type { Logger } from "pino";
import { patchOfSuggestion } from "../graph/ask.js";
import { canonicalZone } from "../graph/dates.js";
import { describeOfferValue } from "../graph/describe.js";
import type { DraftPatch } from "../graph/draft.js";
import type { Intent } from "../graph/extractor/intent.js";
import { keepValid, leftOutNote } from "../graph/extractor/validate.js";
import type { OfferGraph } from "../graph/graph.js";
import { isOverBudget } from "../graph/lifecycle.js";
import type { GraphMetrics } from "../graph/metrics.js";
import type { BenchmarkTable } from "../graph/recommend/benchmarks.js";
import type { OfferStateValue } from "../graph/state.js";
import type { ReviewDecision, TurnContext, TurnInput } from "../graph/turn.js";
import type { DraftChecker } from "../graph/validation/checker.js";
import type { KigoClient } from "../kigo/client.js";
import { KigoApiError } from "../kigo/errors.js";
import { isRedisOutage } from "../redis.js";
import type { AuditLog, AuditRecord } from "../stores/audit.js";
import type { DraftIndex } from "../stores/draft-index.js";
import { BusyError, type KeyedLock } from "../stores/locks.js";
import type { AccessPolicy, ProgramMapping, Role, UserAccess } from "./access.js";
import { parseDraftForm } from "./draft-form.js";
import { draftFromOffer } from "./draft-from-offer.js";
import { factsOfDraft, type OfferFactsStore } from "./offer-facts.js";
import { isWaitingForReview, repliesFor, wasCutShort } from "./replies.js";
import { type ActionId, type Reply, versionOf } from "./view-models.js";

/** Who is speaking and where: everything an adapter knows that the core needs. */
export interface Speaker {
  userId: string;
  channelId?: string;
  workspaceId?: string;
  /** IANA time zone of the user when the channel knows it (Slack users.info does). */
  timeZone?: string;
}

export interface ConversationDeps {
  graph: OfferGraph;
  client: KigoClient;
  check: DraftChecker;
  access: AccessPolicy;
  programs: ProgramMapping;
  locks: KeyedLock;
  audit: AuditLog;
  drafts: DraftIndex;
  benchmarks: BenchmarkTable;
  /** What alerts need of an offer the bot published (author, budget, expected reach). */
  facts?: OfferFactsStore;
  defaultTimeZone: string;
  logger?: Logger;
  now?: () => Date;
  /** Counts a publish refused because the draft already was (a double click, a redelivery). */
  metrics?: Pick<GraphMetrics, "publish">;
}

export type FormResult = { ok: true; replies: Reply[] } | { ok: false; errors: Record<string, string> };

const DECISIONS: Partial<
  Record<ActionId, { kind: "publish" | "submit" | "approve" | "cancel"; role: Role }>
> = {
  publish: { kind: "publish", role: "publisher" },
  retry: { kind: "publish", role: "publisher" },
  submit: { kind: "submit", role: "editor" },
  approve: { kind: "approve", role: "approver" },
  cancel: { kind: "cancel", role: "editor" },
};

/**
 * The one conversation core behind Slack, Teams and the console. It authorises, serialises turns
 * per thread, runs the offer graph and answers with view models. Adapters only translate.
 */
export class ConversationService {
  constructor(private readonly deps: ConversationDeps) {}

  /** Free text from the user in a thread. */
  async message(speaker: Speaker, threadKey: string, text: string): Promise<Reply[]> {
    return (await this.messageTurn(speaker, threadKey, text)).replies;
  }

  /**
   * Free text, with what it asked for besides the draft: "publish" and "submit for approval" in
   * words act here exactly as the buttons do (same roles, same checks, same audit); a request for
   * other offers ("show me my offers") is returned for the offer commands to answer.
   */
  async messageTurn(speaker: Speaker, threadKey: string, text: string): Promise<MessageTurn> {
    const trimmed = text.trim();
    if (!trimmed)
      return { replies: [notice("warning", 'Tell me about the offer, e.g. "20% off in December".')] };
    let intent: Intent | undefined;
    const replies = await this.inThread(speaker, threadKey, "editor", async (access) => {
      const turn = await this.runInput(speaker, access, threadKey, "editor", {
        kind: "message",
        text: trimmed.slice(0, 4000),
      });
      intent = turn.intent;
      const decision = intent && WORDED_DECISIONS[intent.kind];
      if (!decision || !turn.waiting) return turn.replies;
      const decided = await this.decideLocked(
        speaker,
        access,
        threadKey,
        decision.role,
        turn.version,
        (version) =>
          decision.kind === "publish"
            ? {
                kind: "publish",
                version,
                ...(intent?.kind === "publish" && intent.anyway ? { anyway: true } : {}),
              }
            : { kind: decision.kind, version },
        decision.kind,
      );
      return decided;
    });
    return { replies, ...(intent ? { intent } : {}) };
  }

  /** A button: a suggested answer or a preview decision. */
  action(
    speaker: Speaker,
    threadKey: string,
    actionId: ActionId,
    value: string,
    extra: { reason?: string } = {},
  ): Promise<Reply[]> {
    if (actionId === "answer") {
      const patch = patchOfSuggestion(value);
      if (!patch)
        return Promise.resolve([notice("error", "That choice is no longer valid. Please type your answer.")]);
      return this.draftTurn(speaker, threadKey, "editor", { kind: "form", patch });
    }
    if (actionId === "reject") {
      const reason = extra.reason?.trim();
      if (!reason) return Promise.resolve([notice("warning", "Please give a reason for the rejection.")]);
      return this.decide(
        speaker,
        threadKey,
        "approver",
        value,
        (version) => ({ kind: "reject", version, reason }),
        "reject",
      );
    }
    const decision = DECISIONS[actionId];
    if (!decision)
      return Promise.resolve([notice("error", "That button does not belong to an offer draft.")]);
    // The approver who approved may retry the publish that failed after their approval.
    const roles = this.deps.access.of(speaker.userId).roles;
    const role =
      actionId === "retry" && !roles.includes("publisher") && roles.includes("approver")
        ? "approver"
        : decision.role;
    return this.decide(
      speaker,
      threadKey,
      role,
      value,
      (version) => ({ kind: decision.kind, version }) as ReviewDecision,
      decision.kind === "cancel" ? undefined : decision.kind,
    );
  }

  /**
   * Inline errors for an edit form before it is accepted: the form's values checked with the
   * chat's rules against the stored draft (only fields on the form are reported), and a form
   * opened on an older version of the draft is refused so it cannot undo newer changes. Runs
   * before a Slack modal is acknowledged, so it makes no Kigo API call (promo-code uniqueness is
   * checked on the preview instead).
   */
  async formErrors(
    speaker: Speaker,
    threadKey: string | undefined,
    values: Record<string, unknown>,
    formVersion?: number,
  ): Promise<Record<string, string>> {
    const parsed = parseDraftForm(values);
    if (!parsed.ok) return parsed.errors;
    const stored = threadKey ? await this.draftOf(threadKey) : undefined;
    const [firstField = "offerTitle"] = Object.keys(values);
    if (stored && formVersion !== undefined && stored.version !== formVersion) {
      return { [firstField]: STALE_FORM };
    }
    const issues = await this.deps.check(
      { ...stored?.draft, ...parsed.patch },
      {
        now: this.now(),
        timeZone: validTimeZone(speaker.timeZone) ?? this.deps.defaultTimeZone,
        offline: true,
      },
    );
    const errors: Record<string, string> = {};
    for (const issue of issues) {
      if (issue.severity === "error" && issue.field in values && !errors[issue.field]) {
        errors[issue.field] = `${issue.message} ${issue.fix}`;
      }
    }
    return errors;
  }

  /** The Edit form (Slack modal, Teams card form): validated field by field, then applied as one change. */
  async submitForm(
    speaker: Speaker,
    threadKey: string,
    values: Record<string, unknown>,
    formVersion?: number,
  ): Promise<FormResult> {
    const parsed = parseDraftForm(values);
    if (!parsed.ok) return parsed;
    const stored = await this.draftOf(threadKey);
    if (stored && formVersion !== undefined && stored.version !== formVersion) {
      return { ok: false, errors: { [Object.keys(values)[0] ?? "offerTitle"]: STALE_FORM } };
    }
    return {
      ok: true,
      replies: await this.draftTurn(speaker, threadKey, "editor", { kind: "form", patch: parsed.patch }),
    };
  }

  /**
   * Starts a new draft in `threadKey`, pre-filled from a published offer. `changes` is the message
   * that asked for it ("same as #7 but 25% and for January"): what it says after the offer is
   * applied to the copy as a correction.
   */
  async duplicate(speaker: Speaker, offerId: number, threadKey: string, changes?: string): Promise<Reply[]> {
    const refusal = this.refusal(speaker, "editor");
    if (refusal) return [refusal];
    let patch: DraftPatch;
    let leftOut: string | undefined;
    try {
      const [offer, controls] = await Promise.all([
        this.deps.client.getOffer(offerId),
        this.deps.client.redemptionControls.list({ offer_id: offerId }),
      ]);
      const outOfScope = this.deps.access.refusal(
        this.deps.access.of(speaker.userId),
        "editor",
        offer.merchant_owner,
      );
      if (outOfScope) return [notice("error", outOfScope)];
      // The copy passes the same validators as typed values: an old offer may hold what is refused now.
      const checked = keepValid(draftFromOffer(offer, controls[0]));
      patch = checked.patch;
      leftOut = leftOutNote(checked.dropped);
    } catch (error) {
      return [this.failure(error)];
    }
    let replies = await this.draftTurn(speaker, threadKey, "editor", { kind: "form", patch });
    const rest = changes && changesAfterReference(changes);
    if (rest) replies = await this.draftTurn(speaker, threadKey, "editor", { kind: "message", text: rest });
    await this.deps.audit.record({
      at: this.now().toISOString(),
      who: speaker.userId,
      action: "duplicate",
      offerId,
      result: "ok",
    });
    return [
      notice(
        "info",
        [`Started a new draft from offer #${offerId}. Pick new dates and a new promo code.`, leftOut]
          .filter(Boolean)
          .join(" "),
      ),
      ...replies,
    ];
  }

  /** The stored draft, for pre-filling an edit form without any slow call. */
  async draftOf(
    threadKey: string,
  ): Promise<{ draft: OfferStateValue["draft"]; version: number } | undefined> {
    const state = (await this.deps.graph.getState(configOf(threadKey))).values as Partial<OfferStateValue>;
    return state.draft ? { draft: state.draft, version: state.version ?? 0 } : undefined;
  }

  /** The thread's current question or preview again, e.g. when a draft is resumed. */
  async current(speaker: Speaker, threadKey: string): Promise<Reply[]> {
    const refusal = this.refusal(speaker, "viewer");
    if (refusal) return [refusal];
    const snapshot = await this.deps.graph.getState(configOf(threadKey));
    if (!(snapshot.values as Partial<OfferStateValue>).draftId)
      return [notice("warning", "That draft no longer exists; drafts expire after a while.")];
    return repliesFor(snapshot, this.deps.benchmarks);
  }

  private draftTurn(speaker: Speaker, threadKey: string, role: Role, input: TurnInput): Promise<Reply[]> {
    return this.inThread(speaker, threadKey, role, async (access) => {
      return (await this.runInput(speaker, access, threadKey, role, input)).replies;
    });
  }

  /** One input turn through the graph, inside the thread's lock. */
  private async runInput(
    speaker: Speaker,
    access: UserAccess,
    threadKey: string,
    role: Role,
    input: TurnInput,
  ): Promise<{ replies: Reply[]; intent?: Intent; waiting: boolean; version: number }> {
    const config = configOf(threadKey);
    const context = this.contextFor(speaker, access);
    const snapshot = await this.deps.graph.getState(config);
    const merchantId = (snapshot.values as Partial<OfferStateValue>).draft?.merchantId;
    const outOfScope = this.deps.access.refusal(access, role, merchantId);
    if (outOfScope) return { replies: [notice("error", outOfScope)], waiting: false, version: 0 };
    await this.deps.graph.invoke(
      isWaitingForReview(snapshot)
        ? new Command({
            resume: { kind: "input", input } satisfies ReviewDecision,
            update: { context, notes: [] },
          })
        : { input, context },
      config,
    );
    const after = await this.deps.graph.getState(config);
    const state = after.values as OfferStateValue;
    return {
      replies: await this.afterTurn(threadKey, after),
      ...(state.intent ? { intent: state.intent } : {}),
      waiting: isWaitingForReview(after) && !state.answerOnly,
      version: state.version,
    };
  }

  private decide(
    speaker: Speaker,
    threadKey: string,
    role: Role,
    value: string,
    decisionFor: (version: number) => ReviewDecision,
    audited?: AuditRecord["action"],
  ): Promise<Reply[]> {
    return this.inThread(speaker, threadKey, role, async (access) => {
      const version = versionOf(value);
      return this.decideLocked(speaker, access, threadKey, role, version, decisionFor, audited);
    });
  }

  /** A decision on the preview, by button or in words, inside the thread's lock. */
  private async decideLocked(
    speaker: Speaker,
    access: UserAccess,
    threadKey: string,
    role: Role,
    version: number | undefined,
    decisionFor: (version: number) => ReviewDecision,
    audited?: AuditRecord["action"],
  ): Promise<Reply[]> {
    const roleRefusal = this.deps.access.refusal(access, role);
    if (roleRefusal) return [notice("error", roleRefusal)];
    const config = configOf(threadKey);
    const snapshot = await this.deps.graph.getState(config);
    const state = snapshot.values as OfferStateValue;
    if (state.status === "published" && state.published) {
      if (audited === "publish" || audited === "approve") this.deps.metrics?.publish("duplicate");
      return [notice("info", `This offer is already published as offer #${state.published.offerId}.`)];
    }
    // The decision was taken and its run cut short (a publish whose replica died): the click, sent
    // again, finishes it. The publish saga picks up where it stopped, so nothing is made twice.
    if (wasCutShort(snapshot)) {
      await this.deps.graph.invoke(null, config);
      return this.afterTurn(threadKey, await this.deps.graph.getState(config));
    }
    if (!isWaitingForReview(snapshot)) {
      return [notice("warning", "That preview is no longer active. Send a message to continue the draft.")];
    }
    if (version === undefined)
      return [notice("error", "That button is not valid any more. Use the latest preview.")];
    const scopeRefusal = this.deps.access.refusal(access, role, state.draft.merchantId);
    if (scopeRefusal) return [notice("error", scopeRefusal)];
    const context = this.contextFor(speaker, access);
    const decision = decisionFor(version);
    await this.deps.graph.invoke(new Command({ resume: decision, update: { context, notes: [] } }), config);
    const after = await this.deps.graph.getState(config);
    const replies = await this.afterTurn(threadKey, after);
    if (audited)
      await this.auditDecision(
        speaker.userId,
        audited,
        after.values as OfferStateValue,
        state.status,
        decision,
      );
    return replies;
  }

  /** Authorises, serialises per thread, and turns failures into a clear message; the draft is never lost. */
  private async inThread(
    speaker: Speaker,
    threadKey: string,
    role: Role,
    work: (access: UserAccess) => Promise<Reply[]>,
  ): Promise<Reply[]> {
    const access = this.deps.access.of(speaker.userId);
    const refusal = this.deps.access.refusal(access, role);
    if (refusal) return [notice("error", refusal)];
    try {
      return await this.deps.locks.run(threadKey, () => work(access));
    } catch (error) {
      return [this.failure(error)];
    }
  }

  private failure(error: unknown): Reply {
    if (error instanceof BusyError) return notice("warning", error.message);
    if (isRedisOutage(error)) {
      this.deps.logger?.error({ err: error }, "conversation store unreachable");
      return notice(
        "error",
        "The conversation store is unreachable right now, so this message was not taken. Please try again in a minute.",
      );
    }
    if (error instanceof KigoApiError) {
      return notice(
        "error",
        `${error.message} Your draft is saved; send your last message again to continue.`,
      );
    }
    this.deps.logger?.error({ err: error }, "conversation turn failed");
    return notice("error", "Something went wrong on our side. Your draft is saved; please try again.");
  }

  /** The replies to a turn from the thread's state after it, and the drafts list brought up to date. */
  private async afterTurn(threadKey: string, snapshot: StateSnapshot): Promise<Reply[]> {
    const state = snapshot.values as OfferStateValue;
    // A turn that only answered leaves the drafts list alone; "hi" opens no draft.
    if (!state.answerOnly && state.draftId) {
      await this.deps.drafts.save(state.authorId, {
        threadKey,
        title: draftListTitle(state.draft),
        status: state.status,
        updatedAt: this.now().toISOString(),
      });
    }
    return repliesFor(snapshot, this.deps.benchmarks);
  }

  /** Records what the decision actually did: a stale or blocked click is "refused", not "ok". */
  private async auditDecision(
    who: string,
    action: AuditRecord["action"],
    state: OfferStateValue,
    before: OfferStateValue["status"],
    decision: ReviewDecision,
  ): Promise<void> {
    const outcome: Record<string, AuditRecord["result"]> = {
      publish: state.status === "published" ? "ok" : state.status === "failed" ? "failed" : "refused",
      approve: state.status === "published" ? "ok" : state.status === "failed" ? "failed" : "refused",
      submit: state.status === "pending_approval" && before !== "pending_approval" ? "ok" : "refused",
      reject: before === "pending_approval" && state.status === "review" ? "ok" : "refused",
    };
    const result = outcome[action] ?? "ok";
    if (result === "ok" && state.published)
      await this.deps.facts?.record(
        state.published.offerId,
        factsOfDraft(state.authorId, state.draft, this.deps.benchmarks),
      );
    await this.deps.audit.record({
      at: this.now().toISOString(),
      who,
      action,
      draftId: state.draftId,
      ...(state.published ? { offerId: state.published.offerId } : {}),
      result,
      ...(result === "failed" && state.publishError ? { detail: state.publishError.message } : {}),
      ...(result === "ok" && decision.kind === "publish" && decision.anyway && isOverBudget(state.issues)
        ? { detail: "published over the budget warning" }
        : {}),
    });
  }

  private refusal(speaker: Speaker, role: Role): Reply | undefined {
    const text = this.deps.access.refusal(this.deps.access.of(speaker.userId), role);
    return text ? notice("error", text) : undefined;
  }

  private contextFor(speaker: Speaker, access: UserAccess): TurnContext {
    const programType = this.deps.programs.programFor({
      channelId: speaker.channelId,
      workspaceId: speaker.workspaceId,
      merchantIds: access.merchantIds,
    });
    return {
      userId: speaker.userId,
      now: this.now().toISOString(),
      timeZone: validTimeZone(speaker.timeZone) ?? this.deps.defaultTimeZone,
      merchantIds: access.merchantIds,
      ...(programType ? { programType } : {}),
    };
  }

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }
}

/** "same as #7 but 25% and for January" → "make it 25% and for January". */
function changesAfterReference(message: string): string | undefined {
  const rest = message
    .replace(/^.*?#?\d+\b[\s,:;-]*/s, "")
    .replace(/^(?:but|except|with|and|only|just)\s+/i, "")
    .trim();
  if (!rest) return undefined;
  // A bare value right after the reference is the offer's new value.
  return /^(?:\$?\d[\d,.]*\s*(?:%|percent|k)?)(?:\s|$|,)/i.test(rest) ? `make it ${rest}` : rest;
}

/** "publish" and "submit for approval" typed in the thread act like the preview's buttons. */
const WORDED_DECISIONS: Partial<Record<Intent["kind"], { kind: "publish" | "submit"; role: Role }>> = {
  publish: { kind: "publish", role: "publisher" },
  submit: { kind: "submit", role: "editor" },
};

export interface MessageTurn {
  replies: Reply[];
  /** What the message asked for besides the draft, e.g. other offers for the offer commands. */
  intent?: Intent;
}

/** Drafts are told apart by merchant, offer and value: "Sunrise Coffee Co. · 25% off lattes". */
function draftListTitle(draft: OfferStateValue["draft"]): string {
  const offer = draft.offerTitle ?? describeOfferValue(draft) ?? "offer not described yet";
  return `${draft.merchantName ?? "No merchant yet"} · ${offer}`;
}

const STALE_FORM =
  "The draft changed since this form was opened. Close it and press Edit again to see the latest.";

export const configOf = (threadKey: string) => ({ configurable: { thread_id: threadKey } });

export function notice(tone: "info" | "success" | "warning" | "error", text: string): Reply {
  return { kind: "notice", tone, text };
}

function validTimeZone(zone: string | undefined): string | undefined {
  return zone ? canonicalZone(zone) : undefined;
}
