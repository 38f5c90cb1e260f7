/**
 * Decoding a Web API request body the way Slack does. @slack/web-api sends form-encoded bodies in which every
 * array or object argument is a JSON string, so those fields are parsed back; JSON bodies arrive as they are.
 */

// biome-ignore lint/suspicious/noExplicitAny: decoded request bodies are whatever the client sent, inspected freely by tests
export type Decoded = Record<string, any>;

const JSON_FIELDS = ["attachments", "blocks", "chunks", "files", "metadata", "prompts", "view"];

/** Undefined when a JSON body is not a JSON object, which Slack answers with invalid_json. */
export function decodeBody(contentType: string | undefined, raw: string): Decoded | undefined {
  if (contentType?.startsWith("application/json")) {
    try {
      const parsed: unknown = raw === "" ? {} : JSON.parse(raw);
      return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? parsed : undefined;
    } catch {
      return undefined;
    }
  }
  const body: Decoded = Object.fromEntries(new URLSearchParams(raw));
  for (const field of JSON_FIELDS) {
    const value = body[field];
    if (typeof value !== "string") continue;
    try {
      body[field] = JSON.parse(value);
    } catch {
      // Left as the string: the method answers invalid_blocks_format (or the like) just as Slack would.
    }
  }
  return body;
}
