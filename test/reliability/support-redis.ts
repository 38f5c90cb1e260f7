import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * A redis-server of the test's own, on a free loopback port, with an append-only file in a
 * directory of its own, like a production Redis with AOF: it can be killed and started again on
 * the same port and data without touching the machine's Redis other tests share.
 */
export interface OwnRedis {
  url: string;
  port: number;
  dir: string;
  /** Whether a server is running now. */
  readonly running: boolean;
  /** Starts the server (again) on the same port and directory; resolves once it answers PING. */
  start(): Promise<void>;
  /** Stops it with `signal` (SIGKILL: a crash), and waits for the process to be gone. */
  stop(signal?: NodeJS.Signals): Promise<void>;
  /** Stops it if running and removes its directory; safe to call more than once. */
  dispose(): Promise<void>;
  /** What the server printed, for a failing test's message. */
  log(): string;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function pings(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port }, () => socket.write("PING\r\n"));
    socket.setTimeout(500, () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("data", (data) => {
      socket.destroy();
      resolve(data.toString().startsWith("+PONG"));
    });
    socket.once("error", () => resolve(false));
  });
}

export async function startOwnRedis(): Promise<OwnRedis> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), "kigo-redis-"));
  let child: ChildProcess | undefined;
  let printed = "";

  const start = async () => {
    if (child) throw new Error("this Redis is already running");
    const started = spawn(
      "redis-server",
      [
        "--port",
        String(port),
        "--bind",
        "127.0.0.1",
        "--save",
        "",
        "--appendonly",
        "yes",
        // Every write on disk before it is answered: a SIGKILL loses nothing the bot was told
        // was stored, so what the test sees after a restart is the bot's doing, not Redis's.
        "--appendfsync",
        "always",
        "--dir",
        dir,
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    child = started;
    const collect = (chunk: Buffer) => {
      printed += chunk.toString();
    };
    started.stdout?.on("data", collect);
    started.stderr?.on("data", collect);
    started.once("exit", () => {
      if (child === started) child = undefined;
    });
    const deadline = Date.now() + 10_000;
    while (!(await pings(port))) {
      if (!child) throw new Error(`redis-server exited at start:\n${printed.slice(-2_000)}`);
      if (Date.now() > deadline) throw new Error(`redis-server did not answer:\n${printed.slice(-2_000)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  const stop = async (signal: NodeJS.Signals = "SIGKILL") => {
    const running = child;
    if (!running) return;
    const exited = new Promise((resolve) => running.once("exit", resolve));
    running.kill(signal);
    await exited;
  };

  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    dir,
    get running() {
      return child !== undefined;
    },
    start,
    stop,
    async dispose() {
      await stop("SIGKILL");
      rmSync(dir, { recursive: true, force: true });
    },
    log: () => printed,
  };
}
