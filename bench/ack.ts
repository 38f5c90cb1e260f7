import { eventCallback, messageEvent, signedPost } from "../test/fakes/slack/signed.js";
import { message, personalChat } from "../test/fakes/teams/activities.js";
import { slice, until } from "./load.js";
import { type PartResult, target } from "./results.js";
import { type Percentiles, percentiles } from "./stats.js";
import {
  BOT_TOKEN,
  cpuMs,
  flushRedis,
  freePort,
  type Process,
  ROOT,
  SIGNING_SECRET,
  scrape,
  sleep,
  startBot,
  startProcess,
  startSandbox,
} from "./system.js";

/**
 * Ack latency: how long Slack (or the Bot Connector) waits for the HTTP answer to an event, ours
 * against a bare app on the same SDK with one trivial listener, each a process of its own. Sent
 * open loop at a fixed rate, in slices that alternate between the two (ours first, then bare first)
 * so the machine's drift hits both alike. After each of our slices, the turns it started finish
 * before the bare app's slice begins, so our backlog does not slow the baseline. Where events set
 * off turns, ours is also measured split (README: TURN_WORKER): the events go to a bot with
 * TURN_WORKER=false, and a second bot on the same Redis runs the turns.
 */

const RATES = [50, 100, 200];
const SLICE_SECONDS = 1.5;
const ROUNDS = 4;
/** Most the turns of one slice may take to finish after it. */
const DRAIN_MS = 60_000;
const RATIO_TARGET = 1.3;
const WARM_UP = { rate: 100, seconds: 3 };
const LAG_MAX = "kigo_bot_nodejs_eventloop_lag_max_seconds";
const MAJOR_GC = 'kigo_bot_nodejs_gc_duration_seconds_sum{kind="major"}';

interface Workload {
  name: string;
  what: string;
  /** Sends event number `n` to `url`. */
  send(url: string, n: number): Promise<Response>;
  /** Replies ours has sent for this workload so far; none where it sends none (nor any turn runs). */
  replies?: () => Promise<number>;
}

type System = "ours" | "split" | "bare";

/** A system's acks over one rate's slices. */
type Acks = Percentiles & { cpuMsPerEvent: number; errors: number };

interface Measured {
  workload: string;
  rate: number;
  ours: Percentiles & {
    cpuMsPerEvent: number;
    errors: number;
    /** The longest the bot's event loop was held during its slices (its /metrics). */
    eventLoopLagMaxMs: number;
    /** Time in major garbage collections during its slices. */
    majorGcMs: number;
  };
  bare: Acks;
  /** Ours' p99 over bare's. */
  p99Ratio: number;
  /** The intake-only bot, its CPU alone (the turns' is the other bot's), where turns run. */
  split?: Acks & { turnCpuMsPerEvent: number };
  splitP99Ratio?: number;
}

export async function run(): Promise<PartResult> {
  await flushRedis();
  const fakesPort = await freePort();
  const fakes = await startProcess(
    `${ROOT}bench/fakes-process.ts`,
    { PORT: String(fakesPort) },
    {
      port: fakesPort,
      readyPath: "/urls",
      args: ["--import", "tsx"],
    },
  );
  const ask = async (path: string) => (await fetch(`${fakes.url}${path}`)).json();
  const fake = (await ask("/urls")) as { slack: string; connector: string };
  const sandbox = await startSandbox();
  const systems: { ours?: Process; split?: Process; turns?: Process; bare?: Process } = {};
  try {
    systems.ours = await startBot({
      slackApiUrl: fake.slack,
      kigo: { url: sandbox.url, token: sandbox.token },
      env: { TEAMS_ALLOW_ANONYMOUS: "true" },
    });
    // A queue prefix of their own, so neither takes the single bot's jobs nor it theirs.
    const split = { QUEUE_PREFIX: "kigo-bench-split", TEAMS_ALLOW_ANONYMOUS: "true" };
    systems.split = await startBot({
      slackApiUrl: fake.slack,
      kigo: { url: sandbox.url, token: sandbox.token },
      env: { ...split, TURN_WORKER: "false" },
    });
    systems.turns = await startBot({
      slackApiUrl: fake.slack,
      kigo: { url: sandbox.url, token: sandbox.token },
      env: split,
    });
    const port = await freePort();
    systems.bare = await startProcess(
      `${ROOT}bench/bare-bolt.ts`,
      {
        PORT: String(port),
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: fake.slack,
      },
      { port, readyPath: "/readyz", args: ["--import", "tsx"] },
    );
    const { turns } = systems as Required<typeof systems>;
    const systemsOf = (workload: Workload): System[] =>
      workload.replies ? ["ours", "split", "bare"] : ["ours", "bare"];

    const slackPost = (url: string, event: Record<string, unknown>) =>
      signedPost(`${url}/slack/events`, SIGNING_SECRET, eventCallback({ event }));
    const postedTo = (prefix: string) => async () => (await ask(`/replies?prefix=${prefix}`)) as number;
    const workloads: Workload[] = [
      {
        name: "slack-channel",
        what: "Slack: replies in channel threads the bot is not part of (checked and ignored)",
        send: (url, n) =>
          slackPost(
            url,
            messageEvent({
              channel: "CBENCH",
              user: `UC${n}`,
              text: "anyone up for lunch?",
              thread_ts: "1700000000.000100",
              channel_type: "channel",
            }),
          ),
      },
      {
        name: "slack-dm",
        what: 'Slack: "hi" in a DM from a new user each time (a greeting turn, a reply posted)',
        send: (url, n) =>
          slackPost(url, messageEvent({ channel: `DD${n}`, user: `UD${n}`, text: "hi", channel_type: "im" })),
        replies: postedTo("DD"),
      },
      {
        name: "teams-personal",
        what: 'Teams: "hi" in a personal chat from a new user each time (anonymous, no token to check)',
        send: (url, n) =>
          fetch(`${url}/api/messages`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify(
              message(fake.connector, { aadObjectId: `bench-${n}` }, personalChat(`bench-${n}`), "hi"),
            ),
          }),
        replies: async () => (await ask("/replies?teams")) as number,
      },
    ];

    // Warm-up, not measured: JIT, connection pools, Bolt's first auth.test, the graph's first paths.
    let sequence = 0;
    for (const workload of workloads) {
      let sent = 0;
      for (const name of systemsOf(workload)) {
        const system = systems[name] as Process;
        await slice((n) => workload.send(system.url, n), WARM_UP.rate, WARM_UP.seconds, sequence);
        sequence += WARM_UP.rate * WARM_UP.seconds;
        const { replies } = workload;
        if (name !== "bare" && replies) {
          sent += WARM_UP.rate * WARM_UP.seconds;
          await until(async () => (await replies()) >= sent, DRAIN_MS);
        }
      }
    }

    const measured: Measured[] = [];
    for (const workload of workloads) {
      let oursSent = (await workload.replies?.()) ?? 0;
      for (const rate of RATES) {
        const runs: Record<System, number[]> = { ours: [], split: [], bare: [] };
        const errors: Record<System, number> = { ours: 0, split: 0, bare: 0 };
        const cpu: Record<System, number> = { ours: 0, split: 0, bare: 0 };
        let turnCpu = 0;
        const loop = { lagMaxMs: 0, majorGcMs: 0 };
        for (let round = 0; round < ROUNDS; round += 1) {
          const order = systemsOf(workload);
          if (round % 2 === 1) order.reverse();
          for (const name of order) {
            const system = systems[name] as Process;
            const cpuBefore = cpuMs(system.pid);
            const turnCpuBefore = cpuMs(turns.pid);
            // Scraping resets the bot's event-loop delay histogram: what follows is this slice's.
            const metricsBefore = name === "ours" ? await scrape(system.url) : undefined;
            const result = await slice((n) => workload.send(system.url, n), rate, SLICE_SECONDS, sequence);
            sequence += rate * SLICE_SECONDS;
            const { replies } = workload;
            if (name !== "bare" && replies) {
              oursSent += rate * SLICE_SECONDS;
              await until(async () => (await replies()) >= oursSent, DRAIN_MS);
            } else await sleep(200);
            cpu[name] += cpuMs(system.pid) - cpuBefore;
            if (name === "split") turnCpu += cpuMs(turns.pid) - turnCpuBefore;
            if (metricsBefore) {
              const after = await scrape(system.url);
              loop.lagMaxMs = Math.max(loop.lagMaxMs, 1000 * (after.get(LAG_MAX) ?? 0));
              loop.majorGcMs += 1000 * ((after.get(MAJOR_GC) ?? 0) - (metricsBefore.get(MAJOR_GC) ?? 0));
            }
            runs[name].push(...result.latencies);
            errors[name] += result.errors;
          }
        }
        const events = rate * SLICE_SECONDS * ROUNDS;
        const latency = {
          ours: percentiles(runs.ours),
          split: percentiles(runs.split),
          bare: percentiles(runs.bare),
        };
        const row: Measured = {
          workload: workload.name,
          rate,
          ours: {
            ...latency.ours,
            cpuMsPerEvent: cpu.ours / events,
            errors: errors.ours,
            eventLoopLagMaxMs: Math.round(loop.lagMaxMs),
            majorGcMs: Math.round(loop.majorGcMs),
          },
          bare: { ...latency.bare, cpuMsPerEvent: cpu.bare / events, errors: errors.bare },
          p99Ratio: ratio(latency.ours.p99, latency.bare.p99),
          ...(runs.split.length && {
            split: {
              ...latency.split,
              cpuMsPerEvent: cpu.split / events,
              errors: errors.split,
              turnCpuMsPerEvent: turnCpu / events,
            },
            splitP99Ratio: ratio(latency.split.p99, latency.bare.p99),
          }),
        };
        measured.push(row);
        console.log(
          `${workload.name} at ${rate}/s: ours p50/p95/p99 ${row.ours.p50}/${row.ours.p95}/${row.ours.p99} ms ` +
            `(${row.ours.cpuMsPerEvent.toFixed(2)} CPU ms/event, ${row.ours.errors} errors, loop held up to ` +
            `${row.ours.eventLoopLagMaxMs} ms, ${row.ours.majorGcMs} ms major GC), bare ` +
            `${row.bare.p50}/${row.bare.p95}/${row.bare.p99} ms (${row.bare.cpuMsPerEvent.toFixed(2)} CPU ms/event); ` +
            `p99 ratio ${row.p99Ratio}` +
            (row.split
              ? `; split ${row.split.p50}/${row.split.p95}/${row.split.p99} ms (intake ${row.split.cpuMsPerEvent.toFixed(2)}, ` +
                `turns ${row.split.turnCpuMsPerEvent.toFixed(2)} CPU ms/event, ${row.split.errors} errors), p99 ratio ${row.splitP99Ratio}`
              : ""),
        );
      }
    }

    const targets = workloads.flatMap((workload) => {
      const rows = measured.filter((row) => row.workload === workload.name);
      const worst = Math.max(...rows.map((row) => row.p99Ratio));
      const result = rows
        .map((row) => `${row.rate}/s: ${row.ours.p99} vs ${row.bare.p99} ms (${row.p99Ratio}×)`)
        .join("; ");
      const oneProcess = target(
        `ack p99 ours vs bare — ${workload.what}${workload.replies ? ", one bot" : ""}`,
        result,
        `≤ ${RATIO_TARGET}× bare at each rate`,
        worst <= RATIO_TARGET,
        whyAckMissed(workload.name, rows),
      );
      if (!workload.replies) return [oneProcess];
      const splitWorst = Math.max(...rows.map((row) => row.splitP99Ratio ?? 0));
      const splitResult = rows
        .map((row) => `${row.rate}/s: ${row.split?.p99} vs ${row.bare.p99} ms (${row.splitP99Ratio}×)`)
        .join("; ");
      return [
        oneProcess,
        target(
          `ack p99 ours vs bare — ${workload.what}, intake bot (TURN_WORKER=false) and a second bot running the turns`,
          splitResult,
          `≤ ${RATIO_TARGET}× bare at each rate`,
          splitWorst <= RATIO_TARGET,
          whySplitMissed(workload.name, rows),
        ),
      ];
    });
    return { targets, data: { sliceSeconds: SLICE_SECONDS, rounds: ROUNDS, measured } };
  } finally {
    await systems.bare?.stop();
    await systems.ours?.stop();
    await systems.split?.stop();
    await systems.turns?.stop();
    await sandbox.stop();
    await fakes.stop();
  }
}

/** A miss explained from what was measured: the work behind each event, against the baseline's. */
function whyAckMissed(workload: string, rows: Measured[]): string {
  const cpu = Math.max(...rows.map((row) => row.ours.cpuMsPerEvent));
  const bare = Math.max(...rows.map((row) => row.bare.cpuMsPerEvent));
  const lag = Math.max(...rows.map((row) => row.ours.eventLoopLagMaxMs));
  const gc = Math.max(...rows.map((row) => row.ours.majorGcMs));
  const busy = rows.filter((row) => (row.rate * row.ours.cpuMsPerEvent) / 1000 > 0.8).map((row) => row.rate);
  const saturated = busy.length
    ? ` At ${busy.join(" and ")}/s that is over 80% of the one core a Node process runs JavaScript on, so acks queue behind turns.`
    : "";
  const extra =
    workload === "teams-personal"
      ? " Ours also stores the conversation reference and queues the turn in Redis before it answers (so a crash cannot lose the message)."
      : workload === "slack-channel"
        ? " With REDIS_URL the 200 waits for our listeners (a reply in a thread the bot is in is queued before Slack hears back), so looking the thread up in Redis comes before the ack, on the same event loop."
        : " The 200 waits until the turn is queued in Redis, and the turns run on the same event loop.";
  return (
    `Each event costs ours ${cpu.toFixed(1)} ms of CPU against ${bare.toFixed(1)} ms for the bare app, and its event loop was held up to ${lag} ms at a time (major GC up to ${gc} ms in one rate's slices; the rest turns' work and the OS running other processes); an ack arriving then waits.` +
    saturated +
    extra
  );
}

const ratio = (ours: number, bare: number) => Math.round((ours / bare) * 100) / 100;

/** A split miss explained: what the intake bot still does before it answers, and the shared cores. */
function whySplitMissed(workload: string, rows: Measured[]): string {
  const intake = Math.max(...rows.map((row) => row.split?.cpuMsPerEvent ?? 0));
  const turnCpu = Math.max(...rows.map((row) => row.split?.turnCpuMsPerEvent ?? 0));
  const before =
    workload === "teams-personal"
      ? "stores the conversation reference and queues the turn in Redis (the answer waits for it, so a crash cannot lose the message)"
      : "queues the turn in Redis (the 200 waits for it, so a crash cannot lose the event)";
  return `The intake bot ${before} before it answers, ${intake.toFixed(1)} ms of CPU an event; the turns' ${turnCpu.toFixed(1)} ms an event run in the other bot, but on the same two cores as both apps, Redis and the load generator.`;
}
