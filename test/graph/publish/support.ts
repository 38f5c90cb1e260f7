import type { OfferDraft } from "../../../src/graph/draft.js";
import { parseExternalReference } from "../../../src/graph/publish/external-reference.js";
import type { StepName } from "../../../src/graph/publish/progress.js";
import { KigoClient } from "../../../src/kigo/client.js";
import { createSandbox, type Sandbox } from "../../../src/kigo/sandbox/server.js";
import { sandboxDatabase } from "../../support/sandbox-database.js";

export const TOKEN = "publish-token";

/** The sandbox routes each step calls; its write route first. */
export const STEP_ROUTES: Record<StepName, string[]> = {
  offer: ["POST /dashboard/offers", "GET /dashboard/offers"],
  descriptives: ["PUT /dashboard/offers/:id/descriptives"],
  promoCodes: ["POST /dashboard/promo-codes", "GET /dashboard/promo-codes"],
  redemptionControls: [
    "POST /dashboard/offers/redemption-controls",
    "GET /dashboard/offers/redemption-controls",
  ],
  campaign: [
    "POST /dashboard/campaigns/:id/offers",
    "GET /dashboard/campaigns/:id/offers",
    "POST /dashboard/campaigns",
    "GET /dashboard/campaigns",
    "GET /dashboard/programs",
  ],
  customerList: ["POST /dashboard/offers/:id/customer-lists", "GET /dashboard/offers/:id/customer-lists"],
  activate: ["PUT /dashboard/offers/:id"],
};

export interface Harness {
  sandbox: Sandbox;
  url: string;
  client: KigoClient;
}

/** One in-process sandbox on PGlite per test file. */
export async function startSandbox(): Promise<Harness> {
  const sandbox = await createSandbox({ database: sandboxDatabase(), token: TOKEN });
  const url = await sandbox.listen(0);
  return { sandbox, url, client: clientFor(url) };
}

export function clientFor(url: string): KigoClient {
  return new KigoClient({
    baseUrl: url,
    token: TOKEN,
    timeoutMs: 5_000,
    retries: 3,
    retryBaseDelayMs: 5,
    retryMaxDelayMs: 20,
  });
}

let counter = 0;
/** A value no other test in the run uses (draft keys, campaign names). */
export const unique = (prefix: string) => `${prefix}-${process.pid}-${Date.now().toString(36)}-${++counter}`;

export async function newMerchant(client: KigoClient): Promise<number> {
  const merchant = await client.createMerchant({ merchant_name: unique("Dealer"), merchant_type: "dealer" });
  return merchant.merchant_id;
}

export async function closedLoopProgram(client: KigoClient): Promise<number> {
  const program = await client.programs.create({
    program_name: "John Deere Dealers",
    program_type: "closed_loop",
  });
  return program.program_id;
}

/** The seed's end-to-end example (Step 1 of the create flow), with a campaign and a customer list. */
export function seedDraft(merchantId: number, overrides: OfferDraft = {}): OfferDraft {
  return {
    businessObjective: "Increase Q4 sales by 20%",
    programType: "closed_loop",
    targetAudience: ["dealers", "fleet"],
    maxDiscount: 20,
    maxDiscountUnit: "%",
    totalBudget: 50_000,
    startDate: "2030-12-01",
    endDate: "2030-12-31",
    offerType: "percentage_savings",
    offerValue: 20,
    offerTitle: "Q4 Dealer Incentive",
    offerDescription: "20% off all equipment purchases",
    termsConditions: "Valid for authorized dealers only",
    redemptionMethod: "promo_code",
    codeMode: "universal",
    promoCode: "DEALER20",
    usageLimitPerCustomer: 3,
    totalUsageLimit: 1000,
    merchantId,
    campaign: unique("Q4 Dealer Incentive"),
    customerList: { name: "Fleet dealers", customers: ["a@deere.com", "b@deere.com"] },
    ...overrides,
  };
}

/** What the sandbox holds for one published draft, counted through the client. */
export async function publishedState(client: KigoClient, externalReference: string) {
  const offers = (await client.listOffers({ external_reference: externalReference })).items;
  const offerId = offers[0]?.offer_id;
  if (offerId === undefined) return { offers: offers.length };
  const campaigns = await client.listCampaigns();
  const campaignName = parseExternalReference(externalReference)?.campaign;
  const links = await Promise.all(
    campaigns.map(async (campaign) =>
      (await client.listCampaignOffers(campaign.campaign_id)).filter((link) => link.offer_id === offerId),
    ),
  );
  return {
    offers: offers.length,
    descriptives: (await client.listDescriptives(offerId)).length,
    promoCodes: (await client.promoCodes.list({ offer_id: offerId })).map((code) => code.promo_code),
    controls: await client.redemptionControls.list({ offer_id: offerId }),
    campaignsNamed: campaigns.filter((campaign) => campaign.campaign_name === campaignName).length,
    campaignLinks: links.flat().length,
    customerLists: (await client.listCustomerLists(offerId)).length,
  };
}
