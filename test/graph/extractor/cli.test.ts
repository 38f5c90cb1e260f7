import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { SEED_MESSAGE } from "../../support/seed.js";

const run = promisify(execFile);

/** The tsx loader straight from node: what `npx tsx` runs, without npx's start-up on every case. */
async function extract(...args: string[]) {
  return exec(process.execPath, ["--import", "tsx", "src/cli/extract.ts", ...args]);
}

async function exec(file: string, args: string[]) {
  try {
    const { stdout, stderr } = await run(file, args);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe("npm run extract", () => {
  it("prints the rule-based patch for one message as indented JSON", async () => {
    const { code, stdout } = await exec("npm", [
      "run",
      "-s",
      "extract",
      "--",
      "--now",
      "2026-11-25",
      "--tz",
      "America/Chicago",
      SEED_MESSAGE,
    ]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      programType: "closed_loop",
      targetAudience: ["dealers"],
      totalBudget: 50000,
      startDate: "2026-12-01",
      endDate: "2026-12-31",
      offerType: "percentage_savings",
      offerValue: 20,
      itemName: "all equipment",
      redemptionMethod: "promo_code",
      promoCode: "DEALER20",
      usageLimitPerCustomer: 3,
      totalUsageLimit: 1000,
    });
    expect(stdout).toContain('\n  "programType": "closed_loop",\n');
  });

  it("resolves relative dates against --now in --tz", async () => {
    const { stdout } = await extract(
      "--now",
      "2026-11-30",
      "--tz",
      "Pacific/Kiritimati",
      "starting tomorrow",
    );
    expect(JSON.parse(stdout)).toEqual({ startDate: "2026-12-01" });
  });

  it("prints an empty object when the message states nothing", async () => {
    const { code, stdout } = await extract("--now", "2026-11-25", "hello there");
    expect(code).toBe(0);
    expect(stdout).toBe("{}\n");
  });

  it.each([
    [["--now", "2026-13-01", "hi"], "--now must be a calendar date"],
    [["--tz", "Mars/Olympus", "hi"], "--tz must be an IANA time zone"],
    [["--verbose", "hi"], "Unknown option '--verbose'. usage:"],
    [["--now"], "Option '--now <value>' argument missing"],
    [["--now", "2026-11-25"], "give the message to read"],
  ])("exits 2 with one line naming the problem for %j", async (args, problem) => {
    const { code, stdout, stderr } = await extract(...args);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toContain(problem);
    expect(stderr).toContain("usage: npm run -s extract --");
  });
});
