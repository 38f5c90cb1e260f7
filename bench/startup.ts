import { rmSync } from "node:fs";
import { startFakeSlack } from "../test/fakes/slack/server.js";
import { type PartResult, target } from "./results.js";
import { median } from "./stats.js";
import { build, flushRedis, startBot, startSandbox, tempDir } from "./system.js";

/**
 * Time from spawning `node dist/main.js` (the Slack app in HTTP mode, Redis) to its first 200 on
 * /readyz (the Kigo API, Redis and Slack's auth.test all answering), polled every 10 ms:
 * - without the sandbox: KIGO_API_URL points at `npm run sandbox` running beside it;
 * - with the embedded sandbox, first start: an empty DATA_DIR, so PGlite runs initdb and loads
 *   the demo data (what a container without a volume does every time);
 * - with the embedded sandbox, restarted on the DATA_DIR of a first start.
 */

const RUNS = { without: 5, first: 5, restart: 3 };
const TARGET_MS = { without: 2_000, with: 6_000 };

export async function run(): Promise<PartResult> {
  build(); // not timed
  await flushRedis();
  const fake = await startFakeSlack();
  const sandbox = await startSandbox();
  const times = { without: [] as number[], first: [] as number[], restart: [] as number[] };
  try {
    for (let index = 0; index < RUNS.without; index += 1) {
      const bot = await startBot({
        slackApiUrl: fake.apiUrl,
        kigo: { url: sandbox.url, token: sandbox.token },
      });
      times.without.push(bot.readyMs);
      await bot.stop();
    }
    const dataDir = tempDir("kigo-bench-start-");
    try {
      for (let index = 0; index < RUNS.first; index += 1) {
        rmSync(dataDir, { recursive: true, force: true });
        const bot = await startBot({ slackApiUrl: fake.apiUrl, dataDir });
        times.first.push(bot.readyMs);
        await bot.stop();
      }
      for (let index = 0; index < RUNS.restart; index += 1) {
        const bot = await startBot({ slackApiUrl: fake.apiUrl, dataDir });
        times.restart.push(bot.readyMs);
        await bot.stop();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  } finally {
    await sandbox.stop();
    await fake.close();
  }
  const ms = Object.fromEntries(
    Object.entries(times).map(([name, values]) => [name, values.map((value) => Math.round(value))]),
  ) as Record<keyof typeof times, number[]>;
  const med = (values: number[]) => Math.round(median(values));
  const seconds = (value: number) => `${(value / 1000).toFixed(2)} s`;
  console.log(ms);
  return {
    targets: [
      target(
        "start to ready, without the sandbox",
        `${seconds(med(ms.without))} (median of ${RUNS.without}: ${ms.without.join(", ")} ms)`,
        `≤ ${seconds(TARGET_MS.without)}`,
        med(ms.without) <= TARGET_MS.without,
        `the runs range ${seconds(Math.min(...ms.without))}–${seconds(Math.max(...ms.without))}`,
      ),
      target(
        "start to ready, embedded sandbox, first start (empty DATA_DIR)",
        `${seconds(med(ms.first))} (median of ${RUNS.first}: ${ms.first.join(", ")} ms)`,
        `≤ ${seconds(TARGET_MS.with)}`,
        med(ms.first) <= TARGET_MS.with,
        `of the median, ${seconds(med(ms.without))} is the bot as without the sandbox, ${seconds(med(ms.restart) - med(ms.without))} more opening PGlite (WASM) on the data, as a restart does, and ${seconds(med(ms.first) - med(ms.restart))} more its initdb and the demo data; the runs range ${seconds(Math.min(...ms.first))}–${seconds(Math.max(...ms.first))} with the machine's other load`,
      ),
      target(
        "start to ready, embedded sandbox, restart on its data",
        `${seconds(med(ms.restart))} (median of ${RUNS.restart}: ${ms.restart.join(", ")} ms)`,
        `≤ ${seconds(TARGET_MS.with)}`,
        med(ms.restart) <= TARGET_MS.with,
        `the runs range ${seconds(Math.min(...ms.restart))}–${seconds(Math.max(...ms.restart))}`,
      ),
    ],
    data: { pollMs: 10, readyMs: ms },
  };
}
