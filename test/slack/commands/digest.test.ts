import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OFFER_MENU_ACTION } from "../../../src/views/slack/index.js";
import { type FakeSlackCall, RESPONSE_URL, UPLOAD } from "../../fakes/slack/server.js";
import { blockAction, slashCommand } from "../../fakes/slack/signed.js";
import { USERS } from "../../support/bot.js";
import { type SlackHarness, startSlackHarness, textOf, waitUntil } from "../support.js";

/**
 * `/offers digest …` end to end: Slack's signed requests into the real Bolt app, digests started on
 * the app's own outbound port (as src/main.ts starts them), and the fake Slack Web API seeing the
 * chart uploaded and the digest posted, its line menus acting on the offers.
 */

// Slack user ids (U…), so a post to the user lands in their DM (D…) as Slack answers it.
const MANAGER = "UMANAGER"; // accountManager: an unscoped publisher
const VIEWER = "UVIEWER";
const PROMOS = "CPROMOS";
const MARKETING = "CMARKETING";
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

let h: SlackHarness;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "kigo-digest-roles-"));
  const rolesFile = join(dir, "roles.json");
  writeFileSync(
    rolesFile,
    JSON.stringify({ unknownUsers: [], users: { [MANAGER]: USERS.accountManager, [VIEWER]: USERS.viewer } }),
  );
  h = await startSlackHarness({ env: { ROLES_FILE: rolesFile }, digests: true });
  h.fake.addChannel(PROMOS, "dealer-promos");
  h.fake.addChannel(MARKETING, "marketing");
  h.fake.addChannel("CVIP", "vip-lounge", { member: false });
});

afterAll(async () => {
  await h?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** `user` types `/offers <text>` in `channel`; resolves with what came back on the command's response_url. */
async function offers(user: string, text: string, channel = MARKETING): Promise<string> {
  const before = h.fake.callsTo(RESPONSE_URL).length;
  const response = await h.send(
    slashCommand({ user, channel, command: "/offers", text, response_url: h.fake.responseUrl() }),
  );
  expect(response.status).toBe(200);
  await waitUntil(() => h.fake.callsTo(RESPONSE_URL).length > before, 15_000);
  const answer = h.fake.callsTo(RESPONSE_URL)[before] as FakeSlackCall;
  expect(answer.body.response_type).toBe("ephemeral");
  return textOf(answer);
}

type Option = { text: { type: "plain_text"; text: string }; value: string };
type Block = {
  type: string;
  slack_file?: { id: string };
  text?: { text: string };
  accessory?: { type: string; action_id?: string; options?: Option[] };
};
const blocksOf = (call: FakeSlackCall) => (call.body.blocks ?? []) as Block[];
/** The sections of a digest that are offer lines: "*Title* (#12) — …". */
const offerLines = (call: FakeSlackCall) =>
  blocksOf(call).filter((block) => block.type === "section" && /\(#\d+\) — /.test(block.text?.text ?? ""));

const choose = (user: string, option: Option, message: FakeSlackCall) =>
  h.send(
    blockAction({
      user,
      action_id: OFFER_MENU_ACTION,
      selected_option: option,
      channel: String(message.response.channel),
      message_ts: String(message.response.ts),
    }),
  );

let subscriptionId = "";

describe("/offers digest in Slack", () => {
  it("subscribes a channel the bot is in, by its #name", async () => {
    const answer = await offers(
      MANAGER,
      "digest subscribe #dealer-promos weekly on monday at 9 merchant:Heartland",
    );
    expect(answer).toMatch(
      /Subscribed #dealer-promos to the weekly digest for Heartland Ag Equipment, Mondays at 9:00 AM \(America\/Chicago\) \(subscription \d+\)/,
    );
    subscriptionId = /\(subscription (\d+)\)/.exec(answer)?.[1] ?? "";
    expect(await h.app.digests.service.get(subscriptionId)).toMatchObject({
      channel: PROMOS,
      channelName: "#dealer-promos",
      cron: "0 9 * * 1",
    });
  });

  it("runs it now: the chart uploaded as a PNG, then the digest posted to the channel showing that file", async () => {
    const before = h.fake.calls.length;
    expect(await offers(MANAGER, `digest run ${subscriptionId}`)).toContain(
      "Posted the weekly digest to #dealer-promos.",
    );
    const steps = ["files.getUploadURLExternal", UPLOAD, "files.completeUploadExternal", "chat.postMessage"];
    const made = h.fake.calls.slice(before).filter((call) => steps.includes(call.method));
    expect(made.map((call) => call.method)).toEqual(steps);
    const [asked, upload, completed, post] = made as [
      FakeSlackCall,
      FakeSlackCall,
      FakeSlackCall,
      FakeSlackCall,
    ];
    const fileId = asked.response.file_id;
    expect(upload.body.file_id).toBe(fileId);
    expect((upload.body.content as Buffer).subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(completed.body.files).toEqual([expect.objectContaining({ id: fileId })]);
    expect(post.body.channel).toBe(PROMOS);
    expect(post.response.ok).toBe(true);
    expect(textOf(post)).toContain("Heartland Ag Equipment");
    expect(blocksOf(post).filter((block) => block.type === "image")).toEqual([
      expect.objectContaining({ slack_file: { id: fileId } }),
    ]);
    const lines = offerLines(post);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines)
      expect(line.accessory).toMatchObject({ type: "overflow", action_id: OFFER_MENU_ACTION });
  });

  it("pauses an offer from the digest's line menu for a publisher, and refuses a viewer", async () => {
    const post = await h.fake.waitFor("chat.postMessage", (call) => call.body.channel === PROMOS);
    const withPause = offerLines(post).flatMap((line) => {
      const pause = line.accessory?.options?.find((option) => option.text.text === "Pause");
      const offerId = Number(/\(#(\d+)\)/.exec(line.text?.text ?? "")?.[1]);
      return pause ? [{ pause, offerId }] : [];
    });
    const [first] = withPause;
    if (!first) throw new Error(`no line with Pause in ${textOf(post)}`);
    const { pause, offerId } = first;
    expect((await h.app.client.getOffer(offerId)).offer_status).toBe("active");

    expect((await choose(VIEWER, pause, post)).status).toBe(200);
    const refusal = await h.fake.waitFor(
      "chat.postEphemeral",
      (call) => call.body.user === VIEWER && /publisher/.test(textOf(call)),
      10_000,
    );
    expect(refusal.body.channel).toBe(PROMOS);
    expect((await h.app.client.getOffer(offerId)).offer_status).toBe("active");

    expect((await choose(MANAGER, pause, post)).status).toBe(200);
    await waitUntil(async () => (await h.app.client.getOffer(offerId)).offer_status === "paused");
  });

  it("names a channel it cannot find, and asks to be invited to one it is not in", async () => {
    expect(await offers(MANAGER, "digest subscribe #not-a-channel weekly")).toContain(
      "I can't find a channel called #not-a-channel. Check the spelling, or pick it from the list with #.",
    );
    expect(await offers(MANAGER, "digest subscribe #vip-lounge weekly")).toContain(
      "I'm not in #vip-lounge yet: invite me with /invite @Kigo Offers, then subscribe again.",
    );
    const channels = (await h.app.digests.service.all()).map((subscription) => subscription.channelName);
    expect(channels).not.toContain("#vip-lounge");
    expect(channels).not.toContain("#not-a-channel");
  });

  it("previews a digest in the user's DM, not in the channel it was asked in", async () => {
    const before = h.fake.calls.length;
    expect(await offers(MANAGER, "digest preview merchant:Heartland", PROMOS)).toContain(
      "That's a preview of the weekly digest for Heartland Ag Equipment, shown only to you.",
    );
    const posts = h.fake.calls.slice(before).filter((call) => call.method === "chat.postMessage");
    expect(posts.map((call) => [call.body.channel, call.response.channel])).toEqual([[MANAGER, "DMANAGER"]]);
    expect(textOf(posts[0] as FakeSlackCall)).toContain("Weekly offer digest · Heartland Ag Equipment");
  });

  it("subscribes from a sentence typed in a DM", async () => {
    await h.dm(MANAGER, "send a weekly digest to #dealer-promos on fridays at 8am");
    const answer = await h.fake.waitFor(
      "chat.postMessage",
      (call) => /Subscribed #dealer-promos/.test(textOf(call)) && call.body.channel !== PROMOS,
      15_000,
    );
    expect(textOf(answer)).toMatch(
      /Subscribed #dealer-promos to the weekly digest for all offers, Fridays at 8:00 AM \(America\/Chicago\)/,
    );
    const id = /\(subscription (\d+)\)/.exec(textOf(answer))?.[1] ?? "";
    expect(await h.app.digests.service.get(id)).toMatchObject({
      channel: PROMOS,
      cron: "0 8 * * 5",
      scope: { label: "all offers", merchantIds: [] },
    });
  });

  it("subscribes the DM a command is typed in when no channel is named", async () => {
    expect(await offers(MANAGER, "digest subscribe daily at 7am", "DMANAGER")).toContain(
      "Subscribed your DM with me to the daily digest for all offers, every day at 7:00 AM",
    );
    const mine = (await h.app.digests.service.all()).filter(
      (subscription) => subscription.channel === "DMANAGER",
    );
    expect(mine.map((subscription) => subscription.cron)).toEqual(["0 7 * * *"]);
  });
});
