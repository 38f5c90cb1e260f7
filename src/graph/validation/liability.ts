import { formatCount, formatMoney } from "../describe.js";
import type { OfferDraft } from "../draft.js";
import type { ValueKind } from "../offer-kinds.js";
import { type BenchmarkTable, benchmarkFor } from "../recommend/benchmarks.js";
import type { Rule } from "./context.js";
import { offerValueOf, valueKindOf } from "./draft-facts.js";
import { formatOfferValue, formatRate, orList, VALUE_KIND_LABEL } from "./format.js";
import { isValidOfferValue } from "./offer-value.js";
import { cents, costPerRedemption, type Factor, itemPriceOf } from "./redemption-cost.js";
import type { ValidationIssue } from "./types.js";

export interface LiabilityEstimate {
  /** Dollars the offer may cost in total. */
  amount: number;
  redemptions: number;
  valuePerRedemption: number;
  /** How the two factors were obtained, in words, for the preview and messages. */
  assumption: string;
}

/**
 * The total usage limit when set: the offer cannot be redeemed more often. Otherwise the
 * benchmark redemption rate for the objective × program × kind of offer, applied once per
 * customer to the uploaded customer list or else the program's assumed audience size.
 */
function expectedRedemptions(draft: OfferDraft, kind: ValueKind, table: BenchmarkTable): Factor | undefined {
  if (draft.totalUsageLimit !== undefined) {
    return {
      value: draft.totalUsageLimit,
      explanation: `${formatCount(draft.totalUsageLimit)} redemptions (the total usage limit)`,
    };
  }
  const reach = expectedReach(draft, kind, table);
  if (!reach) return undefined;
  const { match, rate, audience } = reach;
  const reached =
    draft.customerList === undefined
      ? `an assumed audience of ${formatCount(audience)}`
      : `${formatCount(audience)} customers on the uploaded list`;
  const redemptions = Math.round(rate * audience);
  return {
    value: redemptions,
    explanation: `${formatCount(redemptions)} redemptions (${formatRate(rate)} expected for ${match.label} ${VALUE_KIND_LABEL[kind]} offers × ${reached})`,
  };
}

/**
 * Who the offer reaches (the uploaded list, else the program's assumed audience) and the share the
 * benchmark expects to redeem: what the liability estimate and the under-performance alert use.
 */
export function expectedReach(draft: OfferDraft, kind: ValueKind, table: BenchmarkTable) {
  const match = benchmarkFor(draft, table);
  if (!match) return undefined;
  return {
    match,
    rate: match.segment.offers[kind].redemptionRate,
    audience: draft.customerList?.customers.length ?? match.profile.audienceSize,
  };
}

/** The offer's total discount liability; undefined when there is no basis to estimate it. */
export function estimateLiability(
  draft: OfferDraft,
  benchmarks: BenchmarkTable,
): LiabilityEstimate | undefined {
  const kind = valueKindOf(draft);
  if (kind === undefined) return undefined;
  const cost = costPerRedemption(draft, kind, offerValueOf(draft), benchmarks);
  const redemptions = expectedRedemptions(draft, kind, benchmarks);
  if (!cost || !redemptions) return undefined;
  return {
    amount: cents(cost.value * redemptions.value),
    redemptions: redemptions.value,
    valuePerRedemption: cost.value,
    assumption: `${redemptions.explanation} × ${cost.explanation}`,
  };
}

/** Fixes aim below the budget, so following one does not land in the warning band. */
export const HEADROOM = 0.9;

/** What one redemption of the draft costs, if its value is known. */
export function perRedemption(draft: OfferDraft, benchmarks: BenchmarkTable) {
  const kind = valueKindOf(draft);
  return kind && costPerRedemption(draft, kind, offerValueOf(draft), benchmarks);
}

/** The most redemptions the draft's budget pays for with 10% to spare, and what each costs. */
export function redemptionsBudgetCovers(draft: OfferDraft, benchmarks: BenchmarkTable) {
  const cost = perRedemption(draft, benchmarks);
  const budget = draft.totalBudget;
  if (budget === undefined || !cost || cost.value <= 0) return undefined;
  return { count: Math.floor((budget * HEADROOM) / cost.value), cost, budget };
}

function roundUpNicely(amount: number): number {
  const step = amount >= 10_000 ? 1000 : amount >= 1000 ? 100 : 1;
  return Math.ceil(amount / step) * step;
}

const floorTo = (value: number, step: number) => Math.floor(value / step + 1e-9) * step;

interface Subject {
  draft: OfferDraft;
  kind: ValueKind;
  value: number | undefined;
  estimate: LiabilityEstimate;
  budget: number;
  benchmarks: BenchmarkTable;
}

/**
 * The largest value whose cost per redemption fits `perRedemption`, in words the rules read back
 * ("lower the offer to 8%", "make it 1.5x points", "raise the price to $24.99"); undefined when no
 * valid value fits or the fitting value is not a change.
 */
function valueFix({ draft, kind, value, estimate, benchmarks }: Subject, perRedemption: number) {
  if (value === undefined || estimate.valuePerRedemption === 0) return undefined;
  const share = perRedemption / estimate.valuePerRedemption;
  if (kind === "points_multiplier") {
    const multiplier = floorTo(1 + (value - 1) * share, 0.5);
    return multiplier < value && isValidOfferValue(kind, multiplier)
      ? `make it ${formatCount(multiplier)}x points`
      : undefined;
  }
  if (kind === "price_point") {
    const regular = itemPriceOf(draft, benchmarks)?.price;
    if (regular === undefined) return undefined;
    const price = Math.ceil((regular - perRedemption) * 100) / 100;
    return price > value && price < regular ? `raise the price to ${formatMoney(price)}` : undefined;
  }
  if (kind === "free_with_purchase" || kind === "clickthrough") return undefined;
  const exact = value * share;
  const step = kind === "loyalty_points" || exact >= 10 ? 1 : 0.1;
  const lower = Math.round(floorTo(exact, step) * 100) / 100;
  return lower < value && isValidOfferValue(kind, lower)
    ? `lower the offer to ${formatOfferValue(kind, lower)}`
    : undefined;
}

/**
 * What would bring the estimate within the budget with 10% to spare, each in words the bot
 * understands when typed back. A fix that would not change anything, or that the offer could not
 * take, is left out.
 */
export function budgetFixOptions(subject: Subject): string[] {
  const { draft, estimate, budget } = subject;
  const target = budget * HEADROOM;
  const options: string[] = [];
  const limit = estimate.valuePerRedemption > 0 ? Math.floor(target / estimate.valuePerRedemption) : 0;
  if (limit >= 1 && limit < estimate.redemptions) {
    options.push(
      draft.totalUsageLimit === undefined
        ? `set a total usage limit of ${formatCount(limit)}`
        : `lower the total usage limit to ${formatCount(limit)}`,
    );
  }
  const value = valueFix(subject, target / estimate.redemptions);
  if (value) options.push(value);
  const raised = roundUpNicely(estimate.amount / HEADROOM);
  if (raised > budget) options.push(`raise the budget to ${formatMoney(raised)}`);
  return options;
}

/** "$299 oil change special" above the typical price for its category: only its usual price tells the saving. */
function regularPriceUnknown(draft: OfferDraft, budget: number): ValidationIssue {
  const item = draft.itemName ?? "the item";
  return {
    field: "itemPrice",
    severity: "warning",
    rule: "budget_liability",
    message: `I can't check the offer against the ${formatMoney(budget)} budget: I don't know what ${item} usually costs, so I can't tell what ${formatMoney(draft.offerValue ?? 0)} saves.`,
    fix: `Tell me its usual price, e.g. "${item} is ${formatMoney(Math.round((draft.offerValue ?? 0) * 1.25))}".`,
  };
}

function noBasisIssue(budget: number): ValidationIssue {
  return {
    field: "totalBudget",
    severity: "warning",
    rule: "budget_liability",
    message: `The offer can't be checked against the ${formatMoney(budget)} budget: there is no total usage limit, and no benchmark for this business objective and program to estimate redemptions from.`,
    fix: "Set a total usage limit (the most redemptions you will pay for), or describe the business objective, e.g. sales lift, acquisition, retention, clearance or loyalty.",
  };
}

export const budgetRule: Rule = (draft, context) => {
  const budget = draft.totalBudget;
  const kind = valueKindOf(draft);
  // Without a budget there is nothing to compare; a missing type or value is the required rule's;
  // a click-through link costs nothing per redemption.
  if (budget === undefined || kind === undefined || kind === "clickthrough") return [];
  const estimate = estimateLiability(draft, context.benchmarks);
  // Without a program the required rule already asks for it, and the estimate may follow.
  if (!estimate) {
    if (kind === "price_point" && draft.itemPrice === undefined && draft.offerValue !== undefined) {
      return [regularPriceUnknown(draft, budget)];
    }
    const redemptions = draft.totalUsageLimit !== undefined || benchmarkFor(draft, context.benchmarks);
    return draft.programType === undefined || redemptions ? [] : [noBasisIssue(budget)];
  }
  // At exactly 90% the offer already leaves the 10% the fixes aim for: nothing to warn about.
  if (estimate.amount === 0 || estimate.amount <= budget * HEADROOM) return [];
  const over = estimate.amount > budget;
  const figures = `${formatMoney(estimate.amount)} = ${estimate.assumption}`;
  const options = budgetFixOptions({
    draft,
    kind,
    value: offerValueOf(draft),
    estimate,
    budget,
    benchmarks: context.benchmarks,
  });
  return [
    {
      field: "totalBudget",
      severity: over ? "error" : "warning",
      rule: "budget_liability",
      message: over
        ? `The estimated liability is over the ${formatMoney(budget)} budget: ${figures}.`
        : `The estimated liability uses ${formatRate(Math.round((estimate.amount / budget) * 100) / 100)} of the ${formatMoney(budget)} budget: ${figures}.`,
      fix:
        options.length > 0
          ? `To stay within budget with 10% to spare, ${orList(options)}.`
          : "Lower the total usage limit or the offer's value, or raise the budget.",
    },
  ];
};
