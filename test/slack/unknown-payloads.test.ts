import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SlackHarness, startSlackHarness } from "./support.js";

/**
 * Signed requests Bolt has no listener for are answered at once: Slack waits 3 seconds for an
 * answer and then retries, so leaving them hanging only brings them back.
 */
describe("signed requests with nothing to handle", () => {
  let slack: SlackHarness;

  beforeAll(async () => {
    slack = await startSlackHarness();
  });

  afterAll(async () => {
    await slack.close();
  });

  async function timed(body: object): Promise<{ status: number; ms: number }> {
    const started = Date.now();
    const response = await slack.send(body);
    await response.arrayBuffer();
    return { status: response.status, ms: Date.now() - started };
  }

  it("acknowledges an event_callback with no event, or an empty one, with 200", async () => {
    for (const body of [
      { type: "event_callback", team_id: "T1", api_app_id: "A1", event_id: "EvEmpty1" },
      { type: "event_callback", team_id: "T1", api_app_id: "A1", event_id: "EvEmpty2", event: {} },
    ]) {
      const { status, ms } = await timed(body);
      expect(status).toBe(200);
      expect(ms).toBeLessThan(1_500);
    }
  });

  it("refuses an outer type it does not know with 400", async () => {
    const { status, ms } = await timed({ type: "something_new", team_id: "T1" });
    expect(status).toBe(400);
    expect(ms).toBeLessThan(1_500);
  });

  it("still answers a real DM", async () => {
    const response = await slack.dm("U_MARKETER", "hi");
    expect(response.status).toBe(200);
  });
});
