import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import net from "node:net";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Chat, startTestApp, type TestApp } from "../support/bot.js";
import { REDIS_URL, serviceAvailable } from "../support/services.js";

const COMPLETE = (code: string) =>
  `15% off all equipment for John Deere dealers in December, code ${code}, 3 uses per customer, 1000 total, budget $50k`;

/** A TCP relay to the real Redis that can be cut, leaving a closed port behind. */
async function startRelay(target: string): Promise<{ url: string; cut(): Promise<void> }> {
  const { hostname, port } = new URL(target);
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(port), hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("error", () => {});
      socket.on("close", () => sockets.delete(socket));
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port: relayPort } = server.address() as net.AddressInfo;
  return {
    url: `redis://127.0.0.1:${relayPort}`,
    cut: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}

const hasRedis = await serviceAvailable("redis");

describe.skipIf(!hasRedis)("with Redis down", () => {
  let app: TestApp | undefined;

  afterAll(async () => {
    await app?.close();
  });

  it("says the conversation store is unreachable, at once, instead of claiming the draft is saved", async () => {
    const relay = await startRelay(REDIS_URL);
    app = await startTestApp({ REDIS_URL: relay.url });
    const chat = new Chat(app, "dealerMarketer");
    await chat.say("20% off all equipment for John Deere dealers in December, budget $50k");
    expect(chat.reply("question").notes.join(" ")).toMatch(/20%/);

    await relay.cut();
    const started = Date.now();
    await chat.say("3 per customer");
    const text = JSON.stringify(chat.last);
    expect(text).toMatch(/conversation store is unreachable/);
    expect(text).toMatch(/try again in a minute/);
    expect(text).not.toMatch(/draft is saved/);
    // Without the fix the turn waits for Redis to come back, which never happens here; a loaded
    // machine may still take seconds over a healthy turn.
    expect(Date.now() - started).toBeLessThan(15_000);
  }, 40_000);
});

describe("an audit log that cannot be written", () => {
  let app: TestApp | undefined;

  afterAll(async () => {
    await app?.close();
  });

  it("still answers Publish, and the next command, when the audit file turns into a pipe", async () => {
    app = await startTestApp();
    const file = join(app.dir, "audit.log");
    // A named pipe with no reader: a plain append to it waits forever.
    rmSync(file, { force: true });
    execFileSync("mkfifo", [file]);
    const chat = new Chat(app, "dealerMarketer");
    await chat.say(COMPLETE("AUDITFIFO15"));
    await chat.click("Publish");
    expect(chat.reply("published").title).toMatch(/15% off/i);
    await chat.offers("list");
    expect(chat.reply("offer_list")).toBeDefined();
  }, 30_000);
});
