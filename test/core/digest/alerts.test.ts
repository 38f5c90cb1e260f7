import { describe, expect, it } from "vitest";
import { alertsFor, loadAlertSettings, type OfferStanding } from "../../../src/core/digest/alerts.js";

const settings = loadAlertSettings();

/** A 30-day offer that started Dec 1, checked on Dec 11 (10 days run, a third of it). */
const offer = (changes: Partial<OfferStanding> = {}): OfferStanding => ({
  offerId: 7,
  title: "20% off all equipment",
  programType: "closed_loop",
  startDate: "2026-12-01",
  endDate: "2026-12-30",
  redemptions: 400,
  uniqueCustomers: 320,
  audienceSize: 12000,
  benchmarkRate: 0.08,
  ...changes,
});
const conditions = (standing: OfferStanding, today = "2026-12-11") =>
  alertsFor(standing, today, settings).map((alert) => alert.condition);

describe("under-performance alerts", () => {
  it("stay quiet for an offer on pace", () => {
    expect(conditions(offer())).toEqual([]);
  });

  it("warn when customers reached are under half the benchmark's pace, with the numbers", () => {
    // Pace after a third of the run: 8% of 12,000 / 3 = 320; 100 is under half of it.
    const [alert] = alertsFor(offer({ uniqueCustomers: 100 }), "2026-12-11", settings);
    expect(alert?.condition).toBe("low_rate");
    expect(alert?.text).toBe(
      "*20% off all equipment* has reached 100 customers after 10 days; offers like it reach about 320 by now (8% of 12,000 over its run).",
    );
    expect(alert?.key).toBe("7:low_rate");
  });

  it("warn about no redemptions after the first week, a budget burning ahead of pace, and an offer about to end", () => {
    expect(conditions(offer({ redemptions: 0, uniqueCustomers: 0 }))).toEqual(["no_redemptions"]);
    expect(conditions(offer({ redemptions: 0, uniqueCustomers: 0 }), "2026-12-05")).toEqual([]);
    // A third of the run, $6,000 of $10,000 spent: ahead of the $3,333 pace by far more than 20%.
    expect(conditions(offer({ budget: { amount: 10_000, spent: 6_000 } }))).toEqual(["budget_burn"]);
    expect(conditions(offer({ budget: { amount: 10_000, spent: 3_500 } }))).toEqual([]);
    expect(conditions(offer({ uniqueCustomers: 900 }), "2026-12-28")).toEqual(["expiring"]);
  });
});
