import type { ProgramType } from "../../draft.js";
import { agreed, type Rule } from "./scan.js";

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
  [/\btenants?\b/i, "tenants"],
  [/\bresidents?\b/i, "residents"],
];

/** Program type and target audience. A message that hints at two kinds of program sets neither. */
export const readProgram: Rule = (scan, patch) => {
  const said = (list: [RegExp, ProgramType][]) =>
    list.filter(([pattern]) => scan.has(pattern)).map(([, type]) => type);
  const explicit = said(EXPLICIT);
  const programType = explicit.length > 0 ? agreed(explicit) : agreed(said(HINTS));
  if (programType) patch.programType = programType;

  const audience = AUDIENCES.map(([pattern, name]) => ({ name, at: scan.text.search(pattern) }))
    .filter(({ at }) => at >= 0)
    .sort((a, b) => a.at - b.at)
    .map(({ name }) => name);
  if (audience.length > 0) patch.targetAudience = audience;
};
