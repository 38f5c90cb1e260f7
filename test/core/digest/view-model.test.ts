import { describe, expect, it } from "vitest";
import type { DigestFigures, OfferFigures } from "../../../src/core/digest/figures.js";
import { digestView } from "../../../src/core/digest/view-model.js";

const days = ["2026-11-23", "2026-11-24", "2026-11-25"];

function offer(
  offerId: number,
  byDay: number[],
  previousRedemptions: number,
  rate: number | null = null,
): OfferFigures {
  const redemptions = byDay.reduce((sum, day) => sum + day, 0);
  return {
    offerId,
    title: `Offer ${offerId}`,
    merchantId: 1,
    status: "active",
    startDate: "2026-11-01",
    endDate: undefined,
    redemptions,
    previousRedemptions,
    uniqueCustomers: redemptions - 1,
    revenue: redemptions * 10,
    conversionRate: rate,
    byDay,
  };
}

function figures(offers: OfferFigures[], analytics = true): DigestFigures {
  return {
    scope: { label: "Heartland Ag Equipment", merchantIds: [1] },
    period: { start: days[0] ?? "", end: days.at(-1) ?? "" },
    previous: { start: "2026-11-20", end: "2026-11-22" },
    days,
    asOf: new Date("2026-11-26T15:00:00Z"),
    timeZone: "America/Chicago",
    analytics,
    offers,
    running: [],
    startingSoon: [],
    expiringSoon: [],
  };
}

describe("the digest's view", () => {
  it("states the totals with the change against the previous period, labelled with the period and time", () => {
    const view = digestView(figures([offer(1, [4, 4, 2], 5, 0.1), offer(2, [1, 0, 1], 0)]), "weekly");
    expect(view.title).toBe("Weekly offer digest · Heartland Ag Equipment");
    expect(view.period).toBe("Nov 23, 2026 – Nov 25, 2026 · as of Nov 26, 2026, 9:00 AM CST");
    expect(view.totals).toEqual([
      "12 redemptions (+140% vs the previous week)",
      "10 customers (counted per offer)",
      "$120 in sales",
      // Only offer 1 recorded views: 10 redemptions of 100 views.
      "10.0% of views redeemed",
    ]);
    expect(view.top.map((line) => line.detail)).toEqual([
      "10 redemptions (+100% vs the previous week)",
      "2 redemptions (none in the previous week)",
    ]);
  });

  it("charts the total per day and the busiest offers as series", () => {
    const view = digestView(figures([offer(1, [4, 4, 2], 5), offer(2, [1, 0, 1], 0)]), "daily");
    expect(view.chart?.series).toEqual([
      { name: "All offers", values: [5, 4, 3] },
      { name: "Offer 1", values: [4, 4, 2] },
      { name: "Offer 2", values: [1, 0, 1] },
    ]);
  });

  it("lists the best five and the weakest offers apart, and counts the rest for 'see all'", () => {
    const many = Array.from({ length: 12 }, (_, index) => offer(index + 1, [12 - index, 0, 0], 1));
    const view = digestView(figures(many), "weekly");
    expect(view.top.map((line) => line.offerId)).toEqual([1, 2, 3, 4, 5]);
    expect(view.bottom.map((line) => line.offerId)).toEqual([12, 11, 10]);
    expect(view.more).toBe(4);
  });

  it("says figures are unavailable instead of showing zeros when the API has no analytics", () => {
    const view = digestView(figures([], false), "weekly");
    expect(view.totals).toBeUndefined();
    expect(view.chart).toBeUndefined();
    expect(view.note).toMatch(/no analytics endpoint/);
  });

  it("sets each known budget's spend against the steady pace", () => {
    const view = digestView(figures([offer(1, [4, 4, 2], 5)]), "weekly", [
      { offerId: 1, title: "Offer 1", budget: 10_000, spent: 4_200, elapsed: 0.3 },
      { offerId: 2, title: "Offer 2", budget: 1_000, spent: 100, elapsed: 0.5 },
      { offerId: 3, title: "Offer 3", budget: 1_000, spent: 500, elapsed: undefined },
    ]);
    expect(view.budgets.map((line) => line.detail)).toEqual([
      "about $4,200 of the $10,000 budget used (42%), ahead of the 30% a steady pace would have used by now",
      "about $100 of the $1,000 budget used (10%), behind the 50% a steady pace would have used by now",
      "about $500 of the $1,000 budget used (50%); no end date to pace it against",
    ]);
    expect(view.budgets[0]?.actions.map((action) => action.label)).toEqual([
      "Show",
      "Pause",
      "Extend",
      "Analytics",
    ]);
  });
});
