import { readFileSync } from "node:fs";
import { Ajv } from "ajv";

/**
 * Checks a card against the Adaptive Cards 1.5 elements and actions the Teams views use (see the
 * schema's `$comment`: no package ships the official 1.5 schema, so this subset was written from it).
 */
const schema = JSON.parse(readFileSync(new URL("./adaptive-card-1.5.schema.json", import.meta.url), "utf8"));
const ajv = new Ajv({ allErrors: true, allowUnionTypes: true });
ajv.addFormat("uri", (value: string) => URL.canParse(value));
ajv.addFormat("uri-reference", (value: string) => URL.canParse(value, "https://example.com/"));
const validate = ajv.compile(schema);

/** One line per problem ("/body/3/facts/0: must have required property 'value'"); none for a valid card. */
export function adaptiveCardProblems(card: unknown): string[] {
  if (validate(card)) return [];
  return (validate.errors ?? []).map(
    (error) =>
      `${error.instancePath || "/"}: ${error.message ?? error.keyword} ${JSON.stringify(error.params)}`,
  );
}
