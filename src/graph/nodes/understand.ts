import { randomUUID } from "node:crypto";
import { patchOfSuggestion } from "../ask.js";
import { daysBetween, todayIn } from "../dates.js";
import { describeValue, FIELD_LABELS, formatDate, formatMoney } from "../describe.js";
import type { DraftField, DraftPatch, OfferDraft } from "../draft.js";
import type { Intent } from "../extractor/intent.js";
import type { Extractor, TokenUsage } from "../extractor/types.js";
import { keepValid, leftOutNote } from "../extractor/validate.js";
import { cancelNote, draftName, isInProgress } from "../lifecycle.js";
import type { OfferStateUpdate, OfferStateValue } from "../state.js";
import { offerValueRefusal } from "../validation/offer-value.js";

/**
 * Turns this turn's input into a draft change. Free text goes through the extractor (one call);
 * a suggestion typed back verbatim and form submissions apply their patch directly, so clicks never
 * cost a model call.
 */
export function understandNode(extractor: Extractor) {
  return async (state: OfferStateValue): Promise<OfferStateUpdate> => {
    const reading = await readInput(state, extractor);
    const { intent } = reading;
    const inProgress = isInProgress(state);
    const carriesOffer =
      Object.keys(reading.patch).length > 0 || reading.query !== undefined || reading.locations !== undefined;
    const usage = usageAfter(state, reading.usage);
    const turn = { intent, mentions: reading.mentions, question: undefined, publishError: undefined, usage };
    // "same as #7 but 25%" starts its own draft elsewhere; "show me my offers" changes nothing here.
    if ((!inProgress && !carriesOffer && intent?.kind !== "create") || intent?.kind === "offers") {
      // Nothing in progress and nothing offered: answer, and leave the thread without a draft.
      return { ...turn, answerOnly: true, notes: reading.notes };
    }
    if (intent?.kind === "cancel") {
      return {
        ...turn,
        intent: undefined,
        answerOnly: false,
        status: "cancelled",
        notes: [cancelNote(state)],
      };
    }
    const fresh = !inProgress;
    const base: OfferStateValue = fresh
      ? { ...state, draft: {}, asked: undefined, question: undefined }
      : state;
    const refusals: string[] = [];
    const typed = base.input?.kind === "message" ? base.input.text : "";
    const draft = withTitleValue(
      withoutUnlikelyRun(
        withoutImpossibleValue(applyPatch(base.draft, reading.patch), base.draft, refusals),
        base.draft,
        typed,
        refusals,
      ),
      base,
    );
    const changed = changedFields(base.draft, draft);
    const today = todayIn(draft.timeZone ?? state.context.timeZone, new Date(state.context.now));
    const passed = reading.notes.some((note) => note.includes("has passed"))
      ? undefined
      : passedDateNote(draft, base.draft, typed, today);
    const notes = [
      ...(fresh ? ["Starting a new offer."] : []),
      ...reading.notes,
      ...refusals,
      ...(passed ? [passed] : []),
    ];
    // A note about what was read (a refused value, a passed holiday) already answered the message.
    const understood =
      changed.length > 0 ||
      intent !== undefined ||
      carriesOffer ||
      reading.notes.length > 0 ||
      refusals.length > 0;
    if (changed.length > 0) notes.push(summariseChanges(changed, base.draft, draft));
    else if (intent?.kind === "create" && !fresh) {
      notes.push(
        `We're still working on ${draftName(draft)}. Finish it, or say "cancel" to drop it and start another.`,
      );
    } else if (!understood && base.input?.kind === "message") notes.push(notUnderstood(base, typed));
    else if (Object.keys(reading.patch).length > 0 && !fresh && refusals.length === 0)
      notes.push(alreadySaid(reading.patch, draft));
    const staleCode = staleCodeNote(base.draft, draft);
    if (staleCode) notes.push(staleCode);
    // At the preview, an answer or a "didn't catch that" is said on its own; the preview stays as it is.
    const answerOnly =
      atPreview(state) &&
      changed.length === 0 &&
      reading.query === undefined &&
      intent?.kind !== "publish" &&
      intent?.kind !== "submit";
    return {
      ...turn,
      answerOnly,
      merchantQuery: reading.query,
      locationQuery: reading.locations,
      draftId: fresh || !state.draftId ? randomUUID() : state.draftId,
      authorId: fresh || !state.authorId ? state.context.userId : state.authorId,
      ...(fresh
        ? { status: "collecting", publishProgress: undefined, published: undefined, approval: undefined }
        : {}),
      draft,
      ...(changed.length > 0 && state.publishProgress && !fresh
        ? // Edited after a failed publish: every step runs again with the new values (each is idempotent).
          { publishProgress: { ...state.publishProgress, completed: [] } }
        : {}),
      version: changed.length > 0 || fresh ? base.version + 1 : base.version,
      notes,
    };
  };
}

const atPreview = (state: OfferStateValue) =>
  state.status === "review" || state.status === "pending_approval" || state.status === "failed";

/**
 * A title of the marketer's own (or a duplicated offer's) that names the old value ("15% Off
 * Genuine Parts") would go live wrong after "make it 25%": the number in it follows the value.
 */
function withTitleValue(draft: OfferDraft, before: OfferStateValue): OfferDraft {
  const old = before.draft.offerValue;
  const value = draft.offerValue;
  if (old === undefined || value === undefined || old === value) return draft;
  const [oldText, newText] = [old, value].map((amount) => valueText(amount, draft));
  if (!oldText || !newText) return draft;
  // Only text the marketer (or the copied offer) wrote, unchanged this turn, naming the old value once.
  const follow = (text: string | undefined, previous: string | undefined, generated?: string) =>
    text && text === previous && text !== generated && text.split(oldText).length === 2
      ? text.replace(oldText, newText)
      : text;
  const offerTitle = follow(draft.offerTitle, before.draft.offerTitle, before.generated.offerTitle);
  const offerDescription = follow(draft.offerDescription, before.draft.offerDescription);
  return {
    ...draft,
    ...(offerTitle !== undefined ? { offerTitle } : {}),
    ...(offerDescription !== undefined ? { offerDescription } : {}),
  };
}

/**
 * "DEALER20" after "make it 25%": a code is what customers type, perhaps already printed, so it is
 * not changed; the marketer is told it names the old value and how to match it.
 */
function staleCodeNote(before: OfferDraft, after: OfferDraft): string | undefined {
  const code = after.promoCode;
  const [old, value] = [before.offerValue, after.offerValue];
  if (!code || code !== before.promoCode || old === undefined || value === undefined || old === value)
    return undefined;
  if (!Number.isInteger(old) || !Number.isInteger(value)) return undefined;
  const named = new RegExp(`(?<!\\d)${old}(?!\\d)`);
  if (!named.test(code)) return undefined;
  return `The promo code ${code} still says ${old}. Say "code ${code.replace(named, String(value))}" to match the new value, or keep it.`;
}

function valueText(amount: number, draft: OfferDraft): string | undefined {
  if (draft.offerType === "percentage_savings" || draft.valueUnit === "%") return `${amount}%`;
  if (draft.offerType === "dollars_off" || draft.valueUnit === "$") return formatMoney(amount);
  return undefined;
}

/** Longer than this, a run whose years nobody typed is a slip ("start dec 20 end dec 10"). */
const UNLIKELY_RUN_DAYS = 183;

/** A date this year that passed longer ago than this is plainly meant for next year ("in january" in November). */
const RECENTLY_PASSED_MS = 92 * 24 * 60 * 60 * 1000;

/**
 * "nov 27-29" typed after Nov 29 is taken as next year's: true to the words, but easy to miss on a
 * busy day, so it is said. A typed year needs no note.
 */
function passedDateNote(
  draft: OfferDraft,
  before: OfferDraft,
  typed: string,
  today: string,
): string | undefined {
  const start = draft.startDate;
  if (!start || start === before.startDate || /\b20\d\d\b/.test(typed)) return undefined;
  const thisYear = `${today.slice(0, 4)}${start.slice(4)}`;
  if (start.slice(0, 4) <= today.slice(0, 4) || thisYear >= today) return undefined;
  if (Date.parse(today) - Date.parse(thisYear) > RECENTLY_PASSED_MS) return undefined;
  return `${formatDate(thisYear)} has passed, so it starts ${formatDate(start)}. Say the year if you meant otherwise.`;
}

/**
 * A date without a year is taken as the next one to come, so an end typed before the start lands
 * a year later. Nobody means that without saying the year: the dates stay as they were and the
 * marketer is asked.
 */
function withoutUnlikelyRun(
  draft: OfferDraft,
  before: OfferDraft,
  typed: string,
  refusals: string[],
): OfferDraft {
  const { startDate, endDate } = draft;
  const moved = startDate !== before.startDate || endDate !== before.endDate;
  if (!moved || !startDate || !endDate || /\b20\d\d\b/.test(typed)) return draft;
  if (daysBetween(startDate, endDate) <= UNLIKELY_RUN_DAYS) return draft;
  refusals.push(
    `${formatDate(startDate)} – ${formatDate(endDate)} would run almost a year, so I kept the dates as they were. Did the end come before the start? Say both dates again, e.g. "Dec 10 to Dec 20", or add the year.`,
  );
  const { startDate: _start, endDate: _end, ...rest } = draft;
  return {
    ...rest,
    ...(before.startDate ? { startDate: before.startDate } : {}),
    ...(before.endDate ? { endDate: before.endDate } : {}),
  };
}

/** "150% off" is refused when typed, in words, and the value it would replace stays. */
function withoutImpossibleValue(draft: OfferDraft, before: OfferDraft, refusals: string[]): OfferDraft {
  if (draft.offerValue === before.offerValue) return draft;
  const refusal = offerValueRefusal(draft);
  if (!refusal) return draft;
  refusals.push(refusal);
  const { offerValue: _impossible, ...rest } = draft;
  return before.offerValue === undefined || draft.offerType !== before.offerType
    ? rest
    : { ...rest, offerValue: before.offerValue };
}

/** Says what was read, so a message only partly understood does not look like agreement. */
function alreadySaid(patch: DraftPatch, draft: OfferDraft): string {
  const read = (Object.keys(patch) as DraftField[])
    .filter((field) => !UNSPOKEN.includes(field))
    .map((field) => `${FIELD_LABELS[field].toLowerCase()} ${describeValue(field, draft)}`);
  return read.length > 0
    ? `I read ${read.join(", ")}, which the offer already has. To change something else, say it another way (e.g. title "…").`
    : "That's what the offer already says.";
}

function notUnderstood(state: OfferStateValue, typed: string): string {
  if (/\?\s*$/.test(typed))
    return 'I can\'t answer that one. I can explain offer types, redemption methods, programs, what the offer could cost and what to offer: ask about one of those, or say "help".';
  return atPreview(state)
    ? 'I didn\'t catch a change in that. Type what to change (e.g. "make it 25%"), or say "publish" or "cancel".'
    : "I didn't catch that.";
}

function usageAfter(state: OfferStateValue, usage: TokenUsage | undefined): OfferStateValue["usage"] {
  return usage
    ? {
        inputTokens: state.usage.inputTokens + usage.inputTokens,
        outputTokens: state.usage.outputTokens + usage.outputTokens,
        calls: state.usage.calls + 1,
      }
    : state.usage;
}

interface Reading {
  patch: DraftPatch;
  intent?: Intent | undefined;
  notes: string[];
  mentions: string[];
  /** A merchant name the user stated: looked up before it changes the draft. */
  query?: string | undefined;
  /** Places typed for the offer's locations. */
  locations?: string | undefined;
  usage?: TokenUsage | undefined;
}

async function readInput(state: OfferStateValue, extractor: Extractor): Promise<Reading> {
  const input = state.input;
  if (!input) return { patch: {}, notes: [], mentions: [] };
  if (input.kind === "form") {
    // A form (or a duplicated offer) passes the same validators as typed values; a dropped one is named.
    const { patch, dropped } = keepValid(input.patch);
    const note = leftOutNote(dropped);
    return withQuery({ patch, notes: note ? [note] : [], mentions: [] });
  }
  const chosen = state.question?.suggestions.find(
    (candidate) => candidate.label.toLowerCase() === input.text.trim().toLowerCase(),
  );
  const suggested = chosen && patchOfSuggestion(chosen.value);
  if (suggested) return withQuery({ patch: suggested, notes: [], mentions: [] });
  const extraction = await extractor.extract(input.text, {
    now: new Date(state.context.now),
    timeZone: state.draft.timeZone ?? state.context.timeZone,
    draft: state.draft,
    expecting: state.asked,
  });
  // The extractor's output is only a proposal: keep the fields that pass the draft schema.
  return withQuery({
    patch: keepValid(extraction.patch).patch,
    intent: extraction.intent,
    notes: extraction.notes ?? [],
    mentions: extraction.mentions ?? [],
    locations: extraction.locations,
    usage: extraction.usage,
  });
}

/** A typed merchant name is a search, not yet the merchant: a failed search must not clear the one chosen. */
function withQuery(reading: Reading): Reading {
  const { merchantName, ...patch } = reading.patch;
  if (merchantName === undefined || patch.merchantId !== undefined) return reading;
  return { ...reading, patch, query: merchantName };
}

export function applyPatch(draft: OfferDraft, patch: DraftPatch): OfferDraft {
  const next: OfferDraft = { ...draft, ...patch };
  if (patch.promoCode !== undefined && patch.codeMode === undefined) next.codeMode = "universal";
  // A code says how it is redeemed, whoever read the message (the model may leave the method out).
  if (patch.promoCode !== undefined && next.redemptionMethod === undefined)
    next.redemptionMethod = "promo_code";
  // A number and "unlimited" exclude each other: the newer one wins.
  if (patch.usageLimitPerCustomer !== undefined) delete next.unlimitedPerCustomer;
  if (patch.unlimitedPerCustomer) delete next.usageLimitPerCustomer;
  if (patch.totalUsageLimit !== undefined) delete next.unlimitedTotal;
  if (patch.unlimitedTotal) delete next.totalUsageLimit;
  return next;
}

function changedFields(before: OfferDraft, after: OfferDraft): DraftField[] {
  const fields = new Set([...Object.keys(before), ...Object.keys(after)] as DraftField[]);
  return [...fields].filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]));
}

/** Bookkeeping the marketer never sees as a field of its own. */
const UNSPOKEN: readonly DraftField[] = [
  "merchantId",
  "merchantName",
  "merchantCategoryId",
  "codeMode",
  "maxDiscountUnit",
  "valueUnit",
  "termsAddition",
];
/** Already said by the value's description ("25% off all equipment when you spend $50 or more"). */
const PART_OF_VALUE: readonly DraftField[] = ["itemName", "qualifyingItem", "minimumSpend"];

function summariseChanges(fields: DraftField[], before: OfferDraft, after: OfferDraft): string {
  const valueSaid = fields.includes("offerValue") && describeValue("offerValue", after) !== undefined;
  const shown = fields.filter(
    (field) => !UNSPOKEN.includes(field) && !(valueSaid && PART_OF_VALUE.includes(field)),
  );
  const labelsSet = new Set(
    shown.filter((field) => describeValue(field, after) !== undefined).map((field) => FIELD_LABELS[field]),
  );
  const parts = shown.flatMap((field) => {
    const now = describeValue(field, after);
    const was = describeValue(field, before);
    // "Unlimited" replacing "3" is one change of "Uses per customer", not a removal and an addition.
    if (now === undefined)
      return labelsSet.has(FIELD_LABELS[field]) ? [] : [`removed ${FIELD_LABELS[field].toLowerCase()}`];
    return [
      was === undefined ? `${FIELD_LABELS[field]}: ${now}` : `${FIELD_LABELS[field]}: ${now} (was ${was})`,
    ];
  });
  return parts.length > 0 ? `Got it. ${parts.join("; ")}.` : "Got it.";
}
