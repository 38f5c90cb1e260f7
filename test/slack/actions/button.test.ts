import { describe, expect, it } from "vitest";
import { actionIdPattern, type ButtonArgs, buttonOf } from "../../../src/bot/slack/actions/button.js";
import { type BlockActionArgs, blockAction } from "../../fakes/slack/signed.js";
import { postDraft, useSlackHarness } from "../support.js";

/**
 * What a click means, read from the payload exactly as Slack sends it (the signed-request builder's
 * form body); and, through the real app, that a click it cannot read is acknowledged and ignored.
 */

const THREAD = "slack:T1:DdealerMarketer:main";
const value = (threadKey: string, v: string) => JSON.stringify({ k: threadKey, v });

/** The listener's arguments for a click: Bolt hands it the payload and its first action. */
function argsOf(click: BlockActionArgs): ButtonArgs {
  const payload = JSON.parse(blockAction(click).get("payload") ?? "{}");
  return { body: payload, action: payload.actions[0] } as unknown as ButtonArgs;
}

describe("buttonOf", () => {
  it("reads a click on a message: the conversation, the action's value, who clicked, where and the trigger", () => {
    const button = buttonOf(
      argsOf({
        user: "dealerMarketer",
        action_id: "publish",
        value: value(THREAD, "v3"),
        channel: "DdealerMarketer",
        message_ts: "1795000000.000100",
        trigger_id: "42.T1.click",
      }),
    );
    expect(button).toEqual({
      id: "publish",
      threadKey: THREAD,
      value: "v3",
      userId: "dealerMarketer",
      team: "T1",
      channel: "DdealerMarketer",
      messageTs: "1795000000.000100",
      triggerId: "42.T1.click",
    });
  });

  it("reads a click on the Home tab as coming from no channel and no message", () => {
    const button = buttonOf(
      argsOf({
        user: "viewer",
        action_id: "offer_show:2",
        value: value("", "7"),
        view: { id: "VHOME", type: "home" },
      }),
    );
    expect(button).toMatchObject({ id: "offer_show", threadKey: "", value: "7", userId: "viewer" });
    expect(button).not.toHaveProperty("channel");
    expect(button).not.toHaveProperty("messageTs");
  });

  it("refuses a button that is not ours or whose value was tampered with", () => {
    const click = { user: "viewer", channel: "CX" };
    expect(
      buttonOf(argsOf({ ...click, action_id: "frobnicate", value: value(THREAD, "1") })),
    ).toBeUndefined();
    expect(buttonOf(argsOf({ ...click, action_id: "publish:x", value: value(THREAD, "1") }))).toBeUndefined();
    expect(buttonOf(argsOf({ ...click, action_id: "publish", value: "v3" }))).toBeUndefined();
    expect(
      buttonOf(argsOf({ ...click, action_id: "publish", value: JSON.stringify({ v: "v3" }) })),
    ).toBeUndefined();
    expect(buttonOf(argsOf({ ...click, action_id: "publish", value: "" }))).toBeUndefined();
  });
});

describe("actionIdPattern", () => {
  it("matches the listed ids, alone or with a button's index, and nothing else", () => {
    const pattern = actionIdPattern(["publish", "offer_show"]);
    expect(["publish", "offer_show", "offer_show:12"].filter((id) => pattern.test(id))).toHaveLength(3);
    expect(
      ["publisher", "xpublish", "offer_show:", "offer_show:1:2", "edit"].some((id) => pattern.test(id)),
    ).toBe(false);
  });
});

describe("a click the bot cannot read", () => {
  const h = useSlackHarness();

  it("is acknowledged and changes nothing", async () => {
    const card = await postDraft(h, "dealerMarketer", "TAMPER20");
    const before = h.fake.calls.length;
    const response = await h.send(
      blockAction({
        user: "dealerMarketer",
        action_id: "publish",
        value: "not-our-value",
        channel: String(card.response.channel),
        message_ts: String(card.response.ts),
      }),
    );
    expect(response.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(h.fake.calls.slice(before).map((call) => call.method)).toEqual([]);
    expect(await h.app.client.promoCodes.list({ promo_code: "TAMPER20" })).toEqual([]);
  });
});
