import { describe, expect, it } from "vitest";
import {
  channelRoot,
  channelThread,
  conversationUpdate,
  mention,
  message,
  personalChat,
} from "../fakes/teams/activities.js";
import { SEED_MESSAGE } from "../support/seed.js";
import { clickActivity, messageIdOf, newestCardWith, textOf, useTeamsHarness } from "./support.js";

const APPROVALS = channelRoot("kigo-approvals");
const harness = useTeamsHarness({ approvalsChannel: APPROVALS.conversationId, digests: true });
const manager = { aadObjectId: "accountManager" };
const editor = { aadObjectId: "editorOnly" };
const approver = { aadObjectId: "approver" };

const allText = () =>
  harness.h.connector
    .cards()
    .map(({ card }) => textOf(card))
    .join("\n");

describe("Teams proactive posts through the outbound port", () => {
  it("subscribes a channel it has seen to the digest, and posts it there on `digest run`", async () => {
    const { h } = harness;
    const promos = channelThread("dealer-promos", "1700000000100");
    await h.send(mention(h.connector.url, manager, promos, "hello"));
    await h.settle();
    await h.send(mention(h.connector.url, manager, promos, "/offers digest subscribe weekly"));
    await h.settle();
    const id = /\(subscription (\d+)\)/.exec(allText())?.[1];
    expect(id, allText()).toBeDefined();
    const channel = promos.channel?.id ?? "";
    expect(await h.app.digests.service.get(id ?? "")).toMatchObject({ channel });

    const before = h.connector.calls.length;
    await h.send(mention(h.connector.url, manager, promos, `/offers digest run ${id}`));
    await h.settle();
    const digest = h.connector
      .cards((call) => h.connector.calls.indexOf(call) >= before && call.conversationId === channel)
      .find(({ card }) => /digest/i.test(textOf(card)));
    expect(digest, allText()).toBeDefined();
    expect(digest?.call.method).toBe("POST");
    expect(digest?.call.activityId).toBeUndefined();
  });

  it("posts an approval request to the approvals channel; Approve publishes and updates that card", async () => {
    const { h } = harness;
    await h.send(conversationUpdate(h.connector.url, manager, APPROVALS));
    const code = "TEAMSAPPR20";
    const chat = personalChat("editorOnly-approval");
    await h.send(message(h.connector.url, editor, chat, SEED_MESSAGE.replace("DEALER20", code)));
    await h.settle();
    const submit = newestCardWith(h.connector, chat.conversationId, "Submit for approval");
    await h.send(clickActivity(h.connector.url, editor, chat, submit.action, submit.messageId));
    await h.settle();

    const request = newestCardWith(h.connector, APPROVALS.conversationId, "Approve & publish");
    expect(request.call.method).toBe("POST");
    expect(textOf(request.card)).toContain(code);

    const clicked = await h.send(
      clickActivity(h.connector.url, approver, APPROVALS, request.action, messageIdOf(request.call)),
    );
    expect(clicked.status).toBe(200);
    await h.settle();
    expect(await h.app.client.promoCodes.list({ promo_code: code })).toHaveLength(1);
    const updated = h.connector.calls.findLast(
      (call) => call.method === "PUT" && call.conversationId === APPROVALS.conversationId,
    );
    expect(updated?.activityId).toBe(request.messageId);
  });
});
