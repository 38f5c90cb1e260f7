import { describe, expect, it } from "vitest";
import { eventCallback } from "../../fakes/slack/signed.js";
import { SEED_MESSAGE } from "../../support/seed.js";
import { useSlackHarness } from "../support.js";

/** Opening the agent view greets the user with prompts that show what the bot understands. */

const h = useSlackHarness();

const threadStarted = (channel_id: string, thread_ts: string) =>
  eventCallback({
    event: {
      type: "assistant_thread_started",
      assistant_thread: { user_id: "dealerMarketer", channel_id, thread_ts, context: {} },
      event_ts: thread_ts,
    },
  });

describe("assistant_thread_started", () => {
  it("suggests three prompts, the seed's example first, in the thread the user opened", async () => {
    const response = await h.send(threadStarted("DdealerMarketer", "1795000100.000001"));
    expect(response.status).toBe(200);
    const call = await h.fake.waitFor("assistant.threads.setSuggestedPrompts", undefined, 5_000);
    const body = call.body as { channel_id: string; thread_ts: string; title: string; prompts: unknown };
    expect(body).toMatchObject({
      channel_id: "DdealerMarketer",
      thread_ts: "1795000100.000001",
      title: "Create an offer by describing it",
    });
    const prompts = body.prompts as { title: string; message: string }[];
    expect(prompts).toHaveLength(3);
    expect(prompts[0]).toEqual({ title: "The seed example", message: SEED_MESSAGE });
    expect(prompts.map((prompt) => prompt.title)).toContain("Start from scratch");
  });
});
