/**
 * What a user typed, as plain words: Slack sends a link as `<https://x|label>` or `<https://x>`
 * and a person as `<@U123|name>`; the core reads the link itself and the user id.
 */
export function plainTextOf(slackText: string): string {
  return slackText
    .replace(/<((?:https?|mailto):[^|>\s]+)(?:\|[^>]*)?>/gi, "$1")
    .replace(/<@([A-Z0-9]+)(?:\|[^>]*)?>/g, "$1");
}
