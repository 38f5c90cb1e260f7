import type { FieldError } from "../schemas.js";

/** Half of a surrogate pair: UTF-16 that has no UTF-8 form. In `u` mode a whole pair never matches. */
const LONE_SURROGATE = /\p{Cs}/u;

function problemOf(text: string): string | undefined {
  if (text.includes("\u0000")) return "must not contain a NUL character";
  if (LONE_SURROGATE.test(text)) return "must be valid Unicode text (it holds half of a surrogate pair)";
  return undefined;
}

/**
 * PostgreSQL text holds neither U+0000 nor text that is not UTF-8: a string carrying either fails
 * the query, whichever column or filter it reaches. Found before any schema runs, so every
 * endpoint refuses it the same way, naming where it was.
 */
export function unstorableText(value: unknown, where: string): FieldError[] {
  const errors: FieldError[] = [];
  const visit = (node: unknown, path: string[]) => {
    if (typeof node === "string") {
      const message = problemOf(node);
      if (message) errors.push({ field: path.length ? path.join(".") : where, message });
    } else if (node !== null && typeof node === "object") {
      for (const [key, child] of Object.entries(node)) visit(child, [...path, key]);
    }
  };
  visit(value, []);
  return errors;
}
