import type { Context } from "hono";
import type { z } from "zod";
import type { SqlDatabase } from "../db.js";
import type { FaultInjector } from "../faults.js";
import { fromZodError, notFound, requiredMessage, validationError } from "../http-errors.js";
import { unstorableText } from "../storable-text.js";

export type ListShape = "total_count" | "total_has_more";

/** What every handler may use; one per sandbox. */
export interface SandboxEnv {
  readonly db: SqlDatabase;
  readonly today: () => string;
  readonly listShape: ListShape;
  readonly faults: FaultInjector;
}

export interface Reply {
  status: number;
  body?: unknown;
}

export type Handler = (c: Context, env: SandboxEnv) => Promise<Reply>;

export interface RouteDef {
  /** "METHOD /pattern", the name faults and hit counts use. */
  readonly key: string;
  readonly method: "GET" | "POST" | "PUT" | "DELETE";
  readonly path: string;
  /** Production has this route too; the production profile serves only these. */
  readonly inProduction: boolean;
  readonly handle: Handler;
}

export const ALSO_IN_PRODUCTION = { inProduction: true };

export function route(
  method: RouteDef["method"],
  path: string,
  handle: Handler,
  { inProduction = false } = {},
): RouteDef {
  return { key: `${method} ${path}`, method, path, inProduction, handle };
}

export const ok = (body: unknown): Reply => ({ status: 200, body });
export const created = (body: unknown): Reply => ({ status: 201, body });
export const noContent: Reply = { status: 204 };

/** The `:id` path parameter; the router already ensured digits, this rejects ids beyond BIGINT. */
export function idParam(c: Context, entity: { label: string }): number {
  const raw = c.req.param("id") ?? "";
  const id = Number(raw);
  if (!Number.isSafeInteger(id) || id < 1) throw notFound(entity.label, raw);
  return id;
}

function parseWith<Schema extends z.ZodType>(
  schema: Schema,
  input: unknown,
  where: string,
): z.output<Schema> {
  const unstorable = unstorableText(input, where);
  if (unstorable.length) throw validationError(unstorable);
  const result = schema.safeParse(input, { error: requiredMessage });
  if (!result.success) throw fromZodError(result.error, where);
  return result.data;
}

/** The JSON body checked against `schema`; an `optional` body may be empty (read as `{}`). */
export async function parseBody<Schema extends z.ZodType>(
  c: Context,
  schema: Schema,
  { optional = false } = {},
): Promise<z.output<Schema>> {
  const text = await c.req.text();
  if (!text.trim()) {
    if (optional) return parseWith(schema, {}, "body");
    throw validationError([{ field: "body", message: "is required (a JSON object)" }]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw validationError([{ field: "body", message: "is not valid JSON" }]);
  }
  return parseWith(schema, json, "body");
}

export function parseQuery<Schema extends z.ZodType>(c: Context, schema: Schema): z.output<Schema> {
  return parseWith(schema, c.req.query(), "query");
}
