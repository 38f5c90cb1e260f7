/**
 * What a user typed, as plain words: Slack sends a link as `<https://x|label>` or `<https://x>`,
 * and the core reads the link itself.
 */
export function plainTextOf(slackText: string): string {
  return slackText.replace(/<((?:https?|mailto):[^|>\s]+)(?:\|[^>]*)?>/gi, "$1");
}
