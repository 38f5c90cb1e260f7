import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventCallback, messageEvent } from "../fakes/slack/signed.js";
import { type SlackHarness, startSlackHarness } from "./support.js";

/** Signed requests are accepted only within 5 minutes of now, on either side. */

let h: SlackHarness;

beforeAll(async () => {
  h = await startSlackHarness();
});

afterAll(async () => {
  await h.close();
});

const dmAt = (timestamp: number) =>
  h.send(
    eventCallback({
      event: messageEvent({ channel: "DviewerX", user: "viewer", text: "hi", channel_type: "im" }),
    }),
    { timestamp },
  );

const now = () => Math.floor(Date.now() / 1000);

describe("the request timestamp", () => {
  it("refuses a request stamped more than 5 minutes ahead, as one 5 minutes old", async () => {
    // A few seconds past the limit: at exactly 301 the clock's next second could land it inside.
    expect((await dmAt(now() - 305)).status).toBe(401);
    expect((await dmAt(now() + 305)).status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(h.fake.callsTo("chat.postMessage")).toEqual([]);
  });

  it("accepts one within the window", async () => {
    expect((await dmAt(now() + 60)).status).toBe(200);
    await h.fake.waitFor("chat.postMessage", undefined, 10_000);
  });
});
