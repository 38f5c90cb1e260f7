/** The workspace and bot the fake Slack plays, shared by the fake Web API and the signed-request builders. */
export const TEAM_ID = "T1";
export const TEAM_NAME = "Test";
export const APP_ID = "A1";
export const BOT_USER_ID = "UBOT";
export const BOT_ID = "BBOT";
export const BOT_TOKEN = "xoxb-test";

/** A user's DM with the bot; the fake names it after the user (U123 → D123). A channel id is its own answer. */
export function dmChannel(userOrChannel: string): string {
  return /^[UW]/.test(userOrChannel) ? `D${userOrChannel.slice(1)}` : userOrChannel;
}
