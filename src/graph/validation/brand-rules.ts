import { fileURLToPath } from "node:url";
import { z } from "zod";
import { PROGRAM_TYPES } from "../draft.js";
import { loadJsonFile } from "./json-file.js";

const programBrandRules = z.strictObject({
  /** Words or phrases marketing may not use; matched case-insensitively as whole words. */
  bannedWords: z.array(z.string().trim().min(1)),
  /** The deepest percentage discount the program's brand owner allows. */
  maxDiscountPercent: z.number().positive().max(100),
  /** Sentences the terms & conditions must contain, word for word (case-insensitive). */
  requiredTerms: z.array(z.string().trim().min(1)),
});

/** One entry per program type: a missing program is a config error, not a silent "no rules". */
const brandRulesSchema = z.record(z.enum(PROGRAM_TYPES), programBrandRules);
export type BrandRules = z.infer<typeof brandRulesSchema>;
export type ProgramBrandRules = z.infer<typeof programBrandRules>;

// Three levels up from both src/graph/validation and dist/graph/validation is the package root.
const DEFAULT_BRAND_RULES_PATH = fileURLToPath(new URL("../../../config/brand-rules.json", import.meta.url));

export function loadBrandRules(path: string = DEFAULT_BRAND_RULES_PATH): BrandRules {
  return loadJsonFile(path, brandRulesSchema, "Brand rules");
}
