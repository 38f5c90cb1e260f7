import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { PUBLISH_STEPS, type PublishResult, type StepName } from "../../src/graph/publish/progress.js";
import { publishDraft } from "../../src/graph/publish/saga.js";
import type { FaultSpec } from "../../src/kigo/sandbox/faults.js";
import { publishedState, STEP_ROUTES, seedDraft, unique } from "../graph/publish/support.js";
import { Chat, startTestApp, type TestApp } from "../support/bot.js";

/**
 * A marketer clicks Publish while the Kigo API fails one of the publish steps in each way it fails
 * in production. Either the retries absorb it and the offer is published, or the marketer gets a
 * plain failure with Retry, the draft is kept, and Retry publishes it; either way the sandbox ends
 * with exactly one offer and one of everything it needs.
 */

const writeRoute = (step: StepName) => ({ step, route: STEP_ROUTES[step][0] ?? "" });

/** A conversation asks for neither a campaign nor a customer list: the saga covers those steps below. */
const CONVERSATION_STEPS = PUBLISH_STEPS.filter((step) => step !== "campaign" && step !== "customerList");

/** The client gives up on a call after 300 ms; a delayed call still lands later, as a slow API's does. */
const TIMEOUT_MS = 300;

const FAULTS: Record<string, (route: string) => FaultSpec> = {
  "503 on every attempt": (route) => ({ route, status: 503, times: 1_000 }),
  "a timeout on every attempt (the write still lands)": (route) => ({
    route,
    delayMs: TIMEOUT_MS * 2,
    times: 1_000,
  }),
  "429 with Retry-After": (route) => ({ route, status: 429, retryAfterSeconds: 1 }),
  "the connection reset before the write, every attempt": (route) => ({ route, reset: true, times: 1_000 }),
  "the connection reset after the write (the answer lost)": (route) => ({
    route,
    reset: true,
    phase: "after",
  }),
};

let app: TestApp;
let codes = 0;

beforeAll(async () => {
  app = await startTestApp({ KIGO_API_TIMEOUT_MS: String(TIMEOUT_MS) });
});

afterEach(() => app.kigo.embedded?.sandbox.faults.clear());

afterAll(async () => {
  await app?.close();
});

const sandbox = () => {
  const embedded = app.kigo.embedded;
  if (!embedded) throw new Error("the test app runs the embedded sandbox");
  return embedded.sandbox;
};

/** A complete offer at its preview, under a code no other test uses. */
async function previewed(): Promise<{ chat: Chat; code: string }> {
  const code = `FAULTY${++codes}`;
  const chat = new Chat(app, "dealerMarketer");
  await chat.say(
    `20% off all equipment for John Deere dealers in December, code ${code}, 3 uses per customer, 1000 total, budget $50k`,
  );
  chat.reply("preview");
  return { chat, code };
}

/** Publish; on a failure the preview is kept with Retry, pressed once the API has recovered. */
async function publishThroughFailures(chat: Chat, onFailure: () => void): Promise<number> {
  await chat.click("Publish");
  for (let attempt = 0; attempt < 3; attempt++) {
    const published = chat.last.find((reply) => reply.kind === "published");
    if (published) return published.offerId;
    const failed = chat.reply("preview").preview;
    expect(failed.status).toBe("failed");
    expect(failed.publishError).toMatch(/^Could not /);
    expect(failed.publishError).not.toMatch(/undefined|\{|stack|TypeError/);
    onFailure();
    await chat.click("Retry publishing");
  }
  throw new Error(`not published after retries: ${JSON.stringify(chat.last)}`);
}

/** Injects the fault; returns how many failures the publish had to be retried through. */
async function throughFault(
  route: string,
  spec: FaultSpec,
  publish: (onFailure: () => void) => Promise<void>,
) {
  const hitsBefore = sandbox().hits(route);
  sandbox().faults.inject(spec);
  let failures = 0;
  await publish(() => {
    failures += 1;
    sandbox().faults.clear();
  });
  expect(sandbox().hits(route)).toBeGreaterThan(hitsBefore);
  expect(failures).toBeLessThanOrEqual(1);
}

describe.each(Object.entries(FAULTS))("%s", (_fault, faultAt) => {
  it.each(CONVERSATION_STEPS.map(writeRoute))(
    "at $step, through the conversation: exactly one offer, the draft never lost",
    async ({ route }) => {
      const { chat, code } = await previewed();
      let offerId = 0;
      await throughFault(route, faultAt(route), async (onFailure) => {
        offerId = await publishThroughFailures(chat, onFailure);
      });
      const offer = await app.client.getOffer(offerId);
      const state = await publishedState(app.client, offer.external_reference ?? "");
      expect(state).toMatchObject({ offers: 1, descriptives: 1, promoCodes: [code] });
      expect(state.controls).toHaveLength(1);
    },
  );

  it.each(["campaign", "customerList"].map((step) => writeRoute(step as StepName)))(
    "at $step, in the saga: one campaign link, one customer list",
    async ({ route }) => {
      const draft = seedDraft(1, { promoCode: `FAULTY${++codes}` });
      const draftKey = unique("reliability");
      let published: Extract<PublishResult, { status: "published" }> | undefined;
      await throughFault(route, faultAt(route), async (onFailure) => {
        let result = await publishDraft({ client: app.client, draft, draftKey });
        if (result.status === "failed") {
          expect(result.error.retryable).toBe(true);
          onFailure();
          result = await publishDraft({ client: app.client, draft, draftKey, progress: result.progress });
        }
        if (result.status !== "published") throw new Error(`not published: ${JSON.stringify(result)}`);
        published = result;
      });
      const state = await publishedState(app.client, published?.progress.externalReference ?? "");
      expect(state).toMatchObject({ offers: 1, campaignsNamed: 1, campaignLinks: 1, customerLists: 1 });
    },
  );
});
