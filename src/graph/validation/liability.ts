import { formatCount, formatMoney } from "../describe.js";
import type { OfferDraft, OfferType } from "../draft.js";
import { type BenchmarkTable, benchmarkFor } from "../recommend/benchmarks.js";
import type { Rule } from "./context.js";
import { offerValueOf } from "./draft-facts.js";
import { formatOfferValue, formatRate, OFFER_TYPE_LABEL, orList } from "./format.js";
import { isValidOfferValue } from "./offer-value.js";
import type { ValidationIssue } from "./types.js";

export interface LiabilityEstimate {
  /** Dollars the offer may cost in total. */
  amount: number;
  redemptions: number;
  valuePerRedemption: number;
  /** How the two factors were obtained, in words, for the preview and messages. */
  assumption: string;
}

interface Factor {
  value: number;
  explanation: string;
}

const cents = (amount: number) => Math.round(amount * 100) / 100;

/**
 * Dollars one redemption costs. Percentage and BOGO offers are priced on the program's average
 * order value (BOGO: the discounted second item is assumed to cost one average order, the
 * conservative reading); points at the table's dollar value per point.
 */
function costPerRedemption(
  draft: OfferDraft,
  type: OfferType,
  value: number,
  table: BenchmarkTable,
): Factor | undefined {
  if (type === "loyalty_points") {
    const cost = cents(value * table.pointValue);
    return {
      value: cost,
      explanation: `${formatMoney(cost)} per redemption (${formatCount(value)} points at ${formatMoney(table.pointValue)} a point)`,
    };
  }
  if (type !== "percentage_discount" && type !== "bogo") {
    return { value, explanation: `${formatMoney(value)} per redemption` };
  }
  if (draft.programType === undefined) return undefined;
  const profile = table.programs[draft.programType];
  const order = `the ${formatMoney(profile.averageOrderValue)} average ${profile.label} order`;
  const cost = cents((value * profile.averageOrderValue) / 100);
  const basis = type === "bogo" ? `${value}% off a second item priced at ${order}` : `${value}% of ${order}`;
  return { value: cost, explanation: `${formatMoney(cost)} per redemption (${basis})` };
}

/**
 * The total usage limit when set: the offer cannot be redeemed more often. Otherwise the
 * benchmark redemption rate for the objective × program × offer type, applied once per customer
 * to the uploaded customer list or else the program's assumed audience size.
 */
function expectedRedemptions(draft: OfferDraft, type: OfferType, table: BenchmarkTable): Factor | undefined {
  if (draft.totalUsageLimit !== undefined) {
    return {
      value: draft.totalUsageLimit,
      explanation: `${formatCount(draft.totalUsageLimit)} redemptions (the total usage limit)`,
    };
  }
  const match = benchmarkFor(draft, table);
  if (!match) return undefined;
  const rate = match.segment.offers[type].redemptionRate;
  const listSize = draft.customerList?.customers.length;
  const audience = listSize ?? match.profile.audienceSize;
  const reached =
    listSize === undefined
      ? `an assumed audience of ${formatCount(audience)}`
      : `${formatCount(audience)} customers on the uploaded list`;
  const redemptions = Math.round(rate * audience);
  return {
    value: redemptions,
    explanation: `${formatCount(redemptions)} redemptions (${formatRate(rate)} expected for ${match.label} ${OFFER_TYPE_LABEL[type]} offers × ${reached})`,
  };
}

/** The offer's total discount liability; undefined when there is no basis to estimate it. */
export function estimateLiability(
  draft: OfferDraft,
  benchmarks: BenchmarkTable,
): LiabilityEstimate | undefined {
  const type = draft.offerType;
  const value = offerValueOf(draft);
  if (type === undefined || value === undefined) return undefined;
  const cost = costPerRedemption(draft, type, value, benchmarks);
  const redemptions = expectedRedemptions(draft, type, benchmarks);
  if (!cost || !redemptions) return undefined;
  return {
    amount: cents(cost.value * redemptions.value),
    redemptions: redemptions.value,
    valuePerRedemption: cost.value,
    assumption: `${redemptions.explanation} × ${cost.explanation}`,
  };
}

/** Fixes aim below the budget, so following one does not land in the warning band. */
const HEADROOM = 0.9;

function roundUpNicely(amount: number): number {
  const step = amount >= 10_000 ? 1000 : amount >= 1000 ? 100 : 1;
  return Math.ceil(amount / step) * step;
}

interface Subject {
  draft: OfferDraft;
  type: OfferType;
  value: number;
  estimate: LiabilityEstimate;
  budget: number;
}

function budgetFixes({ draft, type, value, estimate, budget }: Subject): string {
  const target = budget * HEADROOM;
  const options: string[] = [];
  const limit = Math.floor(target / estimate.valuePerRedemption);
  if (limit >= 1) {
    options.push(
      draft.totalUsageLimit === undefined
        ? `set a total usage limit of ${formatCount(limit)}`
        : `lower the total usage limit to ${formatCount(limit)}`,
    );
  }
  // Cost per redemption is proportional to the offer value for every offer type.
  const exact = (target / (estimate.redemptions * estimate.valuePerRedemption)) * value;
  const lower = type === "loyalty_points" || exact >= 10 ? Math.floor(exact) : Math.floor(exact * 10) / 10;
  if (isValidOfferValue(type, lower)) options.push(`lower the offer to ${formatOfferValue(type, lower)}`);
  options.push(`raise the budget to ${formatMoney(roundUpNicely(estimate.amount / HEADROOM))}`);
  return `To stay within budget with 10% to spare, ${orList(options)}.`;
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
  const { totalBudget: budget, offerType: type } = draft;
  const value = offerValueOf(draft);
  // Without a budget there is nothing to compare; a missing type or value is the required rule's.
  if (budget === undefined || type === undefined || value === undefined) return [];
  const estimate = estimateLiability(draft, context.benchmarks);
  // Without a program the required rule already asks for it, and the estimate may follow.
  if (!estimate) return draft.programType === undefined ? [] : [noBasisIssue(budget)];
  if (estimate.amount === 0 || estimate.amount < budget * HEADROOM) return [];
  const over = estimate.amount > budget;
  const figures = `${formatMoney(estimate.amount)} = ${estimate.assumption}`;
  return [
    {
      field: "totalBudget",
      severity: over ? "error" : "warning",
      rule: "budget_liability",
      message: over
        ? `The estimated liability is over the ${formatMoney(budget)} budget: ${figures}.`
        : `The estimated liability uses ${formatRate(Math.round((estimate.amount / budget) * 100) / 100)} of the ${formatMoney(budget)} budget: ${figures}.`,
      fix: budgetFixes({ draft, type, value, estimate, budget }),
    },
  ];
};
