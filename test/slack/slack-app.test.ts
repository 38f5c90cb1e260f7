import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RESPONSE_URL } from "../fakes/slack/server.js";
import {
  appHomeOpenedEvent,
  appMentionEvent,
  eventCallback,
  globalShortcut,
  messageEvent,
  slashCommand,
  viewSubmission,
} from "../fakes/slack/signed.js";
import { SEED_MESSAGE } from "../support/seed.js";
import { APPROVALS_CHANNEL, buttonsOf, type SlackHarness, startSlackHarness, waitUntil } from "./support.js";

/**
 * The Slack app end to end: signed requests into the real Bolt receiver, the real conversation
 * core and sandbox behind it, and a fake Slack Web API recording what the bot sends.
 */

const SEED = SEED_MESSAGE;

let h: SlackHarness;

beforeAll(async () => {
  h = await startSlackHarness();
});

afterAll(async () => {
  await h.close();
});

const codeCount = async (code: string) => (await h.app.client.promoCodes.list({ promo_code: code })).length;

describe("a DM conversation", () => {
  it("goes from the seed's example to a preview, an edit in the modal, and one published offer", async () => {
    const code = "SLACKDM20";
    const response = await h.dm("dealerMarketer", SEED.replace("DEALER20", code));
    expect(response.status).toBe(200);
    const preview = await h.fake.waitFor(
      "chat.postMessage",
      (call) => JSON.stringify(call.body).includes(code),
      10_000,
    );
    expect(buttonsOf(preview).map((button) => button.text.text)).toEqual(
      expect.arrayContaining(["Publish", "Edit", "Submit for approval", "Cancel"]),
    );

    await h.click("dealerMarketer", "Edit");
    const opened = await h.fake.waitFor("views.open", undefined, 5_000);
    const view = (opened.body as { view: { callback_id: string; private_metadata: string } }).view;
    expect(view.callback_id).toBe("edit_draft");
    await h.send(
      viewSubmission({
        user: "dealerMarketer",
        callback_id: "edit_draft",
        private_metadata: view.private_metadata,
        values: { offerValue: { offerValue: { type: "number_input", value: "25" } } },
      }),
    );
    await h.fake.waitFor("chat.update", (call) => JSON.stringify(call.body).includes("25% off"), 10_000);

    await h.click("dealerMarketer", "Publish");
    await waitUntil(async () => (await codeCount(code)) === 1);
    await h.fake.waitFor("chat.update", (call) => /Published/.test(JSON.stringify(call.body)), 10_000);
  });

  it("publishes when the marketer types 'ship it' in the DM, once", async () => {
    const code = "SLACKWORDS20";
    await h.dm("dealerMarketer", SEED.replace("DEALER20", code));
    await h.fake.waitFor("chat.postMessage", (call) => JSON.stringify(call.body).includes(code), 10_000);
    await h.dm("dealerMarketer", "looks good, ship it");
    await waitUntil(async () => (await codeCount(code)) === 1);
    await h.fake.waitFor(
      "chat.update",
      (call) => /Published/.test(JSON.stringify(call.body)) && JSON.stringify(call.body).includes("20% off"),
      10_000,
    );
    await h.dm("dealerMarketer", "ship it");
    await h.fake.waitFor(
      "chat.postMessage",
      (call) => /already published as offer #/.test(JSON.stringify(call.body)),
      10_000,
    );
    expect(await codeCount(code)).toBe(1);
  });

  it("shows form errors next to the input instead of accepting them", async () => {
    await h.dm("dealerMarketer", SEED.replace("DEALER20", "FORMERR20"));
    await h.fake.waitFor(
      "chat.postMessage",
      (call) => JSON.stringify(call.body).includes("FORMERR20"),
      10_000,
    );
    await h.click("dealerMarketer", "Edit");
    const opened = await h.fake.waitFor(
      "views.open",
      (call) => JSON.stringify(call.body).includes("FORMERR20"),
      5_000,
    );
    const metadata = (opened.body as { view: { private_metadata: string } }).view.private_metadata;
    const response = await h.send(
      viewSubmission({
        user: "dealerMarketer",
        callback_id: "edit_draft",
        private_metadata: metadata,
        values: { promoCode: { promoCode: { type: "plain_text_input", value: "no!" } } },
      }),
    );
    const body = (await response.json()) as { response_action: string; errors: Record<string, string> };
    expect(body.response_action).toBe("errors");
    expect(Object.keys(body.errors)).toEqual(["promoCode"]);
  });
});

describe("delivery", () => {
  it("answers a retried event once", async () => {
    const event = eventCallback({
      eventId: `Ev-retry-${Date.now()}`,
      event: messageEvent({
        channel: "DdealerMarketer",
        user: "dealerMarketer",
        text: "hi there",
        channel_type: "im",
      }),
    });
    const before = h.fake.callsTo("chat.postMessage").length;
    await h.send(event);
    await h.send(event, { retryNum: 1, retryReason: "http_timeout" });
    await h.send(event, { retryNum: 2, retryReason: "http_timeout" });
    await h.fake.waitFor(
      "chat.postMessage",
      (call) => h.fake.calls.indexOf(call) >= 0 && /achieve|Got it|details/.test(JSON.stringify(call.body)),
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(h.fake.callsTo("chat.postMessage").length - before).toBe(1);
  });

  it("refuses a forged signature and a stale timestamp with 401", async () => {
    const body = eventCallback({
      event: messageEvent({ channel: "Dx", user: "viewer", text: "hi", channel_type: "im" }),
    });
    expect((await h.send(body, { forgeSignature: true })).status).toBe(401);
    expect((await h.send(body, { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 })).status).toBe(401);
  });

  it("publishes one offer for 30 concurrent Publish clicks", async () => {
    const code = "SLACK30X";
    await h.dm("dealerMarketer", SEED.replace("DEALER20", code), `${Math.floor(Date.now() / 1000)}.000030`);
    await h.fake.waitFor("chat.postMessage", (call) => JSON.stringify(call.body).includes(code), 10_000);
    await Promise.all(Array.from({ length: 30 }, () => h.click("dealerMarketer", "Publish")));
    await waitUntil(async () => (await codeCount(code)) === 1);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const offers = await h.app.client.listOffers({ short_text: "20% off", limit: 100 });
    expect(offers.items.filter((offer) => offer.external_reference?.includes("kob:")).length).toBeGreaterThan(
      0,
    );
    expect(await codeCount(code)).toBe(1);
  });
});

describe("channels", () => {
  it("continues an @mention conversation in its thread", async () => {
    const ts = `${Math.floor(Date.now() / 1000)}.000777`;
    await h.send(
      eventCallback({
        event: appMentionEvent({
          channel: "CMARKETING",
          user: "dealerMarketer",
          text: `<@UBOT> ${SEED.replace("DEALER20", "THREAD20")}`,
          ts,
        }),
      }),
    );
    const reply = await h.fake.waitFor(
      "chat.postMessage",
      (call) => JSON.stringify(call.body).includes("THREAD20"),
      10_000,
    );
    expect(reply.body as { thread_ts?: string; channel: string }).toMatchObject({
      thread_ts: ts,
      channel: "CMARKETING",
    });
    await h.send(
      eventCallback({
        event: messageEvent({
          channel: "CMARKETING",
          user: "dealerMarketer",
          text: "make it 15%",
          thread_ts: ts,
          channel_type: "channel",
        }),
      }),
    );
    await h.fake.waitFor("chat.update", (call) => JSON.stringify(call.body).includes("15% off"), 10_000);
  });
});

describe("/offers", () => {
  const command = (user: string, text: string) =>
    h.send(
      slashCommand({
        user,
        channel: "CMARKETING",
        command: "/offers",
        text,
        response_url: h.fake.responseUrl(),
      }),
    );

  it("lists offers to the asking user, with pagination", async () => {
    const offer = {
      version_active_from: "2026-12-01",
      merchant_owner: 9,
      default_language: "en",
      offer_redemption_methods: ["show_save" as const],
      code_type: "S",
      short_text: "Paging filler",
    };
    await h.app.client.bulkCreateOffers({ offers: Array.from({ length: 12 }, () => offer) });
    const response = await command("accountManager", "list");
    expect(response.status).toBe(200);
    const listed = await h.fake.waitFor(
      RESPONSE_URL,
      (call) => /Offers/.test(JSON.stringify(call.body)),
      10_000,
    );
    expect(buttonsOf(listed).map((button) => button.text.text)).toContain("Next");
    await h.click("accountManager", "Next", { channel: "CMARKETING" });
    await h.fake.waitFor("chat.postEphemeral", (call) => /Previous/.test(JSON.stringify(call.body)), 10_000);
  });

  it("answers every verb, and names what is wrong with bad arguments", async () => {
    for (const text of ["show 1", "analytics 1", "drafts", "help"]) {
      const before = h.fake.callsTo(RESPONSE_URL).length;
      await command("accountManager", text);
      await waitUntil(() => h.fake.callsTo(RESPONSE_URL).length > before);
    }
    await command("dealerMarketer", "pause 1");
    await waitUntil(async () => (await h.app.client.getOffer(1)).offer_status === "paused");
    await command("dealerMarketer", "resume 1");
    await waitUntil(async () => (await h.app.client.getOffer(1)).offer_status === "active");
    await command("dealerMarketer", "end 1");
    await h.fake.waitFor(RESPONSE_URL, (call) => /cannot be undone/.test(JSON.stringify(call.body)), 10_000);
    expect((await h.app.client.getOffer(1)).offer_status).toBe("active");

    await command("dealerMarketer", "show abc");
    await h.fake.waitFor(
      RESPONSE_URL,
      (call) => /needs one offer id/.test(JSON.stringify(call.body)),
      10_000,
    );
    await command("dealerMarketer", "frobnicate 7");
    await h.fake.waitFor(RESPONSE_URL, (call) => /know .*frobnicate/.test(JSON.stringify(call.body)), 10_000);
  });

  it("opens the full form for new and starts a draft from its submission", async () => {
    await command("dealerMarketer", "new");
    const opened = await h.fake.waitFor(
      "views.open",
      (call) => JSON.stringify(call.body).includes("new_offer"),
      5_000,
    );
    const metadata = (opened.body as { view: { private_metadata: string } }).view.private_metadata;
    await h.send(
      viewSubmission({
        user: "dealerMarketer",
        callback_id: "new_offer",
        private_metadata: metadata,
        values: {
          offerType: { offerType: { type: "static_select", selected_option: { value: "dollars_off" } } },
          offerValue: { offerValue: { type: "number_input", value: "15" } },
        },
      }),
    );
    await h.fake.waitFor("chat.postMessage", (call) => /\$15 off/.test(JSON.stringify(call.body)), 10_000);
  });

  it("duplicates an offer into a new draft in the user's DM", async () => {
    await command("accountManager", "duplicate 2");
    await h.fake.waitFor(
      "chat.postMessage",
      (call) => /from offer #2/.test(JSON.stringify(call.body)),
      10_000,
    );
  });
});

describe("roles and approvals", () => {
  it("does not let an editor publish", async () => {
    await h.dm("editorOnly", SEED.replace("DEALER20", "NOPUB20"));
    await h.fake.waitFor("chat.postMessage", (call) => JSON.stringify(call.body).includes("NOPUB20"), 10_000);
    await h.click("editorOnly", "Publish");
    const refusal = await h.fake.waitFor(
      "chat.postEphemeral",
      (call) => /publisher role/.test(JSON.stringify(call.body)),
      10_000,
    );
    expect((refusal.body as { user: string }).user).toBe("editorOnly");
    expect(await codeCount("NOPUB20")).toBe(0);
  });

  it("submits, rejects with a reason, resubmits and publishes once approved", async () => {
    const code = "APPROVE30";
    await h.dm("editorOnly", SEED.replace("DEALER20", code));
    await h.fake.waitFor("chat.postMessage", (call) => JSON.stringify(call.body).includes(code), 10_000);
    await h.click("editorOnly", "Submit for approval");
    await h.fake.waitFor(
      "chat.postMessage",
      (call) =>
        (call.body as { channel: string }).channel === APPROVALS_CHANNEL &&
        JSON.stringify(call.body).includes(code),
      10_000,
    );

    await h.click("viewer", /^Approve/);
    const refusal = await h.fake.waitFor(
      "chat.postEphemeral",
      (call) => /approver role/.test(JSON.stringify(call.body)),
      10_000,
    );
    expect((refusal.body as { user: string }).user).toBe("viewer");

    await h.click("approver", "Reject");
    const modal = await h.fake.waitFor(
      "views.open",
      (call) => JSON.stringify(call.body).includes("reject_reason"),
      5_000,
    );
    const metadata = (modal.body as { view: { private_metadata: string } }).view.private_metadata;
    await h.send(
      viewSubmission({
        user: "approver",
        callback_id: "reject_reason",
        private_metadata: metadata,
        values: { reason: { reason: { type: "plain_text_input", value: "Use the Q4 title" } } },
      }),
    );
    await h.fake.waitFor("chat.update", (call) => /Use the Q4 title/.test(JSON.stringify(call.body)), 10_000);

    await h.click("editorOnly", "Submit for approval");
    const cardsInApprovals = () =>
      h.fake
        .callsTo("chat.postMessage")
        .filter(
          (call) =>
            (call.body as { channel: string }).channel === APPROVALS_CHANNEL &&
            JSON.stringify(call.body).includes(code),
        );
    await waitUntil(() => cardsInApprovals().length === 2);
    await h.click("approver", /^Approve/);
    await waitUntil(async () => (await codeCount(code)) === 1);
    expect(await codeCount(code)).toBe(1);
  });
});

describe("entry points", () => {
  it("greets the agent view with suggested prompts", async () => {
    await h.send(
      eventCallback({
        event: {
          type: "assistant_thread_started",
          assistant_thread: {
            user_id: "dealerMarketer",
            channel_id: "DdealerMarketer",
            thread_ts: "1795000000.000001",
            context: {},
          },
          event_ts: "1795000000.000002",
        },
      }),
    );
    const call = await h.fake.waitFor("assistant.threads.setSuggestedPrompts", undefined, 5_000);
    expect(JSON.stringify(call.body)).toContain("DEALER20");
  });

  it("shows a working status in an agent thread while the turn runs", async () => {
    const thread = `${Math.floor(Date.now() / 1000)}.000555`;
    await h.dm("dealerMarketer", "hi", thread);
    const status = await h.fake.waitFor(
      "assistant.threads.setStatus",
      (call) => (call.body as { thread_ts?: string }).thread_ts === thread,
      5_000,
    );
    expect(status.body).toMatchObject({
      channel_id: "DdealerMarketer",
      status: expect.stringMatching(/working/),
    });
  });

  it("opens the new-offer form from the global shortcut", async () => {
    const before = h.fake.callsTo("views.open").length;
    await h.send(globalShortcut({ user: "dealerMarketer", callback_id: "new_offer" }));
    await waitUntil(() => h.fake.callsTo("views.open").length > before);
    expect(JSON.stringify(h.fake.callsTo("views.open").at(-1)?.body)).toContain("new_offer");
  });

  it("shares command results in the channel when asked", async () => {
    await h.send(
      slashCommand({
        user: "accountManager",
        channel: "CMARKETING",
        command: "/offers",
        text: "show 2 share",
        response_url: h.fake.responseUrl(),
      }),
    );
    const shared = await h.fake.waitFor(
      RESPONSE_URL,
      (call) => /#2/.test(JSON.stringify(call.body)) && call.body.response_type === "in_channel",
      10_000,
    );
    expect(shared.body).toMatchObject({ response_type: "in_channel" });
  });
});

describe("App Home", () => {
  it("publishes recent offers and open drafts", async () => {
    await h.send(eventCallback({ event: appHomeOpenedEvent("accountManager") }));
    const published = await h.fake.waitFor("views.publish", undefined, 10_000);
    expect(JSON.stringify(published.body)).toMatch(/New offer/);
  });
});
