import { askFirstMissing, isMissing, type Need, question, suggestion } from "../ask.js";
import { addDays, monthRange, todayIn } from "../dates.js";
import { formatDate, PROGRAM_LABELS } from "../describe.js";
import type { OfferDraft } from "../draft.js";
import type { MerchantDirectory } from "../merchants.js";
import type { OfferStateUpdate, OfferStateValue } from "../state.js";

/**
 * Objective and program context: why the offer exists, which program and merchant it belongs to,
 * when it runs and what it may cost. Context the bot already has (program mapping, the role's
 * single merchant, the user's time zone) is filled in, never asked.
 */
export function objectiveNode(merchants: MerchantDirectory) {
  return async (state: OfferStateValue): Promise<OfferStateUpdate> => {
    const notes = [...state.notes];
    let draft = withContextDefaults(state, notes);
    const resolved = await merchants.resolve(draft, state.context.merchantIds);
    draft = resolved.draft;
    if (resolved.note) notes.push(resolved.note);
    const next = { ...state, draft, notes };
    const asked = await askFirstMissing(next, [
      ...objectiveNeeds(),
      merchants.need(resolved.choices),
      ...scheduleNeeds(),
    ]);
    return { draft, notes, ...asked };
  };
}

function withContextDefaults(state: OfferStateValue, notes: string[]): OfferDraft {
  const { draft, context } = state;
  const defaults: OfferDraft = { timeZone: context.timeZone };
  if (context.programType) defaults.programType = context.programType;
  const next = { ...defaults, ...draft };
  // "for John Deere dealers" names the whole network: say so instead of asking.
  if (next.programType === "closed_loop" && next.locationScope === undefined && next.targetAudience?.length) {
    next.locationScope = "all";
    notes.push('Running it across the entire dealer network (say "specific dealers" to limit it).');
  }
  return next;
}

function objectiveNeeds(): Need[] {
  return [
    {
      field: "businessObjective",
      // The objective drives the recommendation; a marketer who already knows the offer is not quizzed.
      missing: (state) =>
        state.draft.businessObjective === undefined &&
        (state.draft.offerType === undefined || state.draft.offerValue === undefined),
      ask: () =>
        question("businessObjective", "What should this offer achieve?", [
          suggestion("Drive sales this quarter", { businessObjective: "Drive sales this quarter" }),
          suggestion("Win new customers", { businessObjective: "Win new customers" }),
          suggestion("Bring back lapsed customers", { businessObjective: "Bring back lapsed customers" }),
          suggestion("Clear seasonal inventory", { businessObjective: "Clear seasonal inventory" }),
        ]),
    },
    {
      field: "programType",
      missing: isMissing("programType"),
      ask: () =>
        question(
          "programType",
          "Which program is this offer for?",
          [
            suggestion(`${PROGRAM_LABELS.closed_loop} (dealer network)`, { programType: "closed_loop" }),
            suggestion(`${PROGRAM_LABELS.open_loop} (properties and catalog)`, { programType: "open_loop" }),
            suggestion(PROGRAM_LABELS.hybrid, { programType: "hybrid" }),
          ],
          "Closed loop offers stay inside the partner's network; open loop offers can also go to the Marketplace.",
        ),
    },
    {
      field: "locationScope",
      missing: (state) =>
        state.draft.programType === "closed_loop" && state.draft.locationScope === undefined,
      ask: () =>
        question("locationScope", "Should it run across the entire dealer network, or at specific dealers?", [
          suggestion("Entire dealer network", { locationScope: "all" }),
          suggestion("Specific dealers", { locationScope: "selected" }),
        ]),
    },
  ];
}

function scheduleNeeds(): Need[] {
  const today = (state: OfferStateValue) =>
    todayIn(state.draft.timeZone ?? "UTC", new Date(state.context.now));
  return [
    {
      field: "startDate",
      missing: isMissing("startDate"),
      ask: (state) => {
        const day = today(state);
        const nextMonth = monthRange(day, 1);
        const twoWeeks = { startDate: addDays(day, 1), endDate: addDays(day, 14) };
        return question("startDate", 'When should it run? A date range like "Dec 1-31" works.', [
          suggestion(
            `Next month (${formatDate(nextMonth.startDate)} – ${formatDate(nextMonth.endDate)})`,
            nextMonth,
          ),
          suggestion(`Next two weeks (from ${formatDate(twoWeeks.startDate)})`, twoWeeks),
        ]);
      },
    },
    {
      field: "endDate",
      missing: isMissing("endDate"),
      ask: (state) => {
        const start = state.draft.startDate ?? today(state);
        return question("endDate", `It starts ${formatDate(start)}. When should it end?`, [
          suggestion(`After 2 weeks (${formatDate(addDays(start, 13))})`, { endDate: addDays(start, 13) }),
          suggestion(`End of that month (${formatDate(monthRange(start, 0).endDate)})`, {
            endDate: monthRange(start, 0).endDate,
          }),
        ]);
      },
    },
    {
      field: "totalBudget",
      missing: isMissing("totalBudget"),
      ask: () =>
        question(
          "totalBudget",
          "What is the total budget for discounts?",
          [10_000, 25_000, 50_000].map((amount) => suggestion(`$${amount / 1000}k`, { totalBudget: amount })),
          "I use it to check the offer cannot cost more than you planned.",
        ),
    },
  ];
}
