import type { CreateOfferInput } from "../../schemas.js";
import type { SqlExecutor } from "../db.js";
import { notFound } from "../http-errors.js";
import { assertReferences, MERCHANT } from "./entities.js";
import { assertValid, offerRules } from "./row-rules.js";
import { insertRow, pick, type Row, type Values } from "./sql.js";

export const OFFER_COLUMNS = [
  "merchant_owner",
  "version_active_from",
  "default_language",
  "external_reference",
  "offer_expiry_date",
  "offer_status",
  "offer_type",
  "offer_redemption_methods",
  "edition_exclusivity",
  "code_type",
  "clickthru_url",
  "classification",
] as const;

export const DESCRIPTIVE_COLUMNS = [
  "short_text",
  "long_text",
  "terms_conditions",
  "image_url",
  "savings_amount",
  "savings_type",
] as const;

/** Offers joined with the descriptive in their default language, as list items and reads carry them. */
export const OFFER_SELECT = `o.*, ${DESCRIPTIVE_COLUMNS.map((column) => `d.${column}`).join(", ")}`;
export const OFFER_FROM = `offers o LEFT JOIN offer_descriptives d
  ON d.offer_id = o.offer_id AND d.language_code = o.default_language`;

/** Only 'active'/'inactive' are stored; "expired" is derived from the date so it never goes stale. */
export function offerWire(row: Row, today: string): Row {
  const expiry = row.offer_expiry_date;
  return {
    ...row,
    offer_status: typeof expiry === "string" && expiry < today ? "expired" : row.offer_status,
  };
}

export async function findOffers(db: SqlExecutor, ids: number[], today: string): Promise<Row[]> {
  const rows = await db.query(
    `SELECT ${OFFER_SELECT} FROM ${OFFER_FROM} WHERE o.offer_id = ANY($1) ORDER BY o.offer_id`,
    [ids],
  );
  return rows.map((row) => offerWire(row, today));
}

export async function requireOffer(db: SqlExecutor, id: number, today: string): Promise<Row> {
  const [offer] = await findOffers(db, [id], today);
  if (!offer) throw notFound("Offer", id);
  return offer;
}

/** Writes the given descriptive fields of one language, keeping the ones not given. */
export async function upsertDescriptive(db: SqlExecutor, offerId: number, language: string, values: Values) {
  const fields = pick(values, DESCRIPTIVE_COLUMNS);
  if (!Object.keys(fields).length) return;
  await insertRow(
    db,
    "offer_descriptives",
    { offer_id: offerId, language_code: language, ...fields },
    "offer_id",
    ["offer_id", "language_code"],
  );
}

/**
 * Creates offers with their default-language descriptive (the seed's create flow writes both) and
 * answers them as stored. Every unknown merchant and every broken rule is reported at once, each at
 * `fieldOf(index, field)`.
 */
export async function createOffers(
  tx: SqlExecutor,
  inputs: CreateOfferInput[],
  fieldOf: (index: number, field: string) => string,
  today: string,
): Promise<Row[]> {
  await assertReferences(
    tx,
    MERCHANT,
    inputs.map((input, index) => ({ id: input.merchant_owner, field: fieldOf(index, "merchant_owner") })),
  );
  const ids: number[] = [];
  for (const input of inputs) {
    const row = await insertRow(tx, "offers", pick(input, OFFER_COLUMNS), "offer_id");
    const id = row.offer_id as number;
    await upsertDescriptive(tx, id, input.default_language, input);
    ids.push(id);
  }
  const offers = await findOffers(tx, ids, today);
  assertValid(
    offers.flatMap((offer, index) =>
      offerRules(offer).map((error) => ({ ...error, field: fieldOf(index, error.field) })),
    ),
  );
  return offers;
}
