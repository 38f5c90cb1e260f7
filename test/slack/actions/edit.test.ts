import { describe, expect, it } from "vitest";
import { nextTs } from "../../fakes/slack/ids.js";
import { blockAction } from "../../fakes/slack/signed.js";
import { buttonsOf, inputsOf, openedModal, postDraft, textOf, useSlackHarness } from "../support.js";

/** Edit opens the draft's form, filled in; on an old copy of the card it tells the clicker alone. */

const h = useSlackHarness();

/** `user` clicks the Edit button of `card`, on the message with `message_ts` (the card's own by default). */
function clickEdit(
  card: Awaited<ReturnType<typeof postDraft>>,
  user: string,
  extra: { message_ts?: string; trigger_id?: string } = {},
) {
  const edit = buttonsOf(card).find((button) => button.text.text === "Edit");
  if (!edit) throw new Error("no Edit on the card");
  return h.send(
    blockAction({
      user,
      action_id: edit.action_id,
      value: edit.value,
      channel: String(card.response.channel),
      message_ts: extra.message_ts ?? String(card.response.ts),
      ...(extra.trigger_id ? { trigger_id: extra.trigger_id } : {}),
    }),
  );
}

describe("Edit", () => {
  it("opens the edit form with the click's trigger, filled in from the draft", async () => {
    const card = await postDraft(h, "dealerMarketer", "EDITME20");
    await clickEdit(card, "dealerMarketer", { trigger_id: "91.T1.edit" });
    const { call, view } = await openedModal(h, "edit_draft");
    expect(call.body.trigger_id).toBe("91.T1.edit");
    expect(view.title.text).toBe("Edit offer");
    expect(view.submit?.text).toBe("Save changes");
    expect(inputsOf(view)).toEqual(expect.arrayContaining(["offerValue", "promoCode", "totalBudget"]));
    const promoCode = view.blocks.find((block) => block.block_id === "promoCode");
    expect(promoCode?.element?.initial_value).toBe("EDITME20");
    expect(JSON.parse(view.private_metadata)).toMatchObject({ version: expect.any(Number) });
  });

  it("on an older copy of the card, tells only the clicker to use the latest one and opens nothing", async () => {
    const card = await postDraft(h, "editorOnly", "OLDCOPY20");
    const opened = h.fake.callsTo("views.open").length;
    await clickEdit(card, "editorOnly", { message_ts: nextTs() });
    const told = await h.fake.waitFor(
      "chat.postEphemeral",
      (call) => /out of date/.test(textOf(call)),
      10_000,
    );
    expect(told.body).toMatchObject({ user: "editorOnly", channel: card.response.channel });
    expect(h.fake.callsTo("views.open")).toHaveLength(opened);
  });
});
