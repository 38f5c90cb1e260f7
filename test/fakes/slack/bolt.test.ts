import type { AddressInfo } from "node:net";
import { App, LogLevel } from "@slack/bolt";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { BOT_TOKEN } from "./ids.js";
import { type FakeSlack, startFakeSlack } from "./server.js";
import {
  appHomeOpenedEvent,
  appMentionEvent,
  blockAction,
  eventCallback,
  globalShortcut,
  messageEvent,
  type SignedPostOptions,
  signedPost,
  slashCommand,
  viewSubmission,
} from "./signed.js";

const SECRET = "fake-signing-secret";
const modal = {
  type: "modal" as const,
  title: { type: "plain_text" as const, text: "New offer" },
  blocks: [],
};

let fake: FakeSlack;
let app: App;
let url: string;

const post = (body: string | object, options?: SignedPostOptions) => signedPost(url, SECRET, body, options);

beforeAll(async () => {
  fake = await startFakeSlack();
  app = new App({
    signingSecret: SECRET,
    token: BOT_TOKEN,
    clientOptions: { slackApiUrl: fake.apiUrl },
    logLevel: LogLevel.ERROR,
  });
  app.message(async ({ message, say }) => {
    await say(`echo: ${"text" in message ? message.text : ""}`);
  });
  app.event("app_mention", async ({ context, say }) => {
    await say(`retry ${context.retryNum ?? "none"} (${context.retryReason ?? "none"})`);
  });
  app.event("app_home_opened", async ({ event, client }) => {
    await client.views.publish({ user_id: event.user, view: { type: "home", blocks: [] } });
  });
  app.action("new_offer", async ({ ack, body, client }) => {
    await ack();
    if (body.type === "block_actions") await client.views.open({ trigger_id: body.trigger_id, view: modal });
  });
  app.view("offer_form", async ({ ack, view }) => {
    const title = view.state.values.title_block?.title?.value;
    await ack({ response_action: "errors", errors: { title_block: `${title} (${view.private_metadata})` } });
  });
  app.command("/offers", async ({ ack, command }) => {
    await ack(`you asked for ${command.text}`);
  });
  app.shortcut("new_offer", async ({ ack, shortcut, client }) => {
    await ack();
    await client.chat.postMessage({ channel: shortcut.user.id, text: "shortcut" });
  });
  // Bolt answers with the server it listens on: port 0 lets the system pick a free one.
  const server = await app.start({ port: 0, host: "127.0.0.1" });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
});
afterAll(async () => {
  await app.stop();
  await fake.close();
});
beforeEach(() => fake.reset());

const dm = (text: string) =>
  eventCallback({ event: messageEvent({ channel: "D1", user: "U1", text, channel_type: "im" }) });

describe("signed requests to a real Bolt HTTP receiver", () => {
  it("delivers a signed message event, and say() reaches the fake as chat.postMessage", async () => {
    const response = await post(dm("hello"));
    expect(response.status).toBe(200);
    const reply = await fake.waitFor("chat.postMessage");
    expect(reply.body).toMatchObject({ channel: "D1", text: "echo: hello" });
  });

  it("answers 401 to a forged signature and runs no listener", async () => {
    const response = await post(dm("forged"), { forgeSignature: true });
    expect(response.status).toBe(401);
    expect(fake.callsTo("chat.postMessage")).toEqual([]);
  });

  it("answers 401 to a timestamp more than five minutes old, even correctly signed", async () => {
    const response = await post(dm("stale"), { timestamp: Math.floor(Date.now() / 1000) - 301 });
    expect(response.status).toBe(401);
    expect(fake.callsTo("chat.postMessage")).toEqual([]);
  });

  it("passes X-Slack-Retry-Num and -Reason on to the listener's context", async () => {
    const event = eventCallback({
      event: appMentionEvent({ channel: "C1", user: "U1", text: "<@UBOT> hi" }),
    });
    await post(event, { retryNum: 2, retryReason: "http_timeout" });
    const reply = await fake.waitFor("chat.postMessage");
    expect(reply.body.text).toBe("retry 2 (http_timeout)");
  });

  it("delivers app_home_opened", async () => {
    await post(eventCallback({ event: appHomeOpenedEvent("U1") }));
    expect((await fake.waitFor("views.publish")).body.user_id).toBe("U1");
  });

  it("delivers a form-encoded block action carrying its trigger_id", async () => {
    const action = blockAction({
      user: "U1",
      action_id: "new_offer",
      value: "start",
      trigger_id: "9.T1.abc",
    });
    expect((await post(action)).status).toBe(200);
    expect((await fake.waitFor("views.open")).body.trigger_id).toBe("9.T1.abc");
  });

  it("delivers a view submission and returns the listener's ack body", async () => {
    const submission = viewSubmission({
      user: "U1",
      callback_id: "offer_form",
      private_metadata: "draft-7",
      values: { title_block: { title: { type: "plain_text_input", value: "Spring sale" } } },
    });
    const response = await post(submission);
    expect(await response.json()).toEqual({
      response_action: "errors",
      errors: { title_block: "Spring sale (draft-7)" },
    });
  });

  it("delivers a form-encoded slash command and returns the ack text", async () => {
    const response = await post(
      slashCommand({ user: "U1", channel: "C1", command: "/offers", text: "live" }),
    );
    expect(await response.text()).toBe("you asked for live");
  });

  it("delivers a global shortcut", async () => {
    await post(globalShortcut({ user: "U1", callback_id: "new_offer" }));
    const reply = await fake.waitFor("chat.postMessage");
    expect(reply.body).toMatchObject({ channel: "U1", text: "shortcut" });
    // Slack posts to a user id in that user's DM.
    expect(reply.response.channel).toBe("D1");
  });
});
