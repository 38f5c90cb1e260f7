import { execFileSync } from "node:child_process";
import { createClient } from "redis";
import { type FakeSlack, startFakeSlack } from "../test/fakes/slack/server.js";
import { eventCallback, messageEvent, signedPost } from "../test/fakes/slack/signed.js";
import { slice } from "./load.js";
import { type PartResult, target } from "./results.js";
import { mb, median } from "./stats.js";
import {
  build,
  compiled,
  flushRedis,
  freePort,
  type Process,
  REDIS_URL,
  rssBytes,
  SIGNING_SECRET,
  scrape,
  sleep,
  startBot,
  startSandbox,
} from "./system.js";

/**
 * The bot's memory (compiled, Redis, the Kigo API a server of its own, so "without the sandbox"):
 * resident set size idle, under 50 events a second, and as open drafts pile up to 10,000 (each
 * a one-message offer typed by another user, so each its own conversation with its state in
 * Redis); and what each draft costs Redis.
 */

const DRAFTS = 10_000;
const CHECKPOINTS = [0, 2_500, 5_000, 7_500, 10_000];
const CONCURRENCY = 16;
/** Most the drafts may take: what is reached by then is reported. */
const DRAFTS_BUDGET_MS = 300_000;
const RSS_TARGET = 150 * 1024 * 1024;
/**
 * Flat: the heap the bot keeps after a full collection grows at most this much per draft. RSS is
 * reported beside it, but moves by tens of megabytes with when V8 last collected.
 */
const FLAT_BYTES_PER_DRAFT = 1024;
const LOAD = { rate: 50, seconds: 10 };
const HEAP_USED = "kigo_bot_nodejs_heap_size_used_bytes";

const offer = (code: string) =>
  `20% off all equipment at Heartland in December, code ${code}, 3 uses per customer, 1000 total, budget $50k`;

/** Median of a few samples a quarter second apart: one sample can catch a collection half done. */
async function settledRss(pid: number): Promise<number> {
  const samples: number[] = [];
  for (let index = 0; index < 5; index += 1) {
    samples.push(rssBytes(pid));
    await sleep(250);
  }
  return median(samples);
}

async function redisMemory() {
  const client = createClient({ url: REDIS_URL });
  await client.connect();
  try {
    const used = Number((await client.info("memory")).match(/^used_memory:(\d+)/m)?.[1] ?? 0);
    let checkpointBytes = 0;
    let checkpointKeys = 0;
    for await (const keys of client.scanIterator({ MATCH: "kigo:lg:*", COUNT: 1000 })) {
      checkpointKeys += keys.length;
      for (const key of keys) checkpointBytes += (await client.memoryUsage(key)) ?? 0;
    }
    return { used, checkpointBytes, checkpointKeys };
  } finally {
    await client.quit();
  }
}

/** Sends DMs and resolves when the bot has posted its answer to each. */
function dmSender(fake: FakeSlack, bot: Process) {
  return async (user: string, text: string) => {
    const channel = `D${user.slice(1)}`;
    const answered = fake.waitFor("chat.postMessage", (call) => call.body.channel === channel, 60_000);
    const response = await signedPost(
      `${bot.url}/slack/events`,
      SIGNING_SECRET,
      eventCallback({ event: messageEvent({ channel, user, text, channel_type: "im" }) }),
    );
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    await answered;
  };
}

interface Measured {
  rssAtReadyBytes: number;
  rssIdleBytes: number;
  /** V8's heap in use at idle, from the bot's /metrics. */
  heapUsedIdleBytes: number;
  rssUnderLoadBytes: number;
  /** The most V8's heap held while under load (sampled each second). */
  heapUsedUnderLoadBytes: number;
  byDrafts: { drafts: number; rssBytes: number; heapAfterGcBytes: number; seconds: number }[];
  drafts: number;
  redis: { usedBytesPerDraft: number; checkpointBytesPerDraft: number; checkpointKeysPerDraft: number };
}

/** One bot from ready to the last checkpoint's open drafts, its RSS read at each checkpoint. */
async function measure(
  fake: FakeSlack,
  kigo: { url: string; token: string },
  checkpoints: number[],
): Promise<Measured> {
  await flushRedis();
  // The inspector on loopback, so that a full collection can be asked for at each checkpoint.
  const inspector = await freePort();
  const bot = await startBot({
    slackApiUrl: fake.apiUrl,
    kigo,
    env: { NODE_OPTIONS: `--inspect=127.0.0.1:${inspector}` },
  });
  try {
    const dm = dmSender(fake, bot);
    const rssAtReadyBytes = rssBytes(bot.pid);
    for (let index = 0; index < 20; index += 1)
      await dm(`UW${index}`, index % 2 ? "hi" : offer(`WARM${index}`));
    await sleep(5_000);
    const rssIdleBytes = await settledRss(bot.pid);
    const heapUsedIdleBytes = (await scrape(bot.url)).get(HEAP_USED) ?? 0;

    // Under load: greetings and offers from new users, open loop.
    const samples: number[] = [];
    const heap: number[] = [];
    const sampler = setInterval(() => samples.push(rssBytes(bot.pid)), 200);
    const heapSampler = setInterval(() => {
      scrape(bot.url).then(
        (metrics) => heap.push(metrics.get(HEAP_USED) ?? 0),
        () => undefined,
      );
    }, 1000);
    await slice(
      (n) => {
        const user = `UL${n}`;
        return signedPost(
          `${bot.url}/slack/events`,
          SIGNING_SECRET,
          eventCallback({
            event: messageEvent({
              channel: `D${user.slice(1)}`,
              user,
              text: n % 2 ? "hi" : offer(`LOAD${n}`),
              channel_type: "im",
            }),
          }),
        );
      },
      LOAD.rate,
      LOAD.seconds,
      0,
    );
    await sleep(3_000);
    clearInterval(sampler);
    clearInterval(heapSampler);
    const rssUnderLoadBytes = Math.max(...samples);
    const heapUsedUnderLoadBytes = Math.max(0, ...heap);

    fake.reset();

    // Drafts: one-message offers from new users, CONCURRENCY at a time.
    const redisBefore = await redisMemory();
    const byDrafts: Measured["byDrafts"] = [];
    const started = performance.now();
    let created = 0;
    for (const checkpoint of checkpoints) {
      while (created < checkpoint && performance.now() - started < DRAFTS_BUDGET_MS) {
        const batch = Array.from(
          { length: Math.min(CONCURRENCY, checkpoint - created) },
          (_, i) => created + i,
        );
        await Promise.all(batch.map((n) => dm(`UM${n}`, offer(`MEM${n}`))));
        created += batch.length;
        if (fake.calls.length > 2_000) fake.reset();
      }
      await sleep(2_000);
      const point = {
        drafts: created,
        rssBytes: await settledRss(bot.pid),
        heapAfterGcBytes: await heapAfterGc(bot, inspector),
        seconds: Math.round((performance.now() - started) / 1000),
      };
      byDrafts.push(point);
      console.log(
        `${created} drafts, RSS ${mb(point.rssBytes)}, heap after GC ${mb(point.heapAfterGcBytes)}`,
      );
      if (created < checkpoint) break;
    }
    const redisAfter = await redisMemory();
    const per = (bytes: number) => (created === 0 ? 0 : Math.round(bytes / created));
    return {
      rssAtReadyBytes,
      rssIdleBytes,
      heapUsedIdleBytes,
      rssUnderLoadBytes,
      heapUsedUnderLoadBytes,
      byDrafts,
      drafts: created,
      redis: {
        usedBytesPerDraft: per(redisAfter.used - redisBefore.used),
        checkpointBytesPerDraft: per(redisAfter.checkpointBytes - redisBefore.checkpointBytes),
        checkpointKeysPerDraft: per(redisAfter.checkpointKeys - redisBefore.checkpointKeys),
      },
    };
  } finally {
    await bot.stop();
  }
}

/**
 * The bot's heap right after a full collection, asked for through its inspector (the Chrome
 * DevTools protocol's HeapProfiler.collectGarbage) by a short node script with Node 20's WebSocket.
 */
async function heapAfterGc(bot: Process, inspector: number): Promise<number> {
  const script = `
    const [target] = await (await fetch("http://127.0.0.1:${inspector}/json/list")).json();
    const socket = new WebSocket(target.webSocketDebuggerUrl);
    socket.onopen = () => socket.send(JSON.stringify({ id: 1, method: "HeapProfiler.collectGarbage" }));
    socket.onmessage = (event) => { if (JSON.parse(event.data).id === 1) { socket.close(); process.exit(0); } };
    setTimeout(() => process.exit(1), 30000);`;
  execFileSync(process.execPath, ["--experimental-websocket", "--input-type=module", "-e", script], {
    stdio: "ignore",
  });
  return (await scrape(bot.url)).get(HEAP_USED) ?? 0;
}

/**
 * What loading the modules costs by itself: the compiled app.js and the Slack adapter imported (what
 * the bot measured here loads; the sandbox, Teams and the model client load only when configured),
 * collected twice.
 */
function modulesAlone(): { heapUsedBytes: number; rssBytes: number } {
  const modules = JSON.stringify([compiled("app.js"), compiled("bot/slack/slack-app.js")]);
  const script = `Promise.all(${modules}.map((module) => import(module))).then(() => { gc(); gc(); const m = process.memoryUsage(); console.log(JSON.stringify({ heapUsedBytes: m.heapUsed, rssBytes: m.rss })); process.exit(0); })`;
  return JSON.parse(execFileSync(process.execPath, ["--expose-gc", "-e", script], { encoding: "utf8" }));
}

export async function run(): Promise<PartResult> {
  build();
  const modules = modulesAlone();
  const fake = await startFakeSlack();
  const sandbox = await startSandbox();
  try {
    const kigo = { url: sandbox.url, token: sandbox.token };
    const plain = await measure(fake, kigo, CHECKPOINTS);
    console.log(JSON.stringify(plain, null, 2));
    const { byDrafts } = plain;
    const first = byDrafts[0];
    const last = byDrafts.at(-1);
    const perDraft = (bytes: (point: NonNullable<typeof first>) => number) =>
      first && last && last.drafts > first.drafts
        ? (bytes(last) - bytes(first)) / (last.drafts - first.drafts)
        : 0;
    const heapPerDraft = perDraft((point) => point.heapAfterGcBytes);
    const rssPerDraft = perDraft((point) => point.rssBytes);
    const highest = Math.max(
      plain.rssIdleBytes,
      plain.rssUnderLoadBytes,
      ...byDrafts.map((point) => point.rssBytes),
    );
    const drafts = byDrafts.map((point) => `${point.drafts.toLocaleString("en-US")}: ${mb(point.rssBytes)}`);
    return {
      targets: [
        target(
          "bot RSS without the sandbox, highest of idle, under load and 10,000 drafts",
          `at ready ${mb(plain.rssAtReadyBytes)}, idle ${mb(plain.rssIdleBytes)}, under ${LOAD.rate} events/s ${mb(plain.rssUnderLoadBytes)}, drafts ${drafts.join(", ")}`,
          `≤ ${mb(RSS_TARGET)}`,
          highest <= RSS_TARGET,
          `at idle V8's heap holds ${mb(plain.heapUsedIdleBytes)} (loading the app's and the Slack adapter's modules alone, collected, leaves ${mb(modules.heapUsedBytes)} of heap and ${mb(modules.rssBytes)} of RSS: LangGraph and LangChain, Bolt, BullMQ and node-redis, the zod schemas); under load it held up to ${mb(plain.heapUsedUnderLoadBytes)} (turns in flight, their Kigo and Slack calls), and a heap V8 has grown is not handed back`,
        ),
        target(
          `memory flat in the number of open drafts (${first?.drafts ?? 0} → ${(last?.drafts ?? 0).toLocaleString("en-US")}): heap kept after a full GC, and RSS`,
          `heap after GC ${byDrafts.map((point) => mb(point.heapAfterGcBytes)).join(" → ")}: ${Math.round(heapPerDraft)} bytes per draft; RSS ${Math.round(rssPerDraft)} bytes per draft`,
          `heap after GC ≤ ${FLAT_BYTES_PER_DRAFT} bytes per draft`,
          heapPerDraft <= FLAT_BYTES_PER_DRAFT && plain.drafts === DRAFTS,
          plain.drafts < DRAFTS
            ? `only ${plain.drafts} drafts were made within the time budget`
            : "the bot keeps something per draft in memory (see byDrafts in the results file)",
        ),
      ],
      facts: [
        {
          measure: "Redis per open draft (one-message offer at its preview)",
          result: `checkpoints ${(plain.redis.checkpointBytesPerDraft / 1024).toFixed(1)} KB in ${plain.redis.checkpointKeysPerDraft} keys; everything the draft keeps ${(plain.redis.usedBytesPerDraft / 1024).toFixed(1)} KB`,
        },
      ],
      data: {
        load: LOAD,
        modulesAlone: modules,
        heapBytesPerDraft: Math.round(heapPerDraft),
        rssBytesPerDraft: Math.round(rssPerDraft),
        ...plain,
      },
    };
  } finally {
    await sandbox.stop();
    await fake.close();
  }
}
