import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ProgramMapping } from "../../../src/core/access.js";
import { AlertChecker } from "../../../src/core/digest/alert-check.js";
import { loadAlertSettings } from "../../../src/core/digest/alerts.js";
import type { DigestSubscription } from "../../../src/core/digest/subscription.js";
import { OfferFactsStore } from "../../../src/core/offer-facts.js";
import type { Outbound, OutboundMessage } from "../../../src/core/outbound.js";
import { addDays, todayIn } from "../../../src/graph/dates.js";
import type { KigoClient } from "../../../src/kigo/client.js";
import type { CreateOfferInput } from "../../../src/kigo/schemas.js";
import { MemoryKeyValueStore } from "../../../src/stores/kv.js";
import { startTestApp, type TestApp } from "../../support/bot.js";
import { startProductionSandbox } from "../../support/production.js";

/**
 * Alerts on the sandbox: offers made for the test, dated from the real today because the sandbox
 * decides what is live by its own clock.
 */
const TZ = "America/Chicago";
const today = todayIn(TZ, new Date());

let app: TestApp;
let production: { client: KigoClient; close(): Promise<void> };
let productionClient: KigoClient;
let dealer: number;
let quiet: number;
let burning: number;
let elsewhere: number;

const sent: { to: string; message: OutboundMessage }[] = [];
const outbound: Outbound = {
  async post(to, message) {
    sent.push({ to: "channel" in to ? to.channel : to.conversation, message });
    return { ...to, id: String(sent.length) };
  },
  async update() {
    return true;
  },
  async tell(to, message) {
    sent.push({ to: `user:${to.userId}`, message });
  },
  async channel(typed) {
    return { channel: typed, name: typed };
  },
};

function offer(merchant: number, title: string, start: string, end: string): CreateOfferInput {
  return {
    version_active_from: start,
    offer_expiry_date: end,
    merchant_owner: merchant,
    default_language: "en",
    offer_status: "active",
    offer_type: "percentage_savings",
    offer_redemption_methods: ["promo_code"],
    code_type: "P",
    classification: "closed_loop",
    short_text: title,
  };
}

const subscription = (merchantIds: number[]): DigestSubscription => ({
  id: "1",
  channel: "C-dealers",
  channelName: "dealers",
  schedule: "weekly",
  cron: "0 9 * * 1",
  timeZone: TZ,
  frequency: "weekly",
  scope: { label: "Heartland", merchantIds },
  createdBy: "accountManager",
  createdAt: new Date().toISOString(),
});

const checker = (client: KigoClient, facts: OfferFactsStore) =>
  new AlertChecker({
    client,
    kv: new MemoryKeyValueStore(),
    facts,
    programs: ProgramMapping.load(),
    settings: loadAlertSettings(),
    defaultTimeZone: TZ,
  });

const alertsSent = (offerId: number) =>
  sent.flatMap(({ to, message }) =>
    message.kind === "alert" && message.alert.offerId === offerId ? [`${to} ${message.alert.text}`] : [],
  );

beforeAll(async () => {
  app = await startTestApp();
  const embedded = app.kigo.embedded;
  if (!embedded) throw new Error("the test app runs the embedded sandbox");
  if (!embedded.demo.dealerMerchantId) throw new Error("the demo data has a dealer");
  dealer = embedded.demo.dealerMerchantId;
  quiet = (
    await app.client.createOffer(offer(dealer, "Quiet tractor deal", addDays(today, -14), addDays(today, 2)))
  ).offer_id;
  burning = (
    await app.client.createOffer(offer(dealer, "Hot mower deal", addDays(today, -10), addDays(today, 20)))
  ).offer_id;
  const other = (await app.client.listMerchants({ limit: 50 })).items.find((m) => m.merchant_id !== dealer);
  elsewhere = (
    await app.client.createOffer(
      offer(other?.merchant_id ?? dealer + 1, "Someone else's deal", addDays(today, -14), addDays(today, 1)),
    )
  ).offer_id;
  const days = [2, 3, 4, 5, 6].map((ago) => `${addDays(today, -ago)}T15:00:00Z`);
  for (const [index, day] of days.entries())
    await embedded.sandbox.db.query(
      "INSERT INTO redemptions (offer_id, user_id, redeemed_at, revenue) VALUES ($1, $2, $3, 120), ($1, $4, $3, 80)",
      [burning, `a${index}`, day, `b${index}`],
    );
  production = await startProductionSandbox(app);
  productionClient = production.client;
});

afterAll(async () => {
  await production?.close();
  await app?.close();
});

describe("alerts", () => {
  it("post each condition once, to the subscribed channel and the offer's author", async () => {
    const facts = new OfferFactsStore(new MemoryKeyValueStore());
    await facts.record(quiet, { authorId: "dealerMarketer" });
    await facts.record(burning, {
      authorId: "dealerMarketer",
      budget: 100,
      valuePerRedemption: 50,
      audienceSize: 12000,
      benchmarkRate: 0.08,
    });
    const alerts = checker(app.client, facts);
    sent.length = 0;
    await alerts.check(outbound, [subscription([dealer])]);
    expect(alertsSent(quiet)).toEqual([
      "C-dealers *Quiet tractor deal* has had no redemptions in its first 14 days.",
      "user:dealerMarketer *Quiet tractor deal* has had no redemptions in its first 14 days.",
      expect.stringMatching(/^C-dealers \*Quiet tractor deal\* ends \w{3} \d+, \d{4}\.$/),
      expect.stringMatching(/^user:dealerMarketer \*Quiet tractor deal\* ends/),
    ]);
    const burn = alertsSent(burning);
    expect(burn).toContainEqual(
      expect.stringMatching(/^C-dealers \*Hot mower deal\* has used \$500 of its \$100 budget/),
    );
    expect(burn).toContainEqual(
      expect.stringMatching(/^user:dealerMarketer \*Hot mower deal\* has reached 10 customers/),
    );
    // Nobody follows the other merchant's offer: no digest covers it and the bot did not publish it.
    expect(alertsSent(elsewhere)).toEqual([]);
    const actions = sent.find((item) => item.message.kind === "alert")?.message;
    expect(actions?.kind === "alert" && actions.alert.actions.map((action) => action.label)).toEqual([
      "Pause",
      "Extend",
      "Analytics",
    ]);

    sent.length = 0;
    await alerts.check(outbound, [subscription([dealer])]);
    expect(sent).toEqual([]);
  });

  it("judge only the calendar where the API has no analytics", async () => {
    const facts = new OfferFactsStore(new MemoryKeyValueStore());
    sent.length = 0;
    await checker(productionClient, facts).check(outbound, [subscription([dealer])]);
    expect(alertsSent(quiet)).toEqual([expect.stringMatching(/^C-dealers \*Quiet tractor deal\* ends/)]);
    expect(alertsSent(burning)).toEqual([]);
  });
});
