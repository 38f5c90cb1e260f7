import { askFirstMissing, isMissing, type Need, question, suggestion } from "../ask.js";
import { CHANNEL_LABELS, formatCount, formatMoney, REDEMPTION_LABELS } from "../describe.js";
import type { Channel, OfferDraft, ProgramType } from "../draft.js";
import type { BenchmarkTable } from "../recommend/benchmarks.js";
import type { OfferStateUpdate, OfferStateValue } from "../state.js";
import { redemptionsBudgetCovers } from "../validation/liability.js";

/** Where each program distributes by default (DESIGN §2: closed loop never reaches the Marketplace). */
const DEFAULT_CHANNELS: Record<ProgramType, Channel[]> = {
  closed_loop: ["hub_airdrop", "activation_link"],
  open_loop: ["hub_airdrop", "marketplace_organic"],
  hybrid: ["hub_airdrop", "activation_link"],
};

/** How the offer is redeemed and limited, and where it is distributed. */
export function redemptionNode(benchmarks: BenchmarkTable) {
  return async (state: OfferStateValue): Promise<OfferStateUpdate> => {
    const notes = [...state.notes];
    const draft = withRedemptionDefaults(state.draft, notes);
    const asked = await askFirstMissing({ ...state, draft, notes }, redemptionNeeds(benchmarks));
    return { draft, notes, ...asked };
  };
}

function withRedemptionDefaults(draft: OfferDraft, notes: string[]): OfferDraft {
  const next = { ...draft };
  if (next.redemptionMethod === "promo_code" && next.codeMode === undefined) {
    next.codeMode =
      next.uniqueCodeCount !== undefined || next.codePattern !== undefined ? "unique" : "universal";
  }
  if (next.channels === undefined && next.programType) {
    next.channels = DEFAULT_CHANNELS[next.programType];
    // The example names a channel the offer is not in yet.
    const example = next.channels.some((channel) => channel.startsWith("marketplace"))
      ? '"add activation link"'
      : '"add marketplace"';
    notes.push(
      `Channels: ${next.channels.map((channel) => CHANNEL_LABELS[channel]).join(" and ")} (say ${example} or edit to change).`,
    );
  }
  return next;
}

const usesCodes = (draft: OfferDraft) => draft.redemptionMethod === "promo_code";

function redemptionNeeds(benchmarks: BenchmarkTable): Need[] {
  return [
    {
      field: "redemptionMethod",
      missing: isMissing("redemptionMethod"),
      ask: () =>
        question(
          "redemptionMethod",
          "How will customers redeem it?",
          (["promo_code", "show_save", "barcode", "online_link"] as const).map((method) =>
            suggestion(REDEMPTION_LABELS[method], { redemptionMethod: method }),
          ),
        ),
    },
    {
      field: "promoCode",
      missing: (state) =>
        usesCodes(state.draft) && state.draft.codeMode === "universal" && !state.draft.promoCode,
      ask: (state) =>
        question(
          "promoCode",
          "What promo code should customers enter? (4–20 letters and digits)",
          codeIdeas(state.draft).map((code) => suggestion(code, { promoCode: code })),
          'For many single-use codes instead, say e.g. "500 unique codes".',
        ),
    },
    {
      field: "uniqueCodeCount",
      missing: (state) =>
        usesCodes(state.draft) && state.draft.codeMode === "unique" && !state.draft.uniqueCodeCount,
      ask: () =>
        question(
          "uniqueCodeCount",
          "How many unique codes should I generate?",
          [100, 500, 1000].map((count) => suggestion(formatCount(count), { uniqueCodeCount: count })),
        ),
    },
    {
      field: "codePattern",
      missing: (state) =>
        usesCodes(state.draft) && state.draft.codeMode === "unique" && !state.draft.codePattern,
      ask: (state) => {
        const prefix = codePrefix(state.draft);
        return question(
          "codePattern",
          "What should the codes look like? Use # for a random digit, ? for a letter, * for either.",
          [`${prefix}######`, `${prefix}****`].map((pattern) =>
            suggestion(pattern, { codePattern: pattern }),
          ),
        );
      },
    },
    {
      field: "clickthruUrl",
      missing: (state) => state.draft.redemptionMethod === "online_link" && !state.draft.clickthruUrl,
      ask: () => question("clickthruUrl", "Which https link should the offer open?"),
    },
    {
      field: "usageLimitPerCustomer",
      missing: (state) =>
        state.draft.usageLimitPerCustomer === undefined && state.draft.unlimitedPerCustomer === undefined,
      ask: () =>
        question("usageLimitPerCustomer", "How many times can one customer use it?", [
          ...[1, 3, 5].map((count) => suggestion(String(count), { usageLimitPerCustomer: count })),
          suggestion("Unlimited", { unlimitedPerCustomer: true }),
        ]),
    },
    {
      field: "totalUsageLimit",
      missing: (state) =>
        state.draft.totalUsageLimit === undefined && state.draft.unlimitedTotal === undefined,
      ask: (state) => totalQuestion(state.draft, benchmarks),
    },
  ];
}

const TOTALS = [500, 1000, 5000];

/**
 * The total, first suggesting what the budget pays for: with a $10k budget at $500 a lease, "500"
 * or "5,000" would be offers the budget check then refuses.
 */
function totalQuestion(draft: OfferDraft, benchmarks: BenchmarkTable) {
  const covered = redemptionsBudgetCovers(draft, benchmarks);
  const fits = covered && covered.count >= 1 ? covered : undefined;
  const totals = fits ? [fits.count, ...TOTALS.filter((count) => count < fits.count)].slice(0, 3) : TOTALS;
  return question(
    "totalUsageLimit",
    "How many redemptions in total, at most?",
    [
      ...totals.map((count) => suggestion(formatCount(count), { totalUsageLimit: count })),
      suggestion("No cap", { unlimitedTotal: true }),
    ],
    fits
      ? `The ${formatMoney(fits.budget)} budget covers ${formatCount(fits.count)} at ${fits.cost.explanation}, with 10% to spare.`
      : "The total limit caps what the offer can cost against the budget.",
  );
}

function codePrefix(draft: OfferDraft): string {
  const words = (draft.merchantName ?? draft.offerTitle ?? "KIGO").toUpperCase().match(/[A-Z0-9]+/g) ?? [
    "KIGO",
  ];
  return words.length > 1
    ? words
        .map((word) => word[0])
        .join("")
        .slice(0, 4)
    : (words[0] ?? "KIGO").slice(0, 4);
}

function codeIdeas(draft: OfferDraft): string[] {
  const value = draft.offerValue !== undefined ? String(Math.round(draft.offerValue)) : "";
  const month = draft.startDate
    ? new Date(`${draft.startDate}T00:00:00Z`)
        .toLocaleString("en-US", { month: "short", timeZone: "UTC" })
        .toUpperCase()
    : "";
  return [...new Set([`SAVE${value}`, `${codePrefix(draft)}${value}`, `${month}${value}`])].filter((code) =>
    /^[A-Z0-9]{4,20}$/.test(code),
  );
}
