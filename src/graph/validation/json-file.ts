import { readFileSync } from "node:fs";
import type { z } from "zod";
import { ConfigError } from "../../config.js";

/**
 * Reads a JSON file the bot cannot run without. Every problem (missing file, bad JSON, wrong field)
 * becomes one ConfigError naming the file and the field, so start-up stops with a fixable line.
 */
export function loadJsonFile<Schema extends z.ZodType>(
  path: string,
  schema: Schema,
  label: string,
): z.output<Schema> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new ConfigError(`${label} file ${path} could not be read: ${(error as Error).message}`);
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map(
    (issue) => `${issue.path.join(".") || "(top level)"}: ${issue.message}`,
  );
  throw new ConfigError(`${label} file ${path} is invalid: ${problems.join("; ")}`);
}
