import { describe, expect, it } from "vitest";
import type { FakeSlackCall } from "../../fakes/slack/server.js";
import {
  APPROVALS_CHANNEL,
  buttonsOf,
  modalAnswer,
  openedModal,
  postDraft,
  submitModal,
  textInput,
  textOf,
  useSlackHarness,
} from "../support.js";

/** The approver's reason: the approval card says who rejected it and why; the author reads it in their thread. */

const h = useSlackHarness();

/** `author` submits a draft; `approver` clicks Reject on its approval card. */
async function rejectForm(author: string, code: string) {
  const authorCard = await postDraft(h, author, code);
  await h.click(author, "Submit for approval");
  const approvalCard = await h.fake.waitFor(
    "chat.postMessage",
    (call) => call.body.channel === APPROVALS_CHANNEL && textOf(call).includes(code),
    10_000,
  );
  const opened = h.fake.callsTo("views.open").length;
  await h.click("approver", "Reject");
  const isNew = (call: FakeSlackCall) => h.fake.callsTo("views.open").indexOf(call) >= opened;
  const { view } = await openedModal(h, "reject_reason", isNew);
  return { authorCard, approvalCard, view };
}

describe("the reject reason's submission", () => {
  it("asks again, under the reason, when it is blank", async () => {
    const { view } = await rejectForm("editorOnly", "BLANK20");
    const before = h.fake.calls.length;
    const answer = await modalAnswer(await submitModal(h, "approver", view, textInput("reason", "   ")));
    expect(answer).toEqual({
      response_action: "errors",
      errors: { reason: "Please say why, so the author can fix it." },
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(h.fake.calls.slice(before)).toEqual([]);
  });

  it("closes the modal, tells the author why in their thread, reopens their draft and closes the approval card", async () => {
    const { authorCard, approvalCard, view } = await rejectForm("dealerMarketer", "REASON20");
    const answer = await modalAnswer(
      await submitModal(h, "approver", view, textInput("reason", "Use the Q4 title")),
    );
    expect(answer).toEqual({});

    const told = await h.fake.waitFor(
      "chat.postMessage",
      (call) => /Rejected: Use the Q4 title/.test(textOf(call)),
      10_000,
    );
    expect(told.body).toMatchObject({ channel: authorCard.response.channel });
    expect(textOf(told)).toMatch(/open again for changes/);
    const reopened = await h.fake.waitFor(
      "chat.update",
      (call) => call.body.ts === authorCard.response.ts,
      10_000,
    );
    expect(buttonsOf(reopened).map((button) => button.text.text)).toContain("Edit");
    const closed = await h.fake.waitFor(
      "chat.update",
      (call) => call.body.ts === approvalCard.response.ts && /Rejected by/.test(textOf(call)),
      10_000,
    );
    expect(textOf(closed)).toContain("Use the Q4 title");
    expect(buttonsOf(closed)).toEqual([]);
  });
});
