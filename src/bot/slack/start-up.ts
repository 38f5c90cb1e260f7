import type { App } from "@slack/bolt";

/** Slack's answers to a token it will not accept: retrying cannot help, so start-up stops. */
const REJECTED = new Set([
  "invalid_auth",
  "not_authed",
  "account_inactive",
  "token_revoked",
  "token_expired",
]);

/**
 * The operator's mistake named in one line (main prints it as "Could not start: …") instead of a
 * Web API stack trace, before the bot claims to be running.
 */
export class SlackTokenRejected extends Error {
  constructor(variable: "SLACK_BOT_TOKEN" | "SLACK_APP_TOKEN", code: string) {
    super(`Slack rejected ${variable} (${code})`);
    this.name = "SlackTokenRejected";
  }
}

/** The error Slack answered a call with (`channel_not_found`), if Slack answered at all. */
export function platformCode(error: unknown): string | undefined {
  const data = (error as { data?: { error?: unknown } } | undefined)?.data;
  return typeof data?.error === "string" ? data.error : undefined;
}

/** Checks the bot token (auth.test), then starts the receiver; a rejected token of either kind throws. */
export async function startChecked<T>(app: App, start: () => Promise<T>): Promise<T> {
  try {
    await app.init();
  } catch (error) {
    const code = platformCode(error);
    if (code && REJECTED.has(code)) throw new SlackTokenRejected("SLACK_BOT_TOKEN", code);
    throw error;
  }
  try {
    return await start();
  } catch (error) {
    // Only Socket Mode calls Slack while starting: apps.connections.open with the app token.
    const code = platformCode(error);
    if (code && REJECTED.has(code)) throw new SlackTokenRejected("SLACK_APP_TOKEN", code);
    throw error;
  }
}
