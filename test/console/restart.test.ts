import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Screen } from "../support/screen.js";

/**
 * `npm start` twice on one DATA_DIR, as a person would: publish an offer and leave a draft, quit,
 * start again, and find both. Input is piped; the chat reads lines, so no terminal is needed.
 */

class ConsoleRun {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly screen: Screen;

  constructor(dataDir: string) {
    this.child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      env: { ...process.env, DATA_DIR: dataDir, DEFAULT_TIME_ZONE: "America/Chicago", LOG_LEVEL: "silent" },
    });
    this.screen = new Screen(this.child.stdout, this.child.stderr);
  }

  type(line: string): void {
    this.child.stdin.write(`${line}\n`);
  }

  expect(pattern: RegExp, timeoutMs = 20_000): Promise<string> {
    return this.screen.expect(pattern, timeoutMs, () => this.child.exitCode === null);
  }

  async quit(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => this.child.once("exit", resolve));
    this.type("/quit");
    await this.expect(/Bye\. Your drafts are kept\./);
    return exited;
  }

  kill(): void {
    if (this.child.exitCode === null) this.child.kill("SIGKILL");
  }
}

/** Starts `npm start`'s entry point, runs `steps`, and always stops the process. */
async function session(dataDir: string, steps: (run: ConsoleRun) => Promise<void>): Promise<void> {
  const run = new ConsoleRun(dataDir);
  try {
    await run.expect(/Connected to the built-in Kigo sandbox/, 60_000);
    await steps(run);
    expect(await run.quit()).toBe(0);
  } finally {
    run.kill();
  }
}

const choice = (screen: string, label: string) => new RegExp(`(\\d+)\\) ${label}`).exec(screen)?.[1] ?? "";

describe("npm start twice on one DATA_DIR", () => {
  it("keeps the drafts and the published offers", { timeout: 120_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "kigo-console-"));
    let offerId = "";
    let question = "";

    await session(dataDir, async (run) => {
      run.type(
        "20% off all equipment for John Deere dealers next month, code KEPTLIVE, 3 uses per customer, 1000 total, budget $50k",
      );
      await run.expect(/Which merchant/);
      run.type("Heartland");
      run.type(choice(await run.expect(/\d+\) Publish/), "Publish"));
      offerId = /as offer #(\d+)/.exec(await run.expect(/as offer #\d+/))?.[1] ?? "";

      run.type("/new");
      run.type("15% off all equipment for John Deere dealers next month, code KEPTDRAFT, budget $50k");
      await run.expect(/Which merchant/);
      run.type("Heartland");
      question = (await run.expect(/\?\n/)).trim().split("\n").at(-1) ?? "";
    });

    await session(dataDir, async (run) => {
      run.type("/offers drafts");
      const drafts = await run.expect(/\d+\) Resume "[^\n]*/);
      expect(drafts).toMatch(/\(collecting, /);
      run.type(choice(drafts, "Resume"));
      await run.expect(new RegExp(question.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
      run.type("/offers list active");
      await run.expect(new RegExp(`#${offerId} `));
    });
  });
});
