import { describe, expect, it } from "vitest";
import { ApprovalWorkflow } from "../../src/core/approvals.js";
import type { Destination, Outbound, OutboundMessage, PostedMessage } from "../../src/core/outbound.js";
import type { PreviewModel, Reply } from "../../src/core/view-models.js";
import { MemoryKeyValueStore } from "../../src/stores/kv.js";

/** An outbound port that keeps what was posted, as a channel would show it. */
function recordingOutbound() {
  const posted: { to: Destination; message: OutboundMessage }[] = [];
  const updated: { posted: PostedMessage; message: OutboundMessage }[] = [];
  const outbound: Outbound = {
    async post(to, message) {
      posted.push({ to, message });
      return { channel: "CAPPROVALS", id: `m${posted.length}` };
    },
    async update(card, message) {
      updated.push({ posted: card, message });
      return true;
    },
    async tell() {},
    async channel(typed) {
      return { channel: typed, name: typed };
    },
  };
  return { outbound, posted, updated };
}

const preview = (status: PreviewModel["status"], rejectedReason?: string): Reply => ({
  kind: "preview",
  notes: [],
  actions: [],
  preview: {
    draftId: "d1",
    version: 3,
    status,
    title: "20% off lattes",
    summary: "",
    sections: [],
    issues: [],
    approval: { submittedBy: "UEDITOR", ...(rejectedReason ? { rejectedReason } : {}) },
  },
});

describe("ApprovalWorkflow", () => {
  it("posts one request per submitted version and closes it with the outcome", async () => {
    const { outbound, posted, updated } = recordingOutbound();
    const approvals = new ApprovalWorkflow({
      kv: new MemoryKeyValueStore(),
      outbound,
      channel: "CAPPROVALS",
      ttlSeconds: 60,
    });
    const submitted: Parameters<ApprovalWorkflow["afterDecision"]>[0] = {
      actionId: "submit",
      threadKey: "t1",
      replies: [preview("pending_approval")],
      userId: "UEDITOR",
    };
    await approvals.afterDecision(submitted);
    await approvals.afterDecision(submitted);
    expect(posted).toHaveLength(1);
    expect(posted[0]?.to).toEqual({ channel: "CAPPROVALS" });
    expect(posted[0]?.message).toMatchObject({
      kind: "approval_request",
      request: { threadKey: "t1", authorId: "UEDITOR" },
    });

    const published: Reply = {
      kind: "published",
      offerId: 42,
      title: "20% off lattes",
      created: [],
      workarounds: [],
    };
    await approvals.afterDecision({
      actionId: "approve",
      threadKey: "t1",
      replies: [published],
      userId: "UAPPROVER",
    });
    expect(updated).toEqual([
      {
        posted: { channel: "CAPPROVALS", id: "m1" },
        message: {
          kind: "approval_outcome",
          outcome: { approverId: "UAPPROVER", publishedOfferId: 42, title: "20% off lattes" },
        },
      },
    ]);
  });

  it("leaves the card alone after a refusal, and posts nothing without an approvers' channel", async () => {
    const { outbound, posted, updated } = recordingOutbound();
    const kv = new MemoryKeyValueStore();
    await new ApprovalWorkflow({ kv, outbound, ttlSeconds: 60 }).afterDecision({
      actionId: "submit",
      threadKey: "t2",
      replies: [preview("pending_approval")],
      userId: "UEDITOR",
    });
    const refusal: Reply = { kind: "notice", tone: "error", text: "You need the approver role." };
    await new ApprovalWorkflow({ kv, outbound, channel: "C", ttlSeconds: 60 }).afterDecision({
      actionId: "approve",
      threadKey: "t2",
      replies: [refusal],
      userId: "UEDITOR",
    });
    expect(posted).toEqual([]);
    expect(updated).toEqual([]);
  });
});
