import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gatherFigures, periodFor } from "../../../src/core/digest/figures.js";
import type { KigoClient } from "../../../src/kigo/client.js";
import type { Sandbox } from "../../../src/kigo/sandbox/server.js";
import { startTestApp, type TestApp } from "../../support/bot.js";
import { startProductionSandbox } from "../../support/production.js";

let app: TestApp;
let sandbox: Sandbox;
let production: { client: KigoClient; close(): Promise<void> };
let productionClient: KigoClient;

beforeAll(async () => {
  app = await startTestApp();
  const embedded = app.kigo.embedded;
  if (!embedded) throw new Error("the test app runs the embedded sandbox");
  sandbox = embedded.sandbox;
  production = await startProductionSandbox(app);
  productionClient = production.client;
});

afterAll(async () => {
  await production?.close();
  await app?.close();
});

/** The demo activity runs up to the real today; the digest reads the week before it. */
const now = () => new Date();

async function redemptionsInDb(offerIds: number[], start: string, end: string): Promise<Map<number, number>> {
  const rows = await sandbox.db.query<{ offer_id: number; n: number }>(
    `SELECT offer_id, count(*)::int AS n FROM redemptions
     WHERE offer_id = ANY($1::int[]) AND (redeemed_at AT TIME ZONE 'UTC')::date BETWEEN $2::date AND $3::date
     GROUP BY offer_id`,
    [offerIds, start, end],
  );
  return new Map(rows.map((row) => [Number(row.offer_id), Number(row.n)]));
}

describe("the figures a digest reports", () => {
  it("counts each offer's redemptions in the period and the one before, as the seeded rows imply", async () => {
    const merchant = app.kigo.embedded?.demo.dealerMerchantId;
    if (!merchant) throw new Error("the demo data has a dealer");
    const figures = await gatherFigures(app.client, {
      scope: { label: "Heartland", merchantIds: [merchant] },
      frequency: "weekly",
      timeZone: "UTC",
      now: now(),
    });
    expect(figures.analytics).toBe(true);
    expect(figures.days).toHaveLength(7);
    expect(figures.offers.length).toBeGreaterThan(0);
    const ids = figures.offers.map((offer) => offer.offerId);
    const current = await redemptionsInDb(ids, figures.period.start, figures.period.end);
    const before = await redemptionsInDb(ids, figures.previous.start, figures.previous.end);
    for (const offer of figures.offers) {
      expect(offer.merchantId).toBe(merchant);
      expect(offer.redemptions).toBe(current.get(offer.offerId) ?? 0);
      expect(offer.previousRedemptions).toBe(before.get(offer.offerId) ?? 0);
      expect(offer.byDay.reduce((sum, day) => sum + day, 0)).toBe(offer.redemptions);
    }
    const total = figures.offers.reduce((sum, offer) => sum + offer.redemptions, 0);
    expect(total).toBeGreaterThan(0);
    // Busiest first.
    expect(figures.offers.map((offer) => offer.redemptions)).toEqual(
      [...figures.offers.map((offer) => offer.redemptions)].sort((a, b) => b - a),
    );
  });

  it("reads the week as the seven full days before today in the subscription's time zone", () => {
    expect(periodFor("weekly", "2026-12-07")).toEqual({
      period: { start: "2026-11-30", end: "2026-12-06" },
      previous: { start: "2026-11-23", end: "2026-11-29" },
    });
    expect(periodFor("daily", "2026-12-01").period).toEqual({ start: "2026-11-30", end: "2026-11-30" });
  });

  it("still lists the running offers, without numbers, when the API has no analytics endpoint", async () => {
    const figures = await gatherFigures(productionClient, {
      scope: { label: "Everyone", merchantIds: [] },
      frequency: "weekly",
      timeZone: "UTC",
      now: now(),
    });
    expect(figures.analytics).toBe(false);
    expect(figures.offers).toEqual([]);
    expect(figures.running.length).toBeGreaterThan(0);
  });
});
