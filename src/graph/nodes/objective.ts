import { askFirstMissing, isMissing, type Need, question, suggestion } from "../ask.js";
import { addDays, monthRange, todayIn } from "../dates.js";
import { formatDate } from "../describe.js";
import type { OfferDraft } from "../draft.js";
import type { LocationDirectory } from "../locations.js";
import type { MerchantDirectory } from "../merchants.js";
import type { OfferStateUpdate, OfferStateValue } from "../state.js";

/**
 * Objective and program context: why the offer exists, which program and merchant it belongs to,
 * when it runs and what it may cost. Context the bot already has (program mapping, the role's
 * single merchant, the user's time zone) is filled in, never asked.
 */
export function objectiveNode(merchants: MerchantDirectory, locations: LocationDirectory) {
  return async (state: OfferStateValue): Promise<OfferStateUpdate> => {
    const notes = [...state.notes];
    const resolved = await merchants.resolve(withContext(state), state.context.merchantIds, {
      query: state.merchantQuery,
      mentions: state.mentions,
    });
    if (resolved.note) notes.push(resolved.note);
    const placed = await locations.resolve(resolved.draft, state.locationQuery);
    if (placed.note) notes.push(placed.note);
    const draft = withStartToday(withNetworkScope(placed.draft, notes), state, notes);
    // The query stays while the user picks among several matches, so the question can name it.
    const merchantQuery = resolved.choices ? state.merchantQuery : undefined;
    const next = { ...state, draft, notes, merchantQuery };
    const asked = await askFirstMissing(next, [
      ...objectiveNeeds(merchants.need(resolved.choices)),
      locations.need(),
      ...scheduleNeeds(),
    ]);
    // A merchant found by name changes the draft after the understand node counted versions.
    const moved =
      resolved.draft.merchantId !== state.draft.merchantId ||
      JSON.stringify(placed.draft.locationIds) !== JSON.stringify(state.draft.locationIds);
    const version = moved ? state.version + 1 : state.version;
    return { draft, notes, merchantQuery, locationQuery: undefined, mentions: [], version, ...asked };
  };
}

/** Context the bot already has: the user's time zone, and the program the channel is mapped to. */
function withContext(state: OfferStateValue): OfferDraft {
  const { draft, context } = state;
  return {
    timeZone: context.timeZone,
    ...(context.programType && { programType: context.programType }),
    ...draft,
  };
}

/** "through the end of the month" with no start: it starts today, as a campaign manager would read it. */
function withStartToday(draft: OfferDraft, state: OfferStateValue, notes: string[]): OfferDraft {
  if (draft.startDate !== undefined || draft.endDate === undefined) return draft;
  const today = todayIn(draft.timeZone ?? state.context.timeZone, new Date(state.context.now));
  if (draft.endDate < today) return draft;
  notes.push(`It starts today, ${formatDate(today)} (say e.g. "start Dec 1" to change it).`);
  return { ...draft, startDate: today };
}

/**
 * A closed-loop offer runs at every location unless the marketer limits it: said in a note, not
 * asked, because a campaign manager would assume the same.
 */
function withNetworkScope(draft: OfferDraft, notes: string[]): OfferDraft {
  if (
    draft.programType !== "closed_loop" ||
    draft.locationScope !== undefined ||
    draft.merchantId === undefined
  ) {
    return draft;
  }
  notes.push(
    draft.targetAudience?.length
      ? 'Running it across the entire dealer network (say "specific dealers" to limit it).'
      : `Running it at every ${draft.merchantName ?? "merchant"} location (say "specific locations" to limit it).`,
  );
  return { ...draft, locationScope: "all" };
}

/** The merchant comes before the program: it usually settles the program, so nobody is asked. */
function objectiveNeeds(merchant: Need): Need[] {
  return [
    {
      field: "businessObjective",
      // The objective drives the recommendation; a marketer who already knows the kind of offer is not quizzed.
      missing: (state) => state.draft.businessObjective === undefined && state.draft.offerType === undefined,
      ask: () =>
        question("businessObjective", "What should this offer achieve?", [
          suggestion("Drive sales this quarter", { businessObjective: "Drive sales this quarter" }),
          suggestion("Win new customers", { businessObjective: "Win new customers" }),
          suggestion("Bring back lapsed customers", { businessObjective: "Bring back lapsed customers" }),
          suggestion("Clear seasonal inventory", { businessObjective: "Clear seasonal inventory" }),
        ]),
    },
    merchant,
    {
      field: "programType",
      missing: isMissing("programType"),
      // Asked only when neither the channel nor the merchant settles it, in words anyone can answer.
      ask: () =>
        question("programType", "Who should be able to see this offer?", [
          suggestion("Only our own customers or members", { programType: "closed_loop" }),
          suggestion("Anyone, in the Kigo Marketplace too", { programType: "open_loop" }),
          suggestion("Both", { programType: "hybrid" }),
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
      // A click-through link costs nothing per redemption: there is no budget to check it against.
      missing: (state) => state.draft.offerType !== "clickthrough" && isMissing("totalBudget")(state),
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
