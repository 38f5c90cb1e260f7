import type { SqlExecutor } from "../db.js";
import { notFound, validationError } from "../http-errors.js";
import { Conditions, insertRow, type Row, updateRow, type Values } from "./sql.js";

/** A table the API addresses by id, and the columns its responses carry. */
export interface Entity {
  /** How messages name it: "Offer 12 not found", "merchant_owner: merchant 9 does not exist". */
  readonly label: string;
  readonly table: string;
  readonly key: string;
  readonly columns: string;
  /** The table has `updated_at`, bumped on every update. */
  readonly touch: boolean;
}

const entity = (label: string, table: string, key: string, columns: string, touch = false): Entity => ({
  label,
  table,
  key,
  columns: `${key}, ${columns}`,
  touch,
});

export const OFFER = entity("Offer", "offers", "offer_id", "version_active_from, offer_expiry_date", true);
export const OFFER_TYPE = entity(
  "Offer type",
  "offer_types",
  "offer_type_id",
  "type_name, type_description, is_active",
);
export const REDEMPTION_CONTROL = entity(
  "Redemption control",
  "redemption_controls",
  "control_id",
  // int8[] would reach the pg driver's callers as strings; JSON keeps them numbers on both drivers.
  "offer_id, usage_limit_per_customer, total_usage_limit, to_json(location_ids) AS location_ids",
  true,
);
export const PROMO_CODE = entity(
  "Promo code",
  "promo_codes",
  "promo_code_id",
  "promo_code, offer_id, code_type, usage_limit, redemption_count",
);
export const PROGRAM = entity(
  "Program",
  "programs",
  "program_id",
  "program_name, program_type, program_status, partner_id, created_at, updated_at",
  true,
);
export const PARTNER = entity("Partner", "partners", "partner_id", "partner_name");
export const CAMPAIGN = entity(
  "Campaign",
  "program_campaigns",
  "campaign_id",
  "program_id, campaign_name, campaign_type, start_date, end_date",
);
export const MERCHANT = entity(
  "Merchant",
  "merchants",
  "merchant_id",
  "merchant_name, merchant_type, status, primary_category_id",
);
export const LOCATION = entity(
  "Location",
  "merchant_locations",
  "location_id",
  "merchant_id, address_line1, city, state, postal_code, latitude, longitude",
);

export async function getEntity(db: SqlExecutor, target: Entity, id: number): Promise<Row> {
  const [row] = await db.query(`SELECT ${target.columns} FROM ${target.table} WHERE ${target.key} = $1`, [
    id,
  ]);
  if (!row) throw notFound(target.label, id);
  return row;
}

/** Rows whose columns equal the given values (all rows when none are given), in id order. */
export async function listEntities(db: SqlExecutor, target: Entity, equal: Values = {}): Promise<Row[]> {
  const { clause, params } = Conditions.equal(equal);
  return db.query(`SELECT ${target.columns} FROM ${target.table} ${clause} ORDER BY ${target.key}`, params);
}

export function insertEntity(db: SqlExecutor, target: Entity, values: Values): Promise<Row> {
  return insertRow(db, target.table, values, target.columns);
}

export async function updateEntity(
  db: SqlExecutor,
  target: Entity,
  id: number,
  values: Values,
): Promise<Row> {
  const key = { column: target.key, id };
  const row = await updateRow(db, target.table, key, values, {
    returning: target.columns,
    touch: target.touch,
  });
  if (!row) throw notFound(target.label, id);
  return row;
}

export async function deleteEntity(db: SqlExecutor, target: Entity, id: number): Promise<void> {
  const rows = await db.query(
    `DELETE FROM ${target.table} WHERE ${target.key} = $1 RETURNING ${target.key}`,
    [id],
  );
  if (!rows.length) throw notFound(target.label, id);
}

export interface Reference {
  id: number | null | undefined;
  /** Where the id sits in the request body, e.g. `offers.2.merchant_owner`. */
  field: string;
}

/** A body naming a row that does not exist is the caller's mistake (400 naming each field), not a 500. */
export async function assertReferences(db: SqlExecutor, target: Entity, references: Reference[]) {
  const given = references.filter(
    (reference): reference is Reference & { id: number } => reference.id != null,
  );
  if (!given.length) return;
  const rows = await db.query<{ id: number }>(
    `SELECT ${target.key} AS id FROM ${target.table} WHERE ${target.key} = ANY($1)`,
    [given.map((reference) => reference.id)],
  );
  const existing = new Set(rows.map((row) => row.id));
  const missing = given.filter((reference) => !existing.has(reference.id));
  if (missing.length) {
    throw validationError(
      missing.map((reference) => ({
        field: reference.field,
        message: `${target.label.toLowerCase()} ${reference.id} does not exist`,
      })),
    );
  }
}
