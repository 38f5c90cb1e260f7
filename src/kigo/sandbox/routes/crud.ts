import type { z } from "zod";
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
import type { Values } from "./sql.js";

/** Body fields holding ids of other rows, checked before writing so a bad one is a 400 naming it. */
export type References = { field: string; target: Entity }[];

type Body = z.ZodType<Values>;

async function checkReferences(db: Parameters<Handler>[1]["db"], input: Values, references: References) {
  for (const { field, target } of references) {
    await assertReferences(db, target, [{ id: input[field] as number | null | undefined, field }]);
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
  (target: Entity, body: Body, references: References = []): Handler =>
  async (c, { db }) => {
    const input = await parseBody(c, body);
    await checkReferences(db, input, references);
    return created(await insertEntity(db, target, input));
  };

export const updateHandler =
  (target: Entity, body: Body, references: References = []): Handler =>
  async (c, { db }) => {
    const id = idParam(c, target);
    const input = await parseBody(c, body);
    await checkReferences(db, input, references);
    return ok(await updateEntity(db, target, id, input));
  };

export const deleteHandler =
  (target: Entity): Handler =>
  async (c, { db }) => {
    await deleteEntity(db, target, idParam(c, target));
    return noContent;
  };
