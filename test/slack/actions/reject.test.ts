import { describe, expect, it } from "vitest";
import { blockAction } from "../../fakes/slack/signed.js";
import { APPROVALS_CHANNEL, buttonsOf, openedModal, postDraft, textOf, useSlackHarness } from "../support.js";

/** Reject on an approval card asks the approver why, in a modal; nothing is decided before its submission. */

const h = useSlackHarness();

/** An approval card in the approvals channel, for a draft `editorOnly` submitted. */
async function approvalCard(code: string) {
  await postDraft(h, "editorOnly", code);
  await h.click("editorOnly", "Submit for approval");
  return h.fake.waitFor(
    "chat.postMessage",
    (call) => call.body.channel === APPROVALS_CHANNEL && textOf(call).includes(code),
    10_000,
  );
}

function rejectOn(card: Awaited<ReturnType<typeof approvalCard>>, value?: string) {
  const reject = buttonsOf(card).find((button) => button.text.text === "Reject");
  if (!reject) throw new Error("no Reject on the approval card");
  return h.send(
    blockAction({
      user: "approver",
      action_id: reject.action_id,
      value: value ?? reject.value,
      channel: APPROVALS_CHANNEL,
      message_ts: String(card.response.ts),
      trigger_id: "66.T1.reject",
    }),
  );
}

describe("Reject", () => {
  it("opens the reason form for the approver and changes nothing yet", async () => {
    const card = await approvalCard("REJECTME20");
    const before = h.fake.calls.length;
    await rejectOn(card);
    const { call, view } = await openedModal(h, "reject_reason");
    expect(call.body.trigger_id).toBe("66.T1.reject");
    expect(view.title.text).toBe("Reject offer");
    expect(view.blocks).toEqual([
      expect.objectContaining({
        type: "input",
        block_id: "reason",
        element: expect.objectContaining({ multiline: true }),
      }),
    ]);
    expect(JSON.parse(view.private_metadata)).toMatchObject({ version: expect.any(Number) });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(h.fake.calls.slice(before).map((made) => made.method)).toEqual(["views.open"]);
  });

  it("opens nothing for a Reject whose value names no version of the draft", async () => {
    const card = await approvalCard("NOVERSION20");
    const reject = buttonsOf(card).find((button) => button.text.text === "Reject");
    const { k } = JSON.parse(reject?.value ?? "{}") as { k: string };
    const opened = h.fake.callsTo("views.open").length;
    const response = await rejectOn(card, JSON.stringify({ k, v: "latest" }));
    expect(response.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(h.fake.callsTo("views.open")).toHaveLength(opened);
  });
});
