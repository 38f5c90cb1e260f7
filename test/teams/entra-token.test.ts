import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { message, personalChat } from "../fakes/teams/activities.js";
import { ENTRA_TOKEN } from "../fakes/teams/connector.js";
import { APP_ID, useTeamsHarness } from "./support.js";

/**
 * The bot's own token for the Bot Connector comes from the SDK's MSAL client, with the app's
 * secret, from Entra's token endpoint. MSAL refuses an http authority, so the test sends Entra's
 * host to the fake's token endpoint on loopback; everything else goes out as it would.
 */
const harness = useTeamsHarness({ auth: true, entraTokens: true });
const realFetch = globalThis.fetch;

beforeAll(() => {
  vi.stubGlobal("fetch", (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : input);
    if (url.host !== "login.microsoftonline.com") return realFetch(input, init);
    return realFetch(new URL(`${url.pathname}${url.search}`, harness.h.connector.url), init);
  });
});

afterAll(() => {
  vi.unstubAllGlobals();
});

describe("the bot's outbound token", () => {
  it("is fetched from Entra with the app's id and secret, and replies carry it", async () => {
    const { h } = harness;
    const chat = personalChat("entra-token");
    const { status } = await h.send(
      message(h.connector.url, { aadObjectId: "dealerMarketer" }, chat, "list"),
    );
    expect(status).toBe(200);
    await h.settle();
    const token = h.connector.calls.find((call) => call.path.includes("/oauth2/v2.0/token"));
    expect(token?.body).toMatchObject({
      grant_type: "client_credentials",
      client_id: APP_ID,
      client_secret: "test-app-password",
      scope: "https://api.botframework.com/.default",
    });
    const replies = h.connector.calls.filter((call) => call.conversationId === chat.conversationId);
    expect(replies.length).toBeGreaterThan(0);
    expect(replies.every((call) => call.authorization === `Bearer ${ENTRA_TOKEN}`)).toBe(true);
  });
});
