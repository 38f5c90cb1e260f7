import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * `npm start` on a fresh machine, driven through a pseudo-terminal (util-linux `script`) as a
 * person would: describe an offer, answer, publish, list, quit.
 */

const hasScript = await new Promise<boolean>((resolve) => {
  const probe = spawn("script", ["--version"]);
  probe.on("error", () => resolve(false));
  probe.on("exit", (code) => resolve(code === 0));
});
if (!hasScript)
  console.warn("SKIPPED: console pseudo-terminal test needs util-linux `script` (apt-get install bsdutils)");

class Terminal {
  private output = "";
  private cursor = 0;
  readonly process: ChildProcessWithoutNullStreams;

  constructor(command: string, env: Record<string, string>) {
    this.process = spawn("script", ["-qfec", command, "/dev/null"], {
      env: { ...process.env, ...env },
      cwd: process.cwd(),
    });
    this.process.stdout.on("data", (chunk: Buffer) => {
      this.output += chunk.toString("utf8");
    });
    this.process.stderr.on("data", (chunk: Buffer) => {
      this.output += chunk.toString("utf8");
    });
  }

  type(line: string): void {
    this.process.stdin.write(`${line}\r`);
  }

  /** Waits for `pattern` in what was printed since the last match; returns that stretch. */
  async expect(pattern: RegExp, timeoutMs = 30_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const fresh = this.output.slice(this.cursor);
      const match = pattern.exec(fresh);
      if (match) {
        this.cursor += match.index + match[0].length;
        return fresh.slice(0, match.index + match[0].length);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(
      `timed out waiting for ${pattern}; screen since last match:\n${this.output.slice(this.cursor)}`,
    );
  }

  exited(): Promise<number | null> {
    return new Promise((resolve) => {
      if (this.process.exitCode !== null) resolve(this.process.exitCode);
      else this.process.on("exit", (code) => resolve(code));
    });
  }
}

describe.skipIf(!hasScript)("console chat through a pseudo-terminal", () => {
  let terminal: Terminal;

  beforeAll(() => {
    terminal = new Terminal("npx tsx src/main.ts", {
      DEFAULT_TIME_ZONE: "America/Chicago",
      LOG_LEVEL: "silent",
      // A fresh machine: nothing from an earlier run, and nothing left in the repository's .data/.
      DATA_DIR: mkdtempSync(join(tmpdir(), "kigo-console-")),
    });
  });

  afterAll(() => {
    if (terminal.process.exitCode === null) terminal.process.kill("SIGKILL");
  });

  it("creates, previews, publishes and lists an offer, then quits cleanly", async () => {
    await terminal.expect(/Connected to the built-in Kigo sandbox/, 60_000);
    await terminal.expect(/> /);
    terminal.type(
      "20% off all equipment for John Deere dealers next month, code CONSOLE20, 3 uses per customer, 1000 total, budget $50k",
    );
    await terminal.expect(/Which merchant/);
    terminal.type("Heartland");
    const preview = await terminal.expect(/(\d+)\) Publish/);
    expect(preview).toMatch(/Preview: 20% off/);
    expect(preview).toMatch(/Promo code: CONSOLE20/);
    const publishChoice = /(\d+)\) Publish/.exec(preview)?.[1] ?? "1";
    terminal.type(publishChoice);
    const published = await terminal.expect(/Published "20% off all equipment" as offer #(\d+)/);
    const offerId = /as offer #(\d+)/.exec(published)?.[1];
    terminal.type("/offers list active");
    // Live in Kigo, starting next month: not redeemable yet.
    await terminal.expect(new RegExp(`#${offerId} 20% off all equipment \\[scheduled\\]`));
    terminal.type("quit");
    await terminal.expect(/Bye/);
    expect(await terminal.exited()).toBe(0);
    // A fresh `npm start` compiles the bot and creates its sandbox database: tens of seconds on a busy CI machine.
  }, 180_000);
});
