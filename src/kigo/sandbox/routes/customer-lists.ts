import { customerListInput } from "../../schemas.js";
import type { SqlExecutor } from "../db.js";
import { getEntity, OFFER } from "./entities.js";
import { created, type Handler, idParam, ok, parseBody, route } from "./kit.js";
import { insertRow } from "./sql.js";

function selectLists(db: SqlExecutor, column: "offer_id" | "customer_list_id", id: number) {
  return db.query(
    `SELECT l.customer_list_id, l.offer_id, l.list_name, l.created_at, count(m.customer) AS customer_count
     FROM customer_lists l LEFT JOIN customer_list_members m USING (customer_list_id)
     WHERE l.${column} = $1
     GROUP BY l.customer_list_id
     ORDER BY l.customer_list_id`,
    [id],
  );
}

/** Uploads repeat people (the same email twice in a CSV); the count is of distinct customers. */
const uploadList: Handler = async (c, { db }) => {
  const offerId = idParam(c, OFFER);
  const input = await parseBody(c, customerListInput);
  await getEntity(db, OFFER, offerId);
  const listId = await db.transaction(async (tx) => {
    const list = await insertRow(
      tx,
      "customer_lists",
      { offer_id: offerId, list_name: input.list_name },
      "*",
    );
    await tx.query(
      `INSERT INTO customer_list_members (customer_list_id, customer)
       SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING`,
      [list.customer_list_id, input.customers],
    );
    return list.customer_list_id as number;
  });
  const [list] = await selectLists(db, "customer_list_id", listId);
  return created(list);
};

const listLists: Handler = async (c, { db }) => {
  const offer = await getEntity(db, OFFER, idParam(c, OFFER));
  return ok({ customer_lists: await selectLists(db, "offer_id", offer.offer_id as number) });
};

export const customerListRoutes = [
  route("POST", "/dashboard/offers/:id/customer-lists", uploadList),
  route("GET", "/dashboard/offers/:id/customer-lists", listLists),
];
