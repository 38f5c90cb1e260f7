import pino from "pino";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { KigoClient } from "../../src/kigo/client.js";
import { KigoApiError } from "../../src/kigo/errors.js";
import { FakeKigo, fixture } from "./fake-kigo.js";

/**
 * The client against answers in the shapes the production Kigo API and the public Kigo dashboard
 * client use (fixtures/), served over HTTP so the real ky transport and schemas run.
 */

interface LogLine {
  level: number;
  msg: string;
  field?: string;
  value?: unknown;
  reason?: string;
}

const WARN = 40;
const kigo = new FakeKigo();
let logs: LogLine[] = [];
let client: KigoClient;

beforeAll(async () => {
  await kigo.listen();
});

beforeEach(() => {
  logs = [];
  const logger = pino({ level: "warn" }, { write: (line: string) => logs.push(JSON.parse(line)) });
  client = new KigoClient({ baseUrl: kigo.url, token: "real-token", retries: 0, logger });
});

afterAll(() => kigo.close());

const warnedFields = () => logs.filter((line) => line.level === WARN).map((line) => line.field);

describe("the public Kigo dashboard client's shapes", () => {
  it("lists offers keyed by `id`, with its status words, code letters, editions and display texts", async () => {
    kigo.answer("GET /dashboard/offers", fixture("dashboard-offer-list"));
    const page = await client.listOffers({ limit: 4 });

    expect(page).toMatchObject({ total: 24, limit: 4, offset: 0, hasMore: true });
    expect(
      page.items.map((offer) => [
        offer.offer_id,
        offer.offer_status,
        offer.code_type,
        offer.edition_exclusivity,
      ]),
    ).toEqual([
      [101, "active", "promo_code", ["jd_dealers", "jd_fleet"]],
      [102, "draft", "unique_codes", ["jd_dealers"]],
      [103, "archived", "promo_code", []],
      [104, "expired", "unique_codes", []],
    ]);
    expect(page.items[0]).toMatchObject({
      version_active_from: "2026-12-01",
      offer_expiry_date: "2026-12-31",
      default_language: undefined,
      short_text: "Q4 Dealer Incentive",
      long_text: "20% off all equipment purchases",
      terms_conditions: "Valid for authorized dealers only",
      savings_amount: "20%",
      savings_type: "percentage",
    });
    expect(page.items.map((offer) => offer.offer_redemption_methods)).toEqual([
      ["promo_code"],
      ["online_link"],
      ["show_save"],
      ["barcode"],
    ]);
    expect(page.items[1]).toMatchObject({ savings_amount: "$10", savings_type: "fixed" });
    expect(logs).toEqual([]);
  });

  it("shows one offer keyed by `id` with its title, description, terms and value", async () => {
    kigo.answer("GET /dashboard/offers/101", fixture("dashboard-offer"));
    expect(await client.getOffer(101)).toMatchObject({
      offer_id: 101,
      merchant_owner: 7,
      offer_status: "active",
      code_type: "unique_codes",
      short_text: "Dealer cash back",
      long_text: "10% back on all equipment purchases",
      terms_conditions: "Valid for authorized dealers only",
      savings_amount: "10%",
      savings_type: "percentage",
    });
  });

  it("reads code_type spelt out in words", async () => {
    kigo.answer("GET /dashboard/offers", fixture("code-type-words-list"));
    const page = await client.listOffers();
    expect(page.items.map((offer) => offer.code_type)).toEqual([
      "promo_code",
      "unique_codes",
      "unique_codes",
      "barcode",
    ]);
    expect(page).toMatchObject({ total: 4, hasMore: false });
  });
});

describe("a list with partly unreadable rows", () => {
  it("keeps every row it can identify, with the fields it could read", async () => {
    kigo.answer("GET /dashboard/offers", fixture("partly-unreadable-list"));
    const page = await client.listOffers();

    expect(page.total).toBe(5);
    expect(page.items.map((offer) => [offer.offer_id, offer.short_text, offer.offer_status])).toEqual([
      [301, "Winter tune-up", "suspended"],
      [302, "$25 off service", "active"],
      [303, "Parts clearance", "halted"],
      [305, "BOGO filters", "active"],
    ]);
    const [, odd, unknownMethods] = page.items;
    expect(odd).toMatchObject({
      offer_type: "dollars_off",
      offer_expiry_date: undefined,
      offer_redemption_methods: ["promo_code"],
      code_type: undefined,
    });
    expect(unknownMethods?.offer_redemption_methods).toEqual([]);
  });

  it("warns the operator once per unreadable field, naming it and the value", async () => {
    kigo.answer("GET /dashboard/offers", fixture("partly-unreadable-list"));
    await client.listOffers();
    await client.listOffers();

    expect(warnedFields().sort()).toEqual([
      "offer.code_type",
      "offer.offer_expiry_date",
      "offer.offer_redemption_methods",
      "offer.offer_status",
      "offers.offer_id",
    ]);
    expect(logs.find((line) => line.field === "offer.offer_status")).toMatchObject({ value: "suspended" });
    expect(logs.find((line) => line.field === "offer.code_type")).toMatchObject({ value: "Z" });
  });

  it("answers an unreadable body with a sentence for the user and the details in the log", async () => {
    kigo.answer("GET /dashboard/offers", { offers: "not a list", total: 1 });
    const error = await client.listOffers().then(
      () => undefined,
      (caught: unknown) => caught,
    );

    expect(error).toBeInstanceOf(KigoApiError);
    expect(error).toMatchObject({ code: "invalid_response", retryable: false });
    expect((error as KigoApiError).message).toBe(
      "The Kigo API sent an answer this bot cannot read. The details are in the bot's log.",
    );
    expect(logs).toEqual([
      expect.objectContaining({ field: "offers", reason: expect.stringMatching(/array/) }),
    ]);
  });
});
