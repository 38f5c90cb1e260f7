import { join } from "node:path";
import type { FakeSlack } from "../fakes/slack/server.js";
import { startMain, waitUntil } from "../slack/support.js";
import type { TestApp } from "../support/bot.js";

/**
 * `npm start` in Slack's HTTP mode against the fake Slack, using `sandbox` as its Kigo API (so it
 * starts no database of its own) and `rolesDir`'s roles.json; resolves once it listens.
 */
export async function startSlackBot(
  fake: FakeSlack,
  sandbox: TestApp,
  options: { secret: string; rolesDir: string; name?: string; env?: Record<string, string> },
) {
  const bot = startMain(fake.apiUrl, {
    PORT: "0",
    SLACK_SIGNING_SECRET: options.secret,
    KIGO_API_URL: sandbox.kigo.url,
    KIGO_API_TOKEN: sandbox.kigo.embedded?.token ?? "",
    ROLES_FILE: join(options.rolesDir, "roles.json"),
    DEFAULT_TIME_ZONE: "America/Chicago",
    LOG_LEVEL: "warn",
    ...options.env,
  });
  const exited = new Promise<number | null>((resolve) => bot.child.once("exit", resolve));
  await waitUntil(() => /events at (\S+)\/slack\/events/.test(bot.printed.output), 60_000);
  const url = /events at (\S+)\/slack\/events/.exec(bot.printed.output)?.[1] ?? "";
  return { ...bot, url, exited, name: options.name ?? "bot" };
}

export type SpawnedBot = Awaited<ReturnType<typeof startSlackBot>>;
