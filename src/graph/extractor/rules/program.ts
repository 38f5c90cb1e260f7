import type { DraftPatch, ProgramType } from "../../draft.js";
import type { ExtractContext } from "../types.js";
import { addToTerms } from "./conditions.js";
import { agreed, type Rule, type Scan } from "./scan.js";

/** Said outright; these win over what the audience suggests. */
const EXPLICIT: [RegExp, ProgramType][] = [
  [/\bclosed[\s-]?loop\b/i, "closed_loop"],
  [/\bopen[\s-]?loop\b/i, "open_loop"],
  [/\bhybrid\b/i, "hybrid"],
];

/** Who the offer is for says which kind of program it runs in (John Deere dealers; Yardi properties). */
const HINTS: [RegExp, ProgramType][] = [
  [/\bdealers?\b/i, "closed_loop"],
  [/\b(?:tenants?|residents?|propert(?:y|ies)|catalog\s+merchants?|merchant\s+catalog)\b/i, "open_loop"],
];

const AUDIENCES: [RegExp, string][] = [
  [/\bdealers?\b/i, "dealers"],
  [/\bfleets?\b/i, "fleet"],
  [/\b(?<!new\s)tenants?\b/i, "tenants"],
  [/\b(?<!new\s)residents?\b/i, "residents"],
];

/** "new leases", "rewards members", "first-time customers": who the offer is for, in the marketer's words. */
const NAMED_AUDIENCE =
  /\b(?:(?:new|first[\s-]time|returning|existing|lapsed|loyal(?:ty)?|rewards?|vip)\s+(?:leases|lessees|residents|tenants|customers|members|buyers|renters|guests|diners|shoppers|users|accounts)|students|seniors|veterans|military|teachers|nurses|first\s+responders)\b/gi;

/**
 * "members only", "only for homebase members", "audience is members": an audience said to be the
 * only one. Kigo cannot check membership, so it also goes into the terms for the merchant to honour.
 */
const ONLY_AUDIENCE =
  /\b(?:only\s+for\s+(?:our\s+)?((?:[a-z'’-]+\s+)?(?:members|cardholders|subscribers))|(?:for\s+)?((?:[a-z'’-]+\s+)?(?:members|cardholders|subscribers))\s+only|(?:target\s+)?audience\s*(?:is|:|=|should\s+be)\s*([^,.;\n]+))/gi;

function onlyAudience(scan: Scan, patch: DraftPatch, context: ExtractContext, notes: string[]): string[] {
  const names = scan
    .take(ONLY_AUDIENCE)
    .map((match) =>
      (match[1] ?? match[2] ?? match[3] ?? "")
        .trim()
        .toLowerCase()
        .replace(/^(?:for|our)\s+/, ""),
    )
    .filter(Boolean);
  const members = names.filter((name) => /\b(?:members|cardholders|subscribers)$/.test(name));
  addToTerms(
    members.map((name) => `Valid for ${name} only.`),
    patch,
    context,
    notes,
    "check who is a member",
  );
  return names;
}

/** Program type and target audience. A message that hints at two kinds of program sets neither. */
export const readProgram: Rule = (scan, patch, context, notes) => {
  const only = onlyAudience(scan, patch, context, notes);
  const said = (list: [RegExp, ProgramType][]) =>
    list.filter(([pattern]) => scan.has(pattern)).map(([, type]) => type);
  const explicit = said(EXPLICIT);
  const programType = explicit.length > 0 ? agreed(explicit) : agreed(said(HINTS));
  if (programType) patch.programType = programType;

  const named = [...scan.text.matchAll(NAMED_AUDIENCE)].map((match) => ({
    name: match[0].toLowerCase().replace(/\s+/g, " "),
    at: match.index,
  }));
  const audience = [
    ...AUDIENCES.map(([pattern, name]) => ({ name, at: scan.text.search(pattern) })),
    ...named,
  ]
    .filter(({ at }) => at >= 0)
    .sort((a, b) => a.at - b.at)
    .map(({ name }) => name);
  const all = [...new Set([...only, ...audience])];
  if (all.length > 0) patch.targetAudience = all;
};
