import type { Rule } from "./scan.js";

const ALL = /\b(?:all|every)\s+(?:participating\s+)?(?:locations?|stores?|sites?|branches)\b/gi;
const SELECTED =
  /\b(?:selected|specific|certain|some)\s+(?:locations|stores|sites|branches|dealers|dealerships)\b/gi;
const ONLY_AT =
  /\b(?:only|just)\s+(?:at|in)\s+(?:the\s+)?((?:\p{Lu}[\p{L}.'-]*|\d+\s+\p{Lu}[\p{L}.'-]*)(?:\s+(?:and\s+|&\s+)?\p{Lu}[\p{L}.'-]*)*)(?:\s+(?:store|location|dealership|branch)e?s?)?/gu;

/** "only at Ames and Des Moines": places to match against the merchant's locations. */
export function readPlaces(text: string): string | undefined {
  const places = [...text.matchAll(ONLY_AT)].map((match) => match[1]?.trim()).filter(Boolean);
  return places.length > 0 ? places.join(", ") : undefined;
}
const IDS = /\b(?:locations?|stores?|sites?)\s*(?:ids?\s*)?(?::|#)?\s*(\d+(?:\s*(?:,|and|&|#)\s*#?\d+)*)\b/gi;

/** Where the offer applies: everywhere, or the listed location ids. */
export const readLocations: Rule = (scan, patch) => {
  const ids = scan
    .take(IDS)
    .flatMap((match) => (match[1] ?? "").match(/\d+/g) ?? [])
    .map(Number);
  const selected = scan.take(SELECTED).length > 0 || ids.length > 0;
  const all = scan.take(ALL).length > 0;
  if (selected === all) return;
  patch.locationScope = all ? "all" : "selected";
  if (ids.length > 0) patch.locationIds = [...new Set(ids)];
};
