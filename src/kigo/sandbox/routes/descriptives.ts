import { descriptiveInput } from "../../schemas.js";
import { getEntity, OFFER } from "./entities.js";
import { created, type Handler, idParam, ok, parseBody, route } from "./kit.js";
import { DESCRIPTIVE_COLUMNS } from "./offer-store.js";
import { savingsRules, validRow } from "./row-rules.js";
import { insertRow } from "./sql.js";

const COLUMNS = `offer_id, language_code, ${DESCRIPTIVE_COLUMNS.join(", ")}`;

const listDescriptives: Handler = async (c, { db }) => {
  const offer = await getEntity(db, OFFER, idParam(c, OFFER));
  const descriptives = await db.query(
    `SELECT ${COLUMNS} FROM offer_descriptives WHERE offer_id = $1 ORDER BY language_code`,
    [offer.offer_id],
  );
  return ok({ descriptives });
};

/** POST adds a translation (409 when the language exists); PUT writes it whether or not it does. */
const writeDescriptive =
  (mode: "add" | "upsert"): Handler =>
  async (c, { db }) => {
    const offerId = idParam(c, OFFER);
    const input = await parseBody(c, descriptiveInput);
    await getEntity(db, OFFER, offerId);
    const values = { ...input, offer_id: offerId };
    const upsertOn = mode === "upsert" ? ["offer_id", "language_code"] : undefined;
    const row = await db.transaction(async (tx) =>
      validRow(await insertRow(tx, "offer_descriptives", values, COLUMNS, upsertOn), savingsRules),
    );
    return mode === "add" ? created(row) : ok(row);
  };

export const descriptiveRoutes = [
  route("GET", "/dashboard/offers/:id/descriptives", listDescriptives),
  route("POST", "/dashboard/offers/:id/descriptives", writeDescriptive("add")),
  route("PUT", "/dashboard/offers/:id/descriptives", writeDescriptive("upsert")),
];
