import { afterEach, describe, expect, it } from "vitest";
import type { FakeSlackCall } from "../fakes/slack/server.js";
import { SEED_MESSAGE } from "../support/seed.js";
import { APPROVALS_CHANNEL, buttonsOf, type SlackHarness, startSlackHarness } from "./support.js";

/** "Submit for approval" is offered only where a request can go, and says where it went. */

let h: SlackHarness | undefined;

afterEach(async () => {
  await h?.close();
  h = undefined;
});

const bodyOf = (call: FakeSlackCall) => JSON.stringify(call.body);

describe("approval requests", () => {
  it("without SLACK_APPROVALS_CHANNEL: no Submit button, and a typed request says no approver was notified", async () => {
    h = await startSlackHarness({ approvals: false });
    const code = "NOAPPR20";
    await h.dm("editorOnly", SEED_MESSAGE.replace("DEALER20", code));
    const card = await h.fake.waitFor("chat.postMessage", (call) => bodyOf(call).includes(code), 10_000);
    const labels = buttonsOf(card).map((button) => button.text.text);
    expect(labels).toContain("Publish");
    expect(labels).not.toContain("Submit for approval");

    await h.dm("editorOnly", "submit for approval");
    const pending = await h.fake.waitFor(
      "chat.update",
      (call) => /Waiting for approval/.test(bodyOf(call)),
      10_000,
    );
    expect(bodyOf(pending)).toContain("no approvals channel is set up, so no approver was notified");
  });

  it("with it: the card names the channel the request was posted in", async () => {
    h = await startSlackHarness();
    const code = "WITHAPPR20";
    await h.dm("editorOnly", SEED_MESSAGE.replace("DEALER20", code));
    await h.fake.waitFor("chat.postMessage", (call) => bodyOf(call).includes(code), 10_000);
    await h.click("editorOnly", "Submit for approval");
    await h.fake.waitFor(
      "chat.postMessage",
      (call) => (call.body as { channel: string }).channel === APPROVALS_CHANNEL,
      10_000,
    );
    const pending = await h.fake.waitFor(
      "chat.update",
      (call) => /Waiting for approval/.test(bodyOf(call)),
      10_000,
    );
    expect(bodyOf(pending)).toContain(`request posted in <#${APPROVALS_CHANNEL}>`);
  });

  it("a request typed in words posts the same approval card as the button", async () => {
    h = await startSlackHarness();
    const code = "WORDAPPR20";
    await h.dm("editorOnly", SEED_MESSAGE.replace("DEALER20", code));
    await h.fake.waitFor("chat.postMessage", (call) => bodyOf(call).includes(code), 10_000);
    await h.dm("editorOnly", "submit it for approval");
    const request = await h.fake.waitFor(
      "chat.postMessage",
      (call) => (call.body as { channel: string }).channel === APPROVALS_CHANNEL,
      10_000,
    );
    expect(bodyOf(request)).toContain(code);
  });
});
