import type { Rule } from "./scan.js";

const ALL = /\b(?:all|every)\s+(?:participating\s+)?(?:locations?|stores?|sites?|branches)\b/gi;
const SELECTED = /\b(?:selected|specific|certain)\s+(?:locations|stores|sites|branches)\b/gi;
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
