import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { startMain, waitUntil } from "../slack/support.js";

const EVENTS_AT = /events at (\S+)\/slack\/events/;

/** `npm start` in Slack HTTP mode (startMain), once it listens. */
export interface RunningBot extends ReturnType<typeof startMain> {
  /** Its base URL: /slack/events, /api/messages and the ops routes are under it. */
  url: string;
  /** What it wrote on stderr alone: its log. */
  readonly stderr: string;
  /** Sends `signal` unless it has exited already, and waits for the exit. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts `npm start` against the fake Slack at `apiUrl` with `env`; resolves once it says where it listens. */
export async function startBot(apiUrl: string, env: Record<string, string>): Promise<RunningBot> {
  const bot = startMain(apiUrl, { PORT: "0", ...env });
  let stderr = "";
  bot.child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  await waitUntil(() => EVENTS_AT.test(bot.printed.output) || bot.child.exitCode !== null, 60_000);
  const url = EVENTS_AT.exec(bot.printed.output)?.[1];
  if (!url) throw new Error(`npm start did not come up:\n${bot.printed.output.slice(-3_000)}`);
  return {
    ...bot,
    url,
    get stderr() {
      return stderr;
    },
    async stop(signal = "SIGKILL") {
      if (bot.child.exitCode !== null || bot.child.signalCode !== null) return;
      const exited = new Promise((resolve) => bot.child.once("exit", resolve));
      bot.child.kill(signal);
      await exited;
    },
  };
}

/** A roles file in `dir` granting each user id its roles; returns its path, for ROLES_FILE. */
export function writeRoles(dir: string, users: Record<string, unknown>): string {
  const file = join(dir, "roles.json");
  writeFileSync(file, JSON.stringify({ unknownUsers: [], users }));
  return file;
}

/** The lines of `log` that are not JSON: what an operator's log pipeline could not read. */
export function unreadableLines(log: string): string[] {
  return log
    .split("\n")
    .filter((line) => line.trim() !== "")
    .filter((line) => {
      try {
        JSON.parse(line);
        return false;
      } catch {
        return true;
      }
    });
}
