import { z } from "zod";

/**
 * Reading the Kigo API's answers one field and one row at a time.
 *
 * The production API and the dashboards that consume it disagree on names, vocabularies and
 * types, and grow new values without notice. One odd value must not hide a whole list from a
 * marketer: a field that cannot be read falls back (and is reported), and a row that cannot be
 * identified is left out of its list (and reported). What was not read is kept beside the value,
 * so the transport can log it without the schemas knowing about logging.
 */

export interface UnreadField {
  /** `resource.field`, e.g. `offer.offer_status`. */
  field: string;
  /** Why it was not read (the zod message). For operators, never shown to users. */
  reason: string;
  value: unknown;
}

const unread = new WeakMap<object, UnreadField[]>();

function note(target: object, problems: UnreadField[]): void {
  if (problems.length > 0) unread.set(target, [...(unread.get(target) ?? []), ...problems]);
}

/** Every field left unread anywhere inside a parsed answer. */
export function unreadIn(value: unknown): UnreadField[] {
  if (typeof value !== "object" || value === null) return [];
  const own = unread.get(value) ?? [];
  const nested = Object.values(value).flatMap(unreadIn);
  return [...own, ...nested];
}

function reasonOf(error: z.ZodError): string {
  const [issue] = error.issues;
  const where = issue?.path.length ? `${issue.path.join(".")}: ` : "";
  return `${where}${issue?.message ?? "unreadable"}`;
}

/** A field with its own fallback, computed from the value that could not be read. */
export interface Fallback<Read extends z.ZodType, Otherwise> {
  read: Read;
  otherwise: (raw: unknown) => Otherwise;
}

export function orElse<Read extends z.ZodType, Otherwise>(
  read: Read,
  otherwise: (raw: unknown) => Otherwise,
): Fallback<Read, Otherwise> {
  return { read, otherwise };
}

/** Lenient fields must accept absence: a plain schema falls back to what it reads for a missing key. */
type LenientShape = Record<string, z.ZodType | Fallback<z.ZodType, unknown>>;

type LenientOutput<Shape extends LenientShape> = {
  [Key in keyof Shape]: Shape[Key] extends Fallback<infer Read, infer Otherwise>
    ? z.output<Read> | Otherwise
    : Shape[Key] extends z.ZodType
      ? z.output<Shape[Key]>
      : never;
};

function readField(field: z.ZodType | Fallback<z.ZodType, unknown>, raw: unknown) {
  const read = field instanceof z.ZodType ? field : field.read;
  const parsed = read.safeParse(raw);
  if (parsed.success) return { value: parsed.data as unknown };
  const value = field instanceof z.ZodType ? field.safeParse(undefined).data : field.otherwise(raw);
  return { value, reason: reasonOf(parsed.error) };
}

/**
 * An object whose `required` fields identify it (it fails without them) and whose `lenient`
 * fields are read one by one. Unknown keys are dropped. `aliases` names other spellings of a key
 * (`{ id: "offer_id" }`); the documented name wins when both are present.
 */
export function lenientObject<Required extends z.ZodRawShape, Shape extends LenientShape>(spec: {
  resource: string;
  required: Required;
  lenient: Shape;
  aliases?: Record<string, string>;
}) {
  const aliases = Object.entries(spec.aliases ?? {});
  const withDocumentedNames = (raw: unknown) => {
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return raw;
    const row: Record<string, unknown> = { ...raw };
    for (const [alias, name] of aliases) {
      if (row[name] == null && row[alias] != null) row[name] = row[alias];
    }
    return row;
  };
  return z.preprocess(
    withDocumentedNames,
    z.looseObject(spec.required).transform((row) => {
      const raw = row as Record<string, unknown>;
      const value: Record<string, unknown> = {};
      for (const key of Object.keys(spec.required)) value[key] = raw[key];
      const problems: UnreadField[] = [];
      for (const [key, field] of Object.entries(spec.lenient)) {
        const read = readField(field, raw[key]);
        value[key] = read.value;
        if (read.reason)
          problems.push({ field: `${spec.resource}.${key}`, reason: read.reason, value: raw[key] });
      }
      note(value, problems);
      return value as z.output<z.ZodObject<Required>> & LenientOutput<Shape>;
    }),
  );
}

/** A list whose unreadable rows are left out (and reported) instead of failing the whole list. */
export function lenientArray<Item extends z.ZodType>(item: Item, resource: string) {
  return z.array(z.unknown()).transform((rows) => {
    const items: z.output<Item>[] = [];
    const problems: UnreadField[] = [];
    for (const row of rows) {
      const parsed = item.safeParse(row);
      if (parsed.success) {
        items.push(parsed.data);
        continue;
      }
      const key = parsed.error.issues[0]?.path[0];
      const isObject = typeof row === "object" && row !== null;
      problems.push({
        field: `${resource}.${String(key ?? "row")}`,
        reason: reasonOf(parsed.error),
        // The value that failed, not the whole row: a log line per field stays readable.
        value: isObject && key !== undefined ? (row as Record<PropertyKey, unknown>)[key] : row,
      });
    }
    note(items, problems);
    return items;
  });
}
