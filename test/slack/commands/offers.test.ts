import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RESPONSE_URL } from "../../fakes/slack/server.js";
import { slashCommand } from "../../fakes/slack/signed.js";
import { type SlackHarness, startSlackHarness } from "../support.js";

/** `/offers` answers through the command's response_url, which reaches every conversation. */

let h: SlackHarness;

beforeAll(async () => {
  h = await startSlackHarness();
});

afterAll(async () => {
  await h.close();
});

const offers = (channel: string, text: string) =>
  h.send(
    slashCommand({
      user: "accountManager",
      channel,
      command: "/offers",
      text,
      response_url: h.fake.responseUrl(),
    }),
  );

describe("/offers", () => {
  it("answers in a channel the bot is not in, to the asking user only", async () => {
    h.fake.keepBotOut("COUTSIDE");
    await offers("COUTSIDE", "show 2");
    const answer = await h.fake.waitFor(RESPONSE_URL, (call) => /#2/.test(JSON.stringify(call.body)), 10_000);
    expect(answer.body).toMatchObject({ response_type: "ephemeral" });
    expect(h.fake.callsTo("chat.postEphemeral")).toEqual([]);
  });

  it("answers in a DM between two people", async () => {
    h.fake.keepBotOut("DPEOPLE");
    await offers("DPEOPLE", "help");
    const answer = await h.fake.waitFor(
      RESPONSE_URL,
      (call) => /\/offers commands/.test(JSON.stringify(call.body)),
      10_000,
    );
    expect(answer.body).toMatchObject({ response_type: "ephemeral" });
  });

  it("posts in the channel with share", async () => {
    h.fake.keepBotOut("CSHARED");
    await offers("CSHARED", "show 3 share");
    const answer = await h.fake.waitFor(RESPONSE_URL, (call) => /#3/.test(JSON.stringify(call.body)), 10_000);
    expect(answer.body).toMatchObject({ response_type: "in_channel" });
  });
});
