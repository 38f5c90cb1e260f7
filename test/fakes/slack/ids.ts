/** The workspace, bot and ids the fake Slack plays: the fake Web API and the signed-request builders agree on them. */
export const TEAM_ID = "T1";
export const TEAM_NAME = "Test";
export const APP_ID = "A1";
export const BOT_USER_ID = "UBOT";
export const BOT_ID = "BBOT";
export const BOT_TOKEN = "xoxb-test";
/** The app-level token Socket Mode opens connections with. */
export const APP_TOKEN = "xapp-test";

/** A user's DM with the bot; the fake names it after the user (U123 → D123). A channel id is its own answer. */
export function dmChannel(userOrChannel: string): string {
  return /^[UW]/.test(userOrChannel) ? `D${userOrChannel.slice(1)}` : userOrChannel;
}

let lastMicros = 0;

/**
 * A message ts as Slack writes them (seconds.microseconds) from the real clock, unique and increasing across the
 * fake's posts and the built events alike, so threads interleave in the order things happened.
 */
export function nextTs(): string {
  lastMicros = Math.max(Date.now() * 1000, lastMicros + 1);
  return `${Math.floor(lastMicros / 1_000_000)}.${String(lastMicros % 1_000_000).padStart(6, "0")}`;
}
