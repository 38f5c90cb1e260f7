import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import net from "node:net";
import { describe, expect, it } from "vitest";

/** `npm run sandbox` as an operator runs it, in a child process with its own environment. */
function startCli(env: Record<string, string>) {
  const child = spawn(process.execPath, ["--import", "tsx", "src/kigo/sandbox/cli.ts"], {
    env: { PATH: process.env.PATH, LOG_LEVEL: "silent", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output = { stdout: "", stderr: "" };
  child.stdout?.on("data", (chunk: Buffer) => {
    output.stdout += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output.stderr += chunk.toString();
  });
  const exited = once(child, "exit").then(([code]) => code as number | null);
  return { child, output, exited };
}

async function waitFor(child: ChildProcess, output: { stdout: string }, pattern: RegExp): Promise<string> {
  for (let waited = 0; waited < 30_000; waited += 100) {
    const match = pattern.exec(output.stdout);
    if (match?.[1]) return match[1];
    if (child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no ${pattern} in output:\n${output.stdout}`);
}

// Each test runs `npm run sandbox` in a process of its own: slow on a busy CI machine.
describe("npm run sandbox", { timeout: 120_000 }, () => {
  it("serves the demo data on the printed URL and stops cleanly on SIGTERM", async () => {
    const cli = startCli({ SANDBOX_PORT: "0", SANDBOX_TOKEN: "cli-test-token" });
    const url = await waitFor(cli.child, cli.output, /URL {8}(http:\/\/127\.0\.0\.1:\d+)/);
    expect(cli.output.stdout).toContain(
      `curl -H "Authorization: Bearer cli-test-token" ${url}/dashboard/offers`,
    );

    const response = await fetch(`${url}/dashboard/offers`, {
      headers: { authorization: "Bearer cli-test-token" },
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { offers: { short_text?: string }[] };
    expect(body.offers.map((offer) => offer.short_text)).toContain(
      "15% Off Genuine John Deere Parts & Service",
    );

    cli.child.kill("SIGTERM");
    expect(await cli.exited).toBe(0);
    expect(cli.output.stderr).toBe("");
  });

  it("names each bad setting on its own line and exits 1 without a stack", async () => {
    const cli = startCli({ SANDBOX_PORT: "99999", SANDBOX_HOST: "not a host" });
    expect(await cli.exited).toBe(1);
    expect(cli.output.stderr.trim().split("\n").sort()).toEqual([
      "SANDBOX_HOST must be a host name or IP address to listen on, e.g. 127.0.0.1 or 0.0.0.0",
      "SANDBOX_PORT must be a TCP port between 0 and 65535, e.g. 4010",
    ]);
  });

  it("says which setting to change when the port is taken", async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const { port } = blocker.address() as net.AddressInfo;
    try {
      const cli = startCli({ SANDBOX_PORT: String(port) });
      expect(await cli.exited).toBe(1);
      expect(cli.output.stderr).toBe(
        `SANDBOX_PORT ${port} is already in use on 127.0.0.1; ` +
          "stop whatever holds it or set SANDBOX_PORT to another port (0 picks a free one)\n",
      );
    } finally {
      blocker.close();
    }
  });
});
