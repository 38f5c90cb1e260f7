import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createClient } from "redis";
import { startTestApp, type TestApp } from "../test/support/bot.js";

/**
 * The systems a benchmark measures, as production runs them: the bot compiled (`node dist/main.js`),
 * the Kigo sandbox as a server of its own, Redis in a database of the benchmarks' own. Every
 * process listens on loopback and is stopped by its own pid.
 */

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
/** Compiled here, not in dist/: others may be running what they built. config/ and data/ are linked beside it. */
const BUILD = join(ROOT, "node_modules", ".cache", "kigo-bench");
/** A Redis database nothing else uses: flushed before each part. */
export const REDIS_URL = `${process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379"}/13`;
export const SIGNING_SECRET = "bench-signing-secret";
export const BOT_TOKEN = "xoxb-test";

let built: string | undefined;

/** The commit the bot processes run: the one built, or HEAD for a part that builds nothing. */
export const measuredCommit = () =>
  built ?? execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" }).trim();

/**
 * `npm run build` of the committed src/ (HEAD, not the working tree, where someone may be halfway
 * through a change) into the benchmarks' own directory, once per run (about 6 s).
 */
export function build(): void {
  if (built) return;
  const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], {
    cwd: ROOT,
    encoding: "utf8",
  }).trim();
  const tree = join(BUILD, "tree");
  rmSync(tree, { recursive: true, force: true });
  mkdirSync(tree, { recursive: true });
  execFileSync(
    "sh",
    ["-c", `git archive ${commit} src tsconfig.json tsconfig.build.json | tar -x -C "${tree}"`],
    {
      cwd: ROOT,
    },
  );
  execFileSync("npx", ["tsc", "-p", join(tree, "tsconfig.build.json"), "--outDir", join(BUILD, "dist")], {
    cwd: ROOT,
    stdio: "inherit",
  });
  for (const linked of ["config", "data"])
    if (!existsSync(join(BUILD, linked))) symlinkSync(join(ROOT, linked), join(BUILD, linked));
  built = commit;
}

export const compiled = (script: string) => join(BUILD, "dist", script);

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === "string") throw new Error("no free port");
  return address.port;
}

export async function flushRedis(): Promise<void> {
  const client = createClient({ url: REDIS_URL });
  await client.connect();
  await client.flushDb();
  await client.quit();
}

export interface Process {
  url: string;
  pid: number;
  child: ChildProcess;
  /** Milliseconds from spawn to the first successful answer of the ready path. */
  readyMs: number;
  /** What it printed on both streams. */
  output(): string;
  stop(): Promise<void>;
}

/** Spawns `node <script>` and waits until `readyPath` answers 200 (at most `timeoutMs`). */
export async function startProcess(
  script: string,
  env: Record<string, string>,
  options: {
    port: number;
    readyPath: string;
    /** Any HTTP answer means ready (a server that only listens once it is ready). */
    anyAnswer?: boolean;
    timeoutMs?: number;
    args?: string[];
  },
): Promise<Process> {
  const started = performance.now();
  const child = spawn(process.execPath, [...(options.args ?? []), script], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let printed = "";
  const collect = (chunk: Buffer) => {
    printed = (printed + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  // A benchmark that fails half-way leaves no process behind.
  const orphaned = () => child.kill("SIGKILL");
  process.once("exit", orphaned);
  void exited.then(() => process.off("exit", orphaned));
  const url = `http://127.0.0.1:${options.port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    const killer = setTimeout(() => child.kill("SIGKILL"), 15_000);
    await exited;
    clearTimeout(killer);
  };
  const deadline = started + (options.timeoutMs ?? 60_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${script} exited ${child.exitCode}: ${printed}`);
    const ok = await fetch(url + options.readyPath, { signal: AbortSignal.timeout(3_000) }).then(
      (response) => response.ok || Boolean(options.anyAnswer),
      () => false,
    );
    if (ok) break;
    if (performance.now() > deadline) {
      await stop();
      throw new Error(`${script} not ready within ${options.timeoutMs ?? 60_000} ms: ${printed}`);
    }
    await sleep(10);
  }
  const readyMs = performance.now() - started;
  return { url, pid: child.pid ?? 0, child, readyMs, output: () => printed, stop };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The Kigo sandbox alone (`npm run sandbox`, compiled), in memory with its demo data. */
export async function startSandbox(): Promise<Process & { token: string }> {
  build();
  const port = await freePort();
  const token = "bench-sandbox-token";
  const sandbox = await startProcess(
    compiled("kigo/sandbox/cli.js"),
    { SANDBOX_PORT: String(port), SANDBOX_TOKEN: token },
    { port, readyPath: "/", anyAnswer: true, timeoutMs: 120_000 },
  );
  return { ...sandbox, token };
}

/** Roles for whoever writes: every Slack user may create and publish offers for any merchant. */
function rolesFile(dir: string): string {
  const file = join(dir, "roles.json");
  writeFileSync(file, JSON.stringify({ unknownUsers: ["viewer", "editor", "publisher"], users: {} }));
  return file;
}

export interface BotOptions {
  slackApiUrl: string;
  /** Unset: the embedded sandbox. */
  kigo?: { url: string; token: string };
  /** false: DATA_DIR alone (SQLite), as a single bot without Redis runs. */
  redis?: boolean;
  /** A DATA_DIR to start on (a restart); a fresh one otherwise, deleted when the bot stops. */
  dataDir?: string;
  env?: Record<string, string>;
  timeoutMs?: number;
  /** `worker.js`: the digest worker (`npm run worker`) instead of the bot. */
  script?: "main.js" | "worker.js";
}

/** The bot as `node dist/main.js` runs it: the Slack app in HTTP mode on loopback. */
export async function startBot(options: BotOptions): Promise<Process & { dataDir: string }> {
  build();
  const port = await freePort();
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), "kigo-bench-bot-"));
  mkdirSync(dataDir, { recursive: true });
  const bot = await startProcess(
    compiled(options.script ?? "main.js"),
    {
      PORT: String(port),
      DATA_DIR: dataDir,
      ROLES_FILE: rolesFile(dataDir),
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: options.slackApiUrl,
      DEFAULT_TIME_ZONE: "America/Chicago",
      ...(options.redis === false ? {} : { REDIS_URL }),
      ...(options.kigo ? { KIGO_API_URL: options.kigo.url, KIGO_API_TOKEN: options.kigo.token } : {}),
      ...options.env,
    },
    { port, readyPath: "/readyz", timeoutMs: options.timeoutMs ?? 120_000 },
  );
  return {
    ...bot,
    dataDir,
    stop: async () => {
      await bot.stop();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Resident set size of a process, from /proc (Linux); 0 once it has exited. */
export function rssBytes(pid: number): number {
  if (!existsSync(`/proc/${pid}/status`)) return 0;
  const line = readFileSync(`/proc/${pid}/status`, "utf8").match(/^VmRSS:\s+(\d+) kB/m);
  return Number(line?.[1] ?? 0) * 1024;
}

/** User plus system CPU a process has used, in milliseconds, from /proc (clock ticks of 10 ms). */
export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // Fields after the command name, which may hold spaces: utime and stime are the 12th and 13th.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** A Prometheus exposition (the bot's /metrics) as series → value, e.g. `name{kind="major"}`. */
export async function scrape(url: string): Promise<Map<string, number>> {
  return scrapeText(await (await fetch(`${url}/metrics`)).text());
}

export function scrapeText(text: string): Map<string, number> {
  const series = new Map<string, number>();
  for (const line of text.split("\n")) {
    const match = line.match(/^([a-zA-Z_:][\w:]*(?:\{[^}]*\})?) (\S+)$/);
    if (match?.[1] && match[2]) series.set(match[1], Number(match[2]));
  }
  return series;
}

/**
 * The tests' app (test roles, a fixed clock, the embedded sandbox) outside vitest: its sandbox on
 * disk in a directory of its own, since the tests' in-memory template comes from vitest's set-up.
 */
export async function startInProcessApp(env: Record<string, string> = {}): Promise<TestApp> {
  const sandboxDir = tempDir("kigo-bench-sandbox-");
  const app = await startTestApp({ SANDBOX_DATA_DIR: sandboxDir, ...env });
  return {
    ...app,
    close: async (options) => {
      await app.close(options);
      rmSync(sandboxDir, { recursive: true, force: true });
    },
  };
}
