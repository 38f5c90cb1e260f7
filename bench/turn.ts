import { type FakeSlack, type FakeSlackCall, startFakeSlack } from "../test/fakes/slack/server.js";
import { blockAction, eventCallback, messageEvent, signedPost } from "../test/fakes/slack/signed.js";
import { buttonsOf } from "../test/slack/support.js";
import { type PartResult, target } from "./results.js";
import { type Percentiles, percentiles } from "./stats.js";
import { cpuMs, flushRedis, SIGNING_SECRET, sleep, startBot, startSandbox } from "./system.js";

/**
 * End-to-end turns: a signed Slack request in, until the fake Slack receives what the user sees
 * first (a post, or the preview card updated in place). The bot runs as production does (compiled,
 * Redis checkpointer, rules, the Kigo sandbox as a server of its own); one turn at a time.
 */

const USERS = 40;
const WARM_UP_USERS = 5;
const P95_TARGET_MS = 50;

const KINDS = ["greeting", "one-message offer", "correction", "Publish click"] as const;
type Kind = (typeof KINDS)[number];

/** The first chat.postMessage or chat.update to `channel` after the first `before` calls. */
function firstAnswer(fake: FakeSlack, channel: string, before: number): Promise<FakeSlackCall> {
  const after = (call: FakeSlackCall) =>
    call.body.channel === channel && fake.calls.lastIndexOf(call) >= before;
  const waits = ["chat.postMessage", "chat.update"].map((method) => fake.waitFor(method, after, 10_000));
  // The other one times out unheard.
  for (const wait of waits) wait.catch(() => undefined);
  return Promise.any(waits);
}

/** Until the fake Slack has heard nothing for a while. */
async function quiet(fake: FakeSlack, ms = 150): Promise<void> {
  let seen = -1;
  while (seen !== fake.calls.length) {
    seen = fake.calls.length;
    await sleep(ms);
  }
}

export async function run(): Promise<PartResult> {
  await flushRedis();
  const fake = await startFakeSlack();
  const sandbox = await startSandbox();
  const bot = await startBot({ slackApiUrl: fake.apiUrl, kigo: { url: sandbox.url, token: sandbox.token } });
  const timings: Record<Kind, number[]> = {
    greeting: [],
    "one-message offer": [],
    correction: [],
    "Publish click": [],
  };
  /** CPU of the bot and of the Kigo sandbox over each kind's turns, whole turns (to quiet). */
  const cpu = Object.fromEntries(KINDS.map((kind) => [kind, { bot: 0, kigo: 0 }])) as Record<
    Kind,
    { bot: number; kigo: number }
  >;
  try {
    const send = (body: object | URLSearchParams) =>
      signedPost(`${bot.url}/slack/events`, SIGNING_SECRET, body);
    const timed = async (
      kind: Kind,
      channel: string,
      request: () => Promise<Response>,
      measured: boolean,
    ) => {
      const before = fake.calls.length;
      const cpuBefore = { bot: cpuMs(bot.pid), kigo: cpuMs(sandbox.pid) };
      const started = performance.now();
      const answered = firstAnswer(fake, channel, before);
      const response = await request();
      if (!response.ok) throw new Error(`${kind}: HTTP ${response.status}`);
      const call = await answered;
      if (measured) timings[kind].push(performance.now() - started);
      // The rest of the turn (a note after the updated card, say) lands before the next request.
      await quiet(fake);
      if (measured) {
        cpu[kind].bot += cpuMs(bot.pid) - cpuBefore.bot;
        cpu[kind].kigo += cpuMs(sandbox.pid) - cpuBefore.kigo;
      }
      return call;
    };
    for (let index = 0; index < WARM_UP_USERS + USERS; index += 1) {
      const measured = index >= WARM_UP_USERS;
      const user = `UT${index}`;
      const channel = `DT${index}`;
      const dm = (text: string) =>
        send(eventCallback({ event: messageEvent({ channel, user, text, channel_type: "im" }) }));
      await timed("greeting", channel, () => dm("hi"), measured);
      const preview = await timed(
        "one-message offer",
        channel,
        () =>
          dm(
            `20% off all equipment at Heartland in December, code TURN${index}, 3 uses per customer, 1000 total, budget $50k`,
          ),
        measured,
      );
      if (!JSON.stringify(preview.body).includes(`TURN${index}`))
        throw new Error(`no preview for TURN${index}: ${JSON.stringify(preview.body).slice(0, 300)}`);
      const corrected = await timed("correction", channel, () => dm("make it 25%"), measured);
      if (!JSON.stringify(corrected.body).includes("25%"))
        throw new Error(`the correction did not show: ${JSON.stringify(corrected.body).slice(0, 300)}`);
      const card = [...fake.calls]
        .reverse()
        .find(
          (call) => call.body.channel === channel && buttonsOf(call).some((b) => b.text.text === "Publish"),
        );
      const publish = card && buttonsOf(card).find((button) => button.text.text === "Publish");
      const ts = card && String(card.body.ts ?? card.response.ts);
      if (!publish || !ts) throw new Error("no Publish button on the preview");
      const published = await timed(
        "Publish click",
        channel,
        () =>
          send(
            blockAction({
              user,
              action_id: publish.action_id,
              value: publish.value,
              channel,
              message_ts: ts,
            }),
          ),
        measured,
      );
      if (!/published/i.test(JSON.stringify(published.body)))
        throw new Error(`Publish did not publish: ${JSON.stringify(published.body).slice(0, 300)}`);
      if (index % 10 === 0) fake.reset();
    }
  } finally {
    await bot.stop();
    await sandbox.stop();
    await fake.close();
  }
  const measured = Object.fromEntries(
    KINDS.map((kind) => [
      kind,
      {
        ...percentiles(timings[kind]),
        botCpuMsPerTurn: cpu[kind].bot / USERS,
        kigoCpuMsPerTurn: cpu[kind].kigo / USERS,
      },
    ]),
  ) as Record<Kind, Percentiles & { botCpuMsPerTurn: number; kigoCpuMsPerTurn: number }>;
  for (const kind of KINDS) {
    const { p50, p95, p99, botCpuMsPerTurn, kigoCpuMsPerTurn } = measured[kind];
    console.log(
      `${kind}: p50/p95/p99 ${p50}/${p95}/${p99} ms over ${measured[kind].count}; CPU per turn: bot ` +
        `${botCpuMsPerTurn.toFixed(1)} ms, Kigo sandbox ${kigoCpuMsPerTurn.toFixed(1)} ms`,
    );
  }
  const targets = KINDS.map((kind) => {
    const { p50, p95, p99, botCpuMsPerTurn, kigoCpuMsPerTurn } = measured[kind];
    return target(
      `turn, event in → first post or update at Slack: ${kind}`,
      `p50 ${p50}, p95 ${p95}, p99 ${p99} ms`,
      `p95 ≤ ${P95_TARGET_MS} ms`,
      p95 <= P95_TARGET_MS,
      `the whole turn costs the bot ${Math.round(botCpuMsPerTurn)} ms of CPU and the Kigo API ` +
        `${Math.round(kigoCpuMsPerTurn)} ms (${WHY[kind]}); on two cores shared with Redis, the fakes ` +
        "and the machine's other work, the slowest turns also wait for a core",
    );
  });
  return { targets, data: { users: USERS, turns: measured } };
}

/** What a kind of turn does besides the rules reading the message. */
const WHY: Record<Kind, string> = {
  greeting: "a reply, the conversation checkpointed in Redis",
  "one-message offer":
    "the merchant looked up, the budget estimate and the checks against the live offers, a preview card",
  correction: "the draft re-checked, the preview card updated in place and a note posted",
  "Publish click": "the offer, its promo code and redemption limits created in Kigo, the card replaced",
};
