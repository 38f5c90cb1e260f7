import type { DraftPatch } from "../../draft.js";
import { type Intent, nearDecision, readIntent } from "../intent.js";
import type { ExtractContext, Extraction, Extractor } from "../types.js";
import { keepValid } from "../validate.js";
import { PROSE_FIELDS, readAnswer, readClauseAnswer } from "./answers.js";
import { readCardLinked } from "./card-linked.js";
import { readChannels } from "./channels.js";
import { spelledOut } from "./chat-words.js";
import { readCodes } from "./codes.js";
import { readConditions } from "./conditions.js";
import { readDates } from "./dates.js";
import { readLimits } from "./limits.js";
import { readLocations, readPlaces } from "./locations.js";
import { readMerchantChange, readMerchantMentions } from "./mentions.js";
import { readBareBudget, readMoney } from "./money.js";
import { withDigits } from "./number-words.js";
import { readNumber } from "./numbers.js";
import { readOffer } from "./offer.js";
import { readProgram } from "./program.js";
import { readRedemption, readUrl } from "./redemption.js";
import { type Rule, Scan } from "./scan.js";
import { readDateShift } from "./shift.js";
import { readText } from "./text.js";
import { readTimeZone } from "./timezone.js";
import { readWeekdays } from "./weekdays.js";

/**
 * In this order: labelled text and links first, so nothing inside them is read as an amount;
 * codes and channels before dates and numbers ("DEALER20", "activation links"); money before the
 * offer ("max discount 30%" is not a 30% discount); the offer before limits; the redemption method
 * last, because a code or a link found earlier decides it.
 */
const RULES: Rule[] = [
  readText,
  readUrl,
  readCodes,
  readChannels,
  readWeekdays,
  readConditions,
  readDateShift,
  readDates,
  readMoney,
  readOffer,
  readProgram,
  readLimits,
  readCardLinked,
  readRedemption,
  readTimeZone,
  readLocations,
  readBareBudget,
];

interface Reading {
  patch: DraftPatch;
  notes: string[];
  /** What no rule took: where merchant names are looked for. */
  rest: string;
}

/** "$300 off, er, make it $250", "20% off lattes, actually 25%": what follows the slip replaces it. */
const SELF_CORRECTION =
  /(?:,\s*|\s+[-–—]\s*|\s+)(?:(?:e+r+m*|u+h+|u+m+|i\s+mean|scratch\s+that|no\s+wait|wait\s+no|sorry|oops|actually)\b[\s,.!-]*)+(?:i\s+meant\s+)?/i;

function readMessage(message: string, context: ExtractContext): Reading {
  const slip = SELF_CORRECTION.exec(message);
  if (slip && slip.index > 0) {
    const first = readMessage(message.slice(0, slip.index), context);
    if (Object.keys(first.patch).length > 0) {
      // The second part corrects the first: a lone "25%" there is the value, as if none were set.
      const { offerValue: _replaced, ...sofar } = { ...context.draft, ...first.patch };
      const second = readMessage(message.slice(slip.index + slip[0].length), { ...context, draft: sofar });
      return {
        patch: { ...first.patch, ...second.patch },
        notes: [...first.notes, ...second.notes],
        rest: `${first.rest} ${second.rest}`,
      };
    }
  }
  const scan = new Scan(message);
  const patch: DraftPatch = {};
  const notes: string[] = [];
  for (const rule of RULES) rule(scan, patch, context, notes);
  return { patch: keepValid(patch).patch, notes, rest: scan.rest };
}

/** Questions, which a message may ask next to values of the offer. */
const QUESTIONS: ReadonlySet<Intent["kind"]> = new Set(["cost", "recommend", "explain", "fit_budget"]);

/** The sentences of a message that are not the question, read for values. */
function valuesBeside(
  message: string,
  question: Intent,
  context: ExtractContext,
): Omit<Extraction, "source"> {
  const sentences = message.split(/(?<=[?!.;])\s+|\n/);
  const asked = sentences.filter((sentence) => readIntent(sentence)?.kind === question.kind);
  const others = sentences.filter((sentence) => !asked.includes(sentence)).join(" ");
  // "whatever 5k covers": the amount in the question is the budget when none is set yet.
  const budget =
    question.kind === "fit_budget" && context.draft.totalBudget === undefined
      ? readNumber(BUDGET_IN_QUESTION.exec(asked.join(" "))?.[1] ?? "")
      : undefined;
  const reading = others.trim() ? readMessage(others, { ...context, expecting: undefined }) : undefined;
  // "5k. how many can we afford with that?" while the budget is asked: the first sentence answers it.
  const field = context.expecting;
  const answer =
    field && others.trim()
      ? (readAnswer(field, others, context) ?? readClauseAnswer(field, others, context))
      : undefined;
  const patch = { ...reading?.patch, ...answer, ...(budget !== undefined && { totalBudget: budget }) };
  return {
    patch: keepValid(patch).patch,
    ...(reading && reading.notes.length > 0 && { notes: reading.notes }),
  };
}

const BUDGET_IN_QUESTION = /(\$?\s?\d[\d,.]*\s?k\b|\$\s?\d[\d,.]*)/i;

/** Intents that end the reading: the message is a command or a question, not draft values. */
const WHOLE_MESSAGE_INTENTS: ReadonlySet<Intent["kind"]> = new Set([
  "publish",
  "submit",
  "cancel",
  "help",
  "edit",
  "explain",
  "list_merchants",
  "list_locations",
  "cost",
  "fit_budget",
  "recommend",
  "off_topic",
]);

/**
 * Everything the rules understand in one message: a command or question first (so "publish" is
 * never a merchant name), then a bare answer to the pending question, then every field the words
 * state, and names that may be the merchant's. A pending question never swallows a message that
 * carries values of its own.
 */
export function readWithRules(typed: string, context: ExtractContext): Extraction {
  const [spoken, decision] = withoutTrailingDecision(spelledOut(typed));
  const reading = readRest(spoken, context);
  if (!decision) return reading;
  if (Object.keys(reading.patch).length > 0)
    return {
      ...reading,
      notes: [...(reading.notes ?? []), `I made the change. Check the preview, then say "${decision.kind}".`],
    };
  // "that's fine, it's exactly our budget. publish": nothing to change, so the decision stands.
  return reading.intent && !SOFT_INTENTS.has(reading.intent.kind)
    ? reading
    : { patch: {}, source: "rules", intent: decision };
}

/**
 * "title it X and publish", "that's fine. publish": a decision ending a longer message. A change
 * before it is made, and publishing waits for a look at the new preview.
 */
function withoutTrailingDecision(message: string): [string, Intent | undefined] {
  if (readIntent(message)) return [message, undefined];
  const match = /^(.*\S)(?:[\s,;.!]+(?:and|then|&)\s+|\s*[,;.!]+\s*|\s+-\s+)([^,;.!]+[.!]*)$/s.exec(message);
  const decision = match?.[2] ? readIntent(match[2]) : undefined;
  if (!match?.[1] || (decision?.kind !== "publish" && decision?.kind !== "submit"))
    return [message, undefined];
  return [match[1], decision];
}

function readRest(plain: string, context: ExtractContext): Extraction {
  const intent = readIntent(plain);
  const message = withDigits(plain);
  if (intent && QUESTIONS.has(intent.kind)) {
    // "what would it cost? normal price is 189": the question is answered with the values beside it.
    const beside = valuesBeside(message, intent, context);
    return { ...beside, source: "rules", intent };
  }
  if (intent && WHOLE_MESSAGE_INTENTS.has(intent.kind)) return { patch: {}, source: "rules", intent };
  if (intent?.kind === "offers" && intent.verb !== "duplicate") return { patch: {}, source: "rules", intent };
  const field = context.expecting;
  const reading = readMessage(message, context);
  const merchantChange = readMerchantChange(reading.rest);
  if (merchantChange && !statesValues(reading.patch))
    return { patch: { merchantName: merchantChange }, source: "rules" };
  const whole = field ? readAnswer(field, message, context) : undefined;
  const clause = field && !whole ? readClauseAnswer(field, message, context) : undefined;
  const answer = whole ?? clause;
  // A bare answer ("3") is read by the answer reader, not the rules, so its number is not unread;
  // a message read as nothing at all is answered as not understood instead.
  const readSome = Object.keys(reading.patch).length > 0;
  const unread = answer || !readSome ? undefined : unreadNumbers(reading.rest);
  if (unread) reading.notes.push(unread);
  // "yes" to "Make it a lightning offer?" is an answer, not agreement with the preview.
  const said = answer && intent && SOFT_INTENTS.has(intent.kind) ? undefined : intent;
  const extraction = (patch: unknown, mentions: string[] = []): Extraction => ({
    patch: keepValid(patch).patch,
    source: "rules",
    ...(said && { intent: said }),
    ...(reading.notes.length > 0 && { notes: reading.notes }),
    ...(mentions.length > 0 && { mentions }),
  });
  if (answer && field === "merchantName" && statesValues(reading.patch)) {
    // "make it 25%" while the merchant is asked is a correction, not a merchant called "make it 25%".
    return extraction(reading.patch, readMerchantMentions(reading.rest));
  }
  // "50 total" while the budget is asked names another field: it is a usage limit, not a $50 budget.
  const namesAnother = statesValues(reading.patch) && field !== undefined && !(field in reading.patch);
  if (whole && field && (NUMERIC_ANSWERS.has(field) || ITEM_ANSWERS.has(field)) && namesAnother) {
    return extraction(reading.patch, readMerchantMentions(reading.rest));
  }
  // "2 per customer, 500 total" while the budget is asked: its "500 total" is the usage limit the
  // rest of the message read, not a $500 budget as well.
  const clauseValue = clause && field ? (clause as Record<string, unknown>)[field] : undefined;
  if (
    clauseValue !== undefined &&
    Object.entries(reading.patch).some(([other, value]) => other !== field && value === clauseValue)
  )
    return extraction(reading.patch, readMerchantMentions(reading.rest));
  // "drop the weekday thing" while the qualifying item is asked was read as a change, not an item.
  if (
    answer &&
    field &&
    ITEM_ANSWERS.has(field) &&
    !(field in reading.patch) &&
    tookWords(reading.rest, message)
  )
    return extraction(reading.patch);
  // "$50k budget, code JAN25PARTS": the answering clause, and what the rest of the message says.
  if (answer && field && !PROSE_FIELDS.has(field))
    return extraction(clause ? { ...reading.patch, ...clause } : answer);
  if (field === "locationIds" && !said) return { patch: {}, source: "rules", locations: message.trim() };
  if (answer && field === "businessObjective" && statesValues(reading.patch)) {
    // "drive sales: 20% off parts …" answers the goal with its first clause and the offer with the rest.
    const goal = goalClause(message, context);
    return extraction(
      { ...reading.patch, ...(goal && readAnswer(field, goal, context)) },
      readMerchantMentions(reading.rest),
    );
  }
  if (
    !answer &&
    said &&
    Object.keys(reading.patch).length === 0 &&
    said.kind !== "create" &&
    said.kind !== "offers"
  )
    return { patch: {}, source: "rules", intent: said };
  const typo = !field && !intent && Object.keys(reading.patch).length === 0 ? nearDecision(plain) : undefined;
  if (typo) return { patch: {}, source: "rules", intent: typo };
  const places = readPlaces(reading.rest);
  const patch = places
    ? { ...reading.patch, ...answer, locationScope: "selected" }
    : { ...reading.patch, ...answer };
  return { ...extraction(patch, readMerchantMentions(reading.rest)), ...(places && { locations: places }) };
}

/** Whether a rule took words of the message, not just punctuation or filler. */
const tookWords = (rest: string, message: string) =>
  rest.replace(/[^\p{L}\p{N}]+/gu, "") !== message.replace(/[^\p{L}\p{N}]+/gu, "");

/** A number standing alone, not part of a name such as "7-Eleven". */
const LONE_NUMBER = /(?<![\p{L}\p{N}_-])\$?\d[\d,.]*(?:\+|k\b)?(?![\p{L}\p{N}_-])/u;

/**
 * A number no rule read is a value the marketer meant and the offer would lack ("10+ gallons",
 * "12 month min"): said back, so nothing is dropped silently. The parts between what the rules
 * took (runs of spaces in `rest`) are quoted as the marketer wrote them.
 */
function unreadNumbers(rest: string): string | undefined {
  const parts = rest
    .split(/[,;:\n]|\.(?!\d)|\s{2,}/)
    .map((part) => part.trim())
    // "not 15" takes back an old value rather than stating a new one.
    .filter((part) => LONE_NUMBER.test(part) && !/^(?:not|instead\s+of|rather\s+than|was)\s/i.test(part));
  if (parts.length === 0) return undefined;
  return `I didn't understand ${parts.map((part) => `"${part}"`).join(" or ")}, so the offer doesn't include it. Say it another way, or "add to terms: …" for a condition the merchant applies.`;
}

/** The message's first clause, when it states no offer values of its own: the goal in "goal: offer". */
function goalClause(message: string, context: ExtractContext): string | undefined {
  const [first = ""] = message.split(/[:;,.\n]|\s+-\s+/);
  const clause = first.trim();
  // "no code needed, …", "no budget really, …": a reply about something else, not a goal.
  if (/^(?:no|not|none|n\/a|idk|nothing|just)\b/i.test(clause)) return undefined;
  // "bring people in after the holidays": when the goal is, is still part of the goal.
  const { startDate: _start, endDate: _end, ...values } = readMessage(clause, context).patch;
  return clause && !statesValues(values) ? clause : undefined;
}

/** Fields whose bare answer is a number, which the words around it may assign elsewhere. */
const NUMERIC_ANSWERS: ReadonlySet<string> = new Set([
  "totalBudget",
  "minimumSpend",
  "usageLimitPerCustomer",
  "totalUsageLimit",
  "uniqueCodeCount",
  "offerValue",
  "maxDiscount",
]);

/** "they show the app to the server" while the qualifying item is asked tells the redemption, not an item. */
const ITEM_ANSWERS: ReadonlySet<string> = new Set(["itemName", "qualifyingItem"]);

/** Small talk that a pending question's answer takes precedence over. */
const SOFT_INTENTS: ReadonlySet<Intent["kind"]> = new Set(["agree", "thanks", "greeting"]);

/** Context words ("dealers", "closed loop") can be part of a name; values cannot. */
const CONTEXT_FIELDS = new Set(["programType", "targetAudience", "locationScope", "channels", "timeZone"]);
const statesValues = (patch: DraftPatch) => Object.keys(patch).some((field) => !CONTEXT_FIELDS.has(field));

/** The fields a message states, deterministically; a field it does not state is absent. */
export function extractWithRules(message: string, context: ExtractContext): DraftPatch {
  return readWithRules(message, context).patch;
}

export class RuleExtractor implements Extractor {
  async extract(message: string, context: ExtractContext): Promise<Extraction> {
    return readWithRules(message, context);
  }
}
