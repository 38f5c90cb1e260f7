import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";

/** `npm start` with one bad setting: what the operator sees, and how the process ends. */

const dirs: string[] = [];
const freshDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "kigo-startup-"));
  dirs.push(dir);
  return dir;
};

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Runs the bot in console mode with no input: it starts, reads end of input and quits, or fails. */
function start(
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    env: { ...process.env, LOG_LEVEL: "silent", DATA_DIR: freshDir(), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const killer = setTimeout(() => child.kill("SIGKILL"), 90_000);
  return new Promise((resolve) => {
    child.on("exit", (code) => {
      clearTimeout(killer);
      resolve({ code, stdout, stderr });
    });
  });
}

const oneLine = (text: string) => text.trim().split("\n");

describe("start-up refuses an audit log it cannot write", () => {
  it("names AUDIT_LOG_FILE when it is a directory", async () => {
    const { code, stderr } = await start({ AUDIT_LOG_FILE: freshDir() });
    expect(code).toBe(1);
    expect(oneLine(stderr)).toHaveLength(1);
    expect(stderr).toMatch(/AUDIT_LOG_FILE must be a file the bot can append to/);
  }, 100_000);

  it("names AUDIT_LOG_FILE when it is a pipe nobody reads", async () => {
    const fifo = join(freshDir(), "audit.log");
    execFileSync("mkfifo", [fifo]);
    const { code, stderr } = await start({ AUDIT_LOG_FILE: fifo });
    expect(code).toBe(1);
    expect(stderr).toMatch(/AUDIT_LOG_FILE must be a file the bot can append to .*not a regular file/);
  }, 100_000);
});

describe("start-up names the sandbox setting that cannot be used", () => {
  it("SANDBOX_DATABASE_URL pointing at no server", async () => {
    const { code, stderr } = await start({ SANDBOX_DATABASE_URL: "postgres://postgres@127.0.0.1:1/kigo" });
    expect(code).toBe(1);
    expect(oneLine(stderr)).toHaveLength(1);
    expect(stderr).toMatch(/\(SANDBOX_DATABASE_URL\): .*ECONNREFUSED/);
  }, 100_000);

  it("SANDBOX_DATA_DIR holding something that is not a database", async () => {
    const dir = join(freshDir(), "sandbox");
    mkdirSync(dir);
    writeFileSync(join(dir, "PG_VERSION"), "not a database\n");
    const { code, stderr } = await start({ SANDBOX_DATA_DIR: dir });
    expect(code).toBe(1);
    expect(stderr).toMatch(/\(SANDBOX_DATA_DIR\)/);
  }, 100_000);
});

describe("an external Kigo API", () => {
  let server: Server | undefined;

  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  });

  it("is reported not reachable yet, with the reason, when nothing answers; the bot still starts", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const { code, stdout } = await start({ KIGO_API_URL: `http://127.0.0.1:${port}`, KIGO_API_TOKEN: "t" });
    expect(stdout).toContain(
      `Using the Kigo API at 127.0.0.1:${port}, not reachable yet (connect ECONNREFUSED 127.0.0.1:${port}); the bot keeps trying.`,
    );
    expect(stdout).not.toMatch(/Connected to/);
    expect(code).toBe(0);
  }, 100_000);

  it("is reported connected when it answers", async () => {
    server = createServer((_request, response) => response.writeHead(401).end());
    await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const { stdout } = await start({ KIGO_API_URL: `http://127.0.0.1:${port}`, KIGO_API_TOKEN: "t" });
    expect(stdout).toMatch(`Connected to the Kigo API at 127.0.0.1:${port}.`);
  }, 100_000);
});

describe("SLACK_APPROVALS_CHANNEL", () => {
  const slack = { SLACK_BOT_TOKEN: "xoxb-test", SLACK_SIGNING_SECRET: "secret" };

  it("must be a channel id, not a channel's name", () => {
    for (const name of ["#approvals", "approvals", "c0123456789"]) {
      expect(() => loadConfig({ ...slack, SLACK_APPROVALS_CHANNEL: name })).toThrow(
        /SLACK_APPROVALS_CHANNEL must be a Slack channel id like C0123456789/,
      );
    }
    expect(loadConfig({ ...slack, SLACK_APPROVALS_CHANNEL: "C0123456789" }).SLACK_APPROVALS_CHANNEL).toBe(
      "C0123456789",
    );
  });
});
