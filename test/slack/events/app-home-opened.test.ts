import { describe, expect, it } from "vitest";
import { appHomeOpenedEvent, eventCallback } from "../../fakes/slack/signed.js";
import { buttonsOf, textOf, useSlackHarness } from "../support.js";

/** Opening the Home tab shows the user a fresh Home: New offer, recent offers, open drafts. */

const h = useSlackHarness();

describe("app_home_opened", () => {
  it("publishes the Home tab to the user who opened it, with New offer and the recent offers' buttons", async () => {
    await h.send(eventCallback({ event: appHomeOpenedEvent("accountManager") }));
    const published = await h.fake.waitFor("views.publish", undefined, 10_000);
    expect(published.body).toMatchObject({ user_id: "accountManager", view: { type: "home" } });
    expect(textOf(published)).toMatch(/Recent offers/);
    expect(textOf(published)).toMatch(/Open drafts/);
    const labels = buttonsOf(published).map((button) => button.text.text);
    expect(labels[0]).toBe("New offer");
    expect(labels).toEqual(expect.arrayContaining(["Show", "Analytics"]));
  });

  it("leaves the Home tab alone when the user opens the Messages tab", async () => {
    const before = h.fake.callsTo("views.publish").length;
    await h.send(eventCallback({ event: { ...appHomeOpenedEvent("viewer"), tab: "messages" } }));
    await h.send(eventCallback({ event: appHomeOpenedEvent("approver") }));
    await h.fake.waitFor("views.publish", (call) => call.body.user_id === "approver", 10_000);
    expect(
      h.fake
        .callsTo("views.publish")
        .slice(before)
        .map((call) => call.body.user_id),
    ).toEqual(["approver"]);
  });
});
