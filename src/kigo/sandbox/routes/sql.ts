import type { SqlExecutor } from "../db.js";
import type { ListShape } from "./kit.js";

export type Row = Record<string, unknown>;
export type Values = Record<string, unknown>;

/**
 * Table and column names below come from this module and the zod schemas, never from a request:
 * parsed bodies only carry the keys their schema declares.
 */

/** Absent keys stay out of the statement so an update leaves those columns alone; null clears. */
function present(values: Values): [string, unknown][] {
  return Object.entries(values).filter(([, value]) => value !== undefined);
}

export function pick(values: Values, columns: readonly string[]): Values {
  return Object.fromEntries(present(values).filter(([column]) => columns.includes(column)));
}

/**
 * INSERT ... RETURNING one row. With `upsertOn`, a clash on those columns overwrites only the
 * columns given (the no-op assignment when there are none still returns the existing row).
 */
export async function insertRow(
  db: SqlExecutor,
  table: string,
  values: Values,
  returning: string,
  upsertOn?: string[],
): Promise<Row> {
  const entries = present(values);
  const columns = entries.map(([column]) => column);
  const placeholders = entries.map((_, index) => `$${index + 1}`);
  let onConflict = "";
  if (upsertOn?.length) {
    const updated = columns.filter((column) => !upsertOn.includes(column));
    const sets = (updated.length ? updated : upsertOn.slice(0, 1)).map(
      (column) => `${column} = EXCLUDED.${column}`,
    );
    onConflict = `ON CONFLICT (${upsertOn.join(", ")}) DO UPDATE SET ${sets.join(", ")}`;
  }
  const [row] = await db.query(
    `INSERT INTO ${table} (${columns.join(", ")}) VALUES (${placeholders.join(", ")}) ${onConflict} RETURNING ${returning}`,
    entries.map(([, value]) => value),
  );
  if (!row) throw new Error(`INSERT INTO ${table} returned no row`);
  return row;
}

export async function updateRow(
  db: SqlExecutor,
  table: string,
  key: { column: string; id: number },
  values: Values,
  { returning, touch }: { returning: string; touch: boolean },
): Promise<Row | undefined> {
  const entries = present(values);
  const sets = entries.map(([column], index) => `${column} = $${index + 2}`);
  if (touch) sets.push("updated_at = now()");
  const sql = sets.length
    ? `UPDATE ${table} SET ${sets.join(", ")} WHERE ${key.column} = $1 RETURNING ${returning}`
    : `SELECT ${returning} FROM ${table} WHERE ${key.column} = $1`;
  const [row] = await db.query(sql, [key.id, ...entries.map(([, value]) => value)]);
  return row;
}

/** `%text%` for ILIKE with the caller's own `%`, `_` and `\` taken literally. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, "\\$&")}%`;
}

/** WHERE conditions built up with their parameters numbered in order. */
export class Conditions {
  readonly where: string[] = [];
  readonly params: unknown[] = [];

  add(condition: (placeholder: string) => string, value: unknown): void {
    this.params.push(value);
    this.where.push(condition(`$${this.params.length}`));
  }

  /** `column = value` for each given value; undefined ones are no filter. */
  static equal(values: Values): Conditions {
    const conditions = new Conditions();
    for (const [column, value] of present(values)) conditions.add((p) => `${column} = ${p}`, value);
    return conditions;
  }

  get clause(): string {
    return this.where.length ? `WHERE ${this.where.join(" AND ")}` : "";
  }
}

export interface PageRequest {
  select: string;
  from: string;
  filter: Conditions;
  orderBy: string;
  limit: number;
  offset: number;
}

export async function selectPage(
  db: SqlExecutor,
  page: PageRequest,
): Promise<{ rows: Row[]; total: number }> {
  const { clause, params } = page.filter;
  const [count] = await db.query<{ total: number }>(
    `SELECT count(*) AS total FROM ${page.from} ${clause}`,
    params,
  );
  const rows = await db.query(
    `SELECT ${page.select} FROM ${page.from} ${clause} ORDER BY ${page.orderBy}
     LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, page.limit, page.offset],
  );
  return { rows, total: count?.total ?? 0 };
}

/** The two list envelopes the production docs describe. */
export function envelope(
  key: string,
  items: unknown[],
  total: number,
  page: { limit: number; offset: number },
  shape: ListShape,
) {
  return shape === "total_count"
    ? { [key]: items, total_count: total, limit: page.limit, offset: page.offset }
    : { [key]: items, total, has_more: page.offset + items.length < total };
}
