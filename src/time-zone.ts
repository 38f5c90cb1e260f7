/** The IANA spelling of a time zone name ("america/chicago" → "America/Chicago"); undefined if unknown. */
export function canonicalZone(name: string): string | undefined {
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}
