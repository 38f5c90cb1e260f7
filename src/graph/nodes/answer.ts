import { describeOfferValue, formatCount, formatMoney, PROGRAM_LABELS } from "../describe.js";
import type { OfferDraft, ProgramType } from "../draft.js";
import type { Intent } from "../extractor/intent.js";
import { draftName, isInProgress } from "../lifecycle.js";
import { type LocationDirectory, locationLabel } from "../locations.js";
import type { MerchantDirectory } from "../merchants.js";
import { offerValueOf, valueKindOf } from "../offer-kinds.js";
import type { BenchmarkTable } from "../recommend/benchmarks.js";
import { recommendOffer } from "../recommend/index.js";
import type { OfferStateUpdate, OfferStateValue } from "../state.js";
import { estimateLiability, perRedemption, redemptionsBudgetCovers } from "../validation/liability.js";
import { costPerRedemption } from "../validation/redemption-cost.js";

export const HELP_TEXT = [
  "I create and manage Kigo offers. Describe one in plain words, all at once or bit by bit, e.g.",
  '  "20% off lattes at Sunrise Coffee in December, code LATTE20, 1 per customer, 500 total, budget $5k"',
  'I ask only for what is missing, show a preview, and publish when you say "publish" (or "submit for approval").',
  "Offers: percent or dollars off (with a minimum spend), BOGO, spend & get, cash back (% or $), points (bonus or 2x/3x), a free item with purchase, an item at a price, or a click-through link.",
  'Change anything by typing it: "make it 25%", "end Jan 15", "code FALL25 instead". "cancel" drops the draft.',
  'Also: "show my offers", "my drafts", "pause #7", "how is #7 doing?", "which merchants?", "what do you recommend?".',
].join("\n");

const EXPLANATIONS = {
  reward_delivery:
    'Kigo records each redemption; the saving itself is given by the merchant: off the bill at checkout, or as a credit or gift card afterwards. Say how in the terms, e.g. "add to terms: The $50 is credited to the customer\'s account within 7 days."',
  publish_or_submit:
    '"Publish" makes the offer live in Kigo now (you need the publisher role). "Submit for approval" sends it to an approver, who publishes or rejects it; any change after submitting needs a new submission.',
  redemption_methods:
    "Promo code: customers type a code (one for everyone, or many unique codes). Show & save: they show the offer in the app at the counter. Barcode scan: the store scans a barcode. Online link: a link to the merchant's site.",
  programs:
    "Closed loop offers stay inside a partner's own network (e.g. John Deere dealers and their customers). Open loop offers can also appear in the Kigo Marketplace for everyone. Hybrid does both.",
  offer_types:
    'Kigo offers can be: percent off ("20% off parts"), dollars off ("$10 off orders over $50"), buy one get one ("BOGO lattes", "BOGO 50% off"), spend and get ("spend $100, get $20"), cash back ("$5 cash back", "5% cash back"), loyalty points ("500 bonus points", "double points"), a free item with a purchase ("free coffee with any pastry"), a price point ("$9.99 oil change"), or a click-through to the merchant\'s site.',
} as const;

export const EDIT_TEXT =
  'Type any change in plain words, e.g. "make it 25%", "move the end date to Jan 15", "code FALL25 instead", "2 per customer" or "title Holiday Savings".';

const EXAMPLE = '"20% off lattes at Sunrise Coffee in December"';

/**
 * Answers what the message asked instead of (or besides) changing the draft: help, a
 * recommendation with its reason, the merchants the user may use, what the offer may cost, small
 * talk. A draft starts only when a message carries an offer or asks for one, so a thread where
 * nothing is in progress gets an answer and nothing else.
 */
export function answerNode(
  merchants: MerchantDirectory,
  locations: LocationDirectory,
  benchmarks: BenchmarkTable,
) {
  return async (state: OfferStateValue): Promise<OfferStateUpdate> => {
    const intent = state.intent;
    if (!intent) {
      // Nothing understood and nothing in progress: say what the bot is for rather than nothing.
      return state.answerOnly && state.notes.length === 0 && !isInProgress(state)
        ? { notes: [`I help create and manage Kigo offers. Describe one, e.g. ${EXAMPLE}, or say "help".`] }
        : {};
    }
    const inProgress = isInProgress(state);
    const text =
      (await answerFor(intent, state, inProgress, { merchants, locations }, benchmarks)) ??
      (inProgress || state.notes.length > 0
        ? undefined
        : `Tell me about the offer you want to create, e.g. ${EXAMPLE}.`);
    const notes = text ? [...state.notes, text] : state.notes;
    // Commands about other offers stand alone: the draft's question is not repeated after them.
    const answerOnly =
      state.answerOnly || intent.kind === "offers" || (!inProgress && intent.kind !== "create");
    return { notes, answerOnly };
  };
}

async function answerFor(
  intent: Intent,
  state: OfferStateValue,
  inProgress: boolean,
  directories: { merchants: MerchantDirectory; locations: LocationDirectory },
  benchmarks: BenchmarkTable,
): Promise<string | undefined> {
  const { draft } = state;
  switch (intent.kind) {
    case "help":
      return HELP_TEXT;
    case "edit":
      return inProgress ? EDIT_TEXT : undefined;
    case "explain":
      return EXPLANATIONS[intent.topic];
    case "greeting":
      return inProgress
        ? `Hi! We're working on ${draftName(draft)}.`
        : `Hi! Tell me about the offer you want to create, e.g. ${EXAMPLE}. Say "help" for more.`;
    case "thanks":
      return inProgress ? undefined : "You're welcome.";
    case "off_topic":
      return `I can only help with Kigo offers: describe one (e.g. ${EXAMPLE}), or say "show my offers" or "help".`;
    case "agree":
      return state.status === "review"
        ? 'Say "publish" to make it live, or "submit for approval".'
        : inProgress
          ? "OK. I still need an answer to this:"
          : `Tell me about the offer you want to create, e.g. ${EXAMPLE}.`;
    case "create":
      return undefined;
    case "publish":
    case "submit":
      if (state.published) return `This offer is already published as offer #${state.published.offerId}.`;
      if (!inProgress)
        return `There's no draft to ${intent.kind} yet. Tell me about the offer first, e.g. ${EXAMPLE}.`;
      return state.status === "collecting"
        ? "Not yet: I need this (and anything else still missing) before I can show you the preview to publish from."
        : undefined;
    case "cancel":
      return inProgress ? undefined : "There's no draft in progress, so there is nothing to cancel.";
    case "recommend":
      // Asked while the total is the question: the number the budget allows is the recommendation.
      if (state.asked === "totalUsageLimit" && draft.totalBudget !== undefined)
        return budgetFit(draft, benchmarks);
      return recommendation(draft, intent.objective, state.context.programType, benchmarks);
    case "list_merchants":
      return merchantList(directories.merchants, state.context.merchantIds);
    case "list_locations":
      return draft.merchantId === undefined
        ? merchantList(directories.merchants, state.context.merchantIds)
        : locationList(directories.locations, draft);
    case "cost":
      return costAnswer(draft, benchmarks);
    case "fit_budget":
      return budgetFit(draft, benchmarks);
    case "offers":
      return undefined;
    case "did_you_mean":
      if (!inProgress) return undefined;
      return `Did you mean "${intent.word}"? Type it again to ${intent.word === "submit" ? "submit it for approval" : intent.word === "publish" ? "publish the offer" : "drop the draft"}.`;
  }
}

function recommendation(
  draft: OfferDraft,
  objective: string | undefined,
  contextProgram: ProgramType | undefined,
  benchmarks: BenchmarkTable,
): string {
  // Without a stated goal, suggest for sales and say how to get a closer fit.
  const goal = objective ?? draft.businessObjective ?? "drive sales";
  const unstated = objective === undefined && draft.businessObjective === undefined;
  const program = draft.programType ?? contextProgram;
  const programs: ProgramType[] = program ? [program] : ["closed_loop", "open_loop"];
  const lines = programs.flatMap((programType) => {
    const found = recommendOffer({ ...draft, businessObjective: goal, programType }, benchmarks);
    if (!found) return [];
    const value = describeOfferValue({ offerType: found.offerType, offerValue: found.offerValue });
    const where = program ? "" : ` (${PROGRAM_LABELS[programType].toLowerCase()} programs)`;
    return [`• ${value ?? found.offerType}${where}: ${found.rationale}`];
  });
  if (lines.length === 0) {
    return `I have no benchmarks for "${goal}". Try a goal like sales lift, new customers, win-back, clearance or loyalty.`;
  }
  return [
    `For "${goal}" I'd suggest:`,
    ...lines,
    `Type the one you want, with the merchant and dates, to start it.${unstated ? ' Tell me the goal (e.g. "win back lapsed customers") for a closer fit.' : ""}`,
  ].join("\n");
}

async function merchantList(merchants: MerchantDirectory, scope: number[]): Promise<string> {
  const { merchants: shown, total } = await merchants.list(scope);
  if (shown.length === 0)
    return "You don't have any merchants to create offers for. Ask an admin to add you.";
  const more =
    total > shown.length ? `\n…and ${total - shown.length} more: type part of a name to search.` : "";
  const lines = shown.map(
    (merchant) =>
      `  • ${merchant.merchant_name}${merchant.merchant_type ? ` (${merchant.merchant_type})` : ""}`,
  );
  return `${[`Merchants you can use:`, ...lines].join("\n") + more}\nSay the merchant's name to use it.`;
}

async function locationList(locations: LocationDirectory, draft: OfferDraft): Promise<string> {
  const found = draft.merchantId === undefined ? undefined : await locations.list(draft.merchantId);
  if (!found)
    return "I can't list locations here: the Kigo API does not offer them. Type location ids instead.";
  if (found.length === 0) return `${draft.merchantName ?? "This merchant"} has no locations on file.`;
  return [
    `${draft.merchantName ?? "The merchant"}'s locations:`,
    ...found.map((location) => `  • ${locationLabel(location)}`),
    'Say e.g. "only at Ames" to limit the offer to some of them.',
  ].join("\n");
}

/** What one redemption costs, from the offer itself; undefined without a value or a price to go on. */
function budgetFit(draft: OfferDraft, benchmarks: BenchmarkTable): string {
  if (draft.totalBudget === undefined)
    return 'What is the budget? Say e.g. "budget 10k", and I\'ll work out how many redemptions it covers.';
  const covered = redemptionsBudgetCovers(draft, benchmarks);
  if (!covered) return "I can work that out once I know the offer's value (and, for a free item, its price).";
  const { count, cost } = covered;
  if (count < 1)
    return `One redemption (${cost.explanation}) already costs more than 90% of the ${formatMoney(draft.totalBudget)} budget: raise the budget or lower the offer.`;
  return `To stay within the ${formatMoney(draft.totalBudget)} budget with 10% to spare: at most ${formatCount(count)} redemptions, at ${cost.explanation}. Say "${count} total" to use it.`;
}

function costAnswer(draft: OfferDraft, benchmarks: BenchmarkTable): string {
  const estimate = estimateLiability(draft, benchmarks);
  if (!estimate) {
    const cost = perRedemption(draft, benchmarks);
    if (!cost)
      return "I can estimate the cost once I know the offer's value (and, for a free item, its price).";
    const covers =
      draft.totalBudget === undefined
        ? ""
        : ` Your ${formatMoney(draft.totalBudget)} budget covers about ${formatCount(Math.floor(draft.totalBudget / cost.value))} redemptions.`;
    return `It costs ${cost.explanation}. Nothing caps how many there are yet: say a total (e.g. "cap 500") and I'll total it.${covers}`;
  }
  const budget =
    draft.totalBudget === undefined ? "" : ` against your ${formatMoney(draft.totalBudget)} budget`;
  return `At most about ${formatMoney(estimate.amount)}${budget}: ${estimate.assumption}.`;
}
