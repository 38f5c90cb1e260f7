import { duplicateOfferInput } from "../../schemas.js";
import type { SqlExecutor } from "../db.js";
import { getEntity, OFFER } from "./entities.js";
import { created, idParam, parseBody, route } from "./kit.js";
import { DESCRIPTIVE_COLUMNS, OFFER_COLUMNS, requireOffer } from "./offer-store.js";

const COPIED_OFFER_COLUMNS = OFFER_COLUMNS.filter(
  (column) => column !== "offer_status" && column !== "external_reference",
).join(", ");

async function copyChildren(
  tx: SqlExecutor,
  table: string,
  columns: readonly string[],
  from: number,
  to: number,
) {
  const list = columns.join(", ");
  await tx.query(
    `INSERT INTO ${table} (offer_id, ${list}) SELECT $2, ${list} FROM ${table} WHERE offer_id = $1`,
    [from, to],
  );
}

/**
 * The copy starts inactive so nobody sees it before it is edited. Its external_reference is the
 * caller's or none: the original's names that offer in the caller's system, not the copy. Promo
 * codes are unique across offers, so they stay with the original.
 */
export const duplicateRoutes = [
  route("POST", "/dashboard/offers/:id/duplicate", async (c, { db, today }) => {
    const sourceId = idParam(c, OFFER);
    const input = await parseBody(c, duplicateOfferInput, { optional: true });
    await getEntity(db, OFFER, sourceId);
    const copyId = await db.transaction(async (tx) => {
      const [copy] = await tx.query<{ offer_id: number }>(
        `INSERT INTO offers (${COPIED_OFFER_COLUMNS}, offer_status, external_reference)
         SELECT ${COPIED_OFFER_COLUMNS}, 'inactive', $2 FROM offers WHERE offer_id = $1
         RETURNING offer_id`,
        [sourceId, input.external_reference ?? null],
      );
      if (!copy) throw new Error(`offer ${sourceId} vanished while being duplicated`);
      await copyChildren(
        tx,
        "offer_descriptives",
        ["language_code", ...DESCRIPTIVE_COLUMNS],
        sourceId,
        copy.offer_id,
      );
      await copyChildren(
        tx,
        "redemption_controls",
        ["usage_limit_per_customer", "total_usage_limit", "location_ids"],
        sourceId,
        copy.offer_id,
      );
      return copy.offer_id;
    });
    return created(await requireOffer(db, copyId, today()));
  }),
];
