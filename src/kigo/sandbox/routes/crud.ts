import type { z } from "zod";
import type { SqlExecutor } from "../db.js";
import {
  assertReferences,
  deleteEntity,
  type Entity,
  getEntity,
  insertEntity,
  listEntities,
  updateEntity,
} from "./entities.js";
import { created, type Handler, idParam, noContent, ok, parseBody, parseQuery } from "./kit.js";
import { noRules, validRow } from "./row-rules.js";
import type { Values } from "./sql.js";

/**
 * Body fields holding ids of other rows (one id, or a list of them), checked before writing so a
 * bad one is a 400 naming it.
 */
export type References = { field: string; target: Entity }[];

type Body = z.ZodType<Values>;

async function checkReferences(db: SqlExecutor, input: Values, references: References) {
  for (const { field, target } of references) {
    const value = input[field] as number | number[] | null | undefined;
    const ids = Array.isArray(value)
      ? value.map((id, index) => ({ id, field: `${field}.${index}` }))
      : [{ id: value, field }];
    await assertReferences(db, target, ids);
  }
}

/** `GET` of the whole table as `{ [key]: rows }`, filtered by the query's columns. */
export const listHandler =
  (target: Entity, key: string, query?: Body): Handler =>
  async (c, { db }) =>
    ok({ [key]: await listEntities(db, target, query ? parseQuery(c, query) : {}) });

export const getHandler =
  (target: Entity): Handler =>
  async (c, { db }) =>
    ok(await getEntity(db, target, idParam(c, target)));

export const createHandler =
  (target: Entity, body: Body, references: References = [], rules = noRules): Handler =>
  async (c, { db }) => {
    const input = await parseBody(c, body);
    await checkReferences(db, input, references);
    return created(
      await db.transaction(async (tx) => validRow(await insertEntity(tx, target, input), rules)),
    );
  };

export const updateHandler =
  (target: Entity, body: Body, references: References = [], rules = noRules): Handler =>
  async (c, { db }) => {
    const id = idParam(c, target);
    const input = await parseBody(c, body);
    await checkReferences(db, input, references);
    return ok(await db.transaction(async (tx) => validRow(await updateEntity(tx, target, id, input), rules)));
  };

export const deleteHandler =
  (target: Entity): Handler =>
  async (c, { db }) => {
    await deleteEntity(db, target, idParam(c, target));
    return noContent;
  };
