import { PassThrough } from "node:stream";
import { runConsoleChat } from "../../src/bot/console/console-chat.js";
import type { TestApp } from "../support/bot.js";

/** Types `lines` into the console chat as `userId` and returns the whole screen once it ends. */
export async function consoleScreen(app: TestApp, userId: string, lines: string[]): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let screen = "";
  output.on("data", (chunk: Buffer) => {
    screen += chunk.toString("utf8");
  });
  const done = runConsoleChat({
    bot: app.bot,
    kv: app.kv,
    ttlSeconds: app.ttlSeconds,
    input,
    output,
    speaker: { userId, timeZone: "America/Chicago" },
  });
  input.end(`${lines.join("\n")}\n`);
  await done;
  return screen;
}
