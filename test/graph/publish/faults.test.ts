import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { PUBLISH_STEPS } from "../../../src/graph/publish/progress.js";
import { publishDraft } from "../../../src/graph/publish/saga.js";
import {
  closedLoopProgram,
  type Harness,
  newMerchant,
  publishedState,
  STEP_ROUTES,
  seedDraft,
  startSandbox,
  unique,
} from "./support.js";

const ALL_ROUTES = PUBLISH_STEPS.flatMap((step) => STEP_ROUTES[step]);
const WRITE_ROUTES = ALL_ROUTES.filter((route) => !route.startsWith("GET"));

let harness: Harness;
let merchantId: number;

beforeAll(async () => {
  harness = await startSandbox();
  merchantId = await newMerchant(harness.client);
  await closedLoopProgram(harness.client);
});

afterEach(() => {
  harness.sandbox.faults.clear();
});

afterAll(async () => {
  await harness.sandbox.close();
});

/** Promo codes are unique per sandbox, and the sandbox is this file's own. */
let codes = 0;
const nextCode = () => `FAULT${++codes}`;

/** Publishes a fresh seed draft and checks the sandbox holds exactly one of everything for it. */
async function publishAndExpectOneOfEverything(label: string) {
  const code = nextCode();
  const result = await publishDraft({
    client: harness.client,
    draft: seedDraft(merchantId, { promoCode: code }),
    draftKey: unique(label),
  });
  if (result.status !== "published") throw new Error(result.error.message);
  const state = await publishedState(harness.client, result.progress.externalReference ?? "");
  expect(state).toMatchObject({
    offers: 1,
    descriptives: 1,
    promoCodes: [code],
    campaignsNamed: 1,
    campaignLinks: 1,
    customerLists: 1,
  });
  expect(state.controls).toHaveLength(1);
}

describe("faults the retries absorb", () => {
  it.each(ALL_ROUTES)("503 twice on %s: still one of everything", async (route) => {
    harness.sandbox.faults.inject({ route, status: 503, times: 2 });
    const before = harness.sandbox.hits(route);
    await publishAndExpectOneOfEverything("transient");
    expect(harness.sandbox.hits(route) - before).toBeGreaterThanOrEqual(3);
  });

  it.each(WRITE_ROUTES)("500 after the write on %s (answer lost): still one of everything", async (route) => {
    harness.sandbox.faults.inject({ route, status: 500, phase: "after", times: 1 });
    await publishAndExpectOneOfEverything("lost");
  });
});

describe("a persistent failure, then Retry", () => {
  it.each(PUBLISH_STEPS)("fails at %s with a human message and resumes there", async (step) => {
    const index = PUBLISH_STEPS.indexOf(step);
    const [failingRoute = ""] = STEP_ROUTES[step];
    const draft = seedDraft(merchantId, { promoCode: nextCode() });
    const draftKey = unique(`persistent-${step}`);
    harness.sandbox.faults.inject({ route: failingRoute, status: 503, times: 1_000 });

    const failed = await publishDraft({ client: harness.client, draft, draftKey });
    expect(failed).toMatchObject({
      status: "failed",
      error: {
        step,
        retryable: true,
        message: expect.stringMatching(/^Could not .+: The Kigo API is having trouble/),
      },
    });
    expect(failed.progress.completed).toEqual(PUBLISH_STEPS.slice(0, index));

    harness.sandbox.faults.clear();
    const earlierRoutes = PUBLISH_STEPS.slice(0, index).flatMap((done) => STEP_ROUTES[done]);
    const hitsBefore = earlierRoutes.map((route) => harness.sandbox.hits(route));
    const retried = await publishDraft({
      client: harness.client,
      draft,
      draftKey,
      progress: failed.progress,
    });

    expect(retried.status).toBe("published");
    expect(earlierRoutes.map((route) => harness.sandbox.hits(route))).toEqual(hitsBefore);
    const state = await publishedState(harness.client, retried.progress.externalReference ?? "");
    expect(state).toMatchObject({ offers: 1, campaignsNamed: 1, campaignLinks: 1, customerLists: 1 });
    expect(state.promoCodes).toHaveLength(1);
    expect(state.controls).toHaveLength(1);
  });
});
