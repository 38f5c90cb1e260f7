import { readFileSync } from "node:fs";
import { Ajv } from "ajv";

/**
 * Microsoft's Teams app manifest schema v1.22 (vendored, MIT: see the .LICENSE file beside it). It is
 * written for draft-04, but uses nothing that draft-07 reads differently: without its `$schema` line
 * ajv 8 compiles it as it is, so ajv-draft-04 is not needed.
 */
const { $schema: _, ...schema } = JSON.parse(
  readFileSync(new URL("./MicrosoftTeams.v1.22.schema.json", import.meta.url), "utf8"),
);
const ajv = new Ajv({ allErrors: true, strict: false });
ajv.addFormat("uri", (value: string) => URL.canParse(value));
const validate = ajv.compile(schema);

/** What the schema refuses in a manifest, as "pointer message" lines; empty when it passes. */
export function manifestSchemaProblems(manifest: unknown): string[] {
  return validate(manifest) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}
