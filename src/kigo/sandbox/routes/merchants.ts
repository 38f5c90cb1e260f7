import { merchantInput, merchantLocationInput, merchantQuery, updateMerchantInput } from "../../schemas.js";
import { conflict } from "../http-errors.js";
import { createHandler, getHandler, updateHandler } from "./crud.js";
import { deleteEntity, getEntity, insertEntity, LOCATION, listEntities, MERCHANT } from "./entities.js";
import { created, type Handler, idParam, noContent, ok, parseBody, parseQuery, route } from "./kit.js";
import { Conditions, envelope, likePattern, selectPage } from "./sql.js";

/** Shared by the admin list and production's public `/api/v1/merchants`. */
export const listMerchants: Handler = async (c, { db, listShape }) => {
  const query = parseQuery(c, merchantQuery);
  const filter = new Conditions();
  if (query.merchant_name) filter.add((p) => `merchant_name ILIKE ${p}`, likePattern(query.merchant_name));
  const { rows, total } = await selectPage(db, {
    select: MERCHANT.columns,
    from: MERCHANT.table,
    filter,
    orderBy: MERCHANT.key,
    limit: query.limit,
    offset: query.offset,
  });
  return ok(envelope("merchants", rows, total, query, listShape));
};

export const getMerchant = getHandler(MERCHANT);

/** Offers keep their merchant (no cascade): deleting one that still has offers would orphan them. */
const deleteMerchant: Handler = async (c, { db }) => {
  const id = idParam(c, MERCHANT);
  const [usage] = await db.query<{ offers: number }>(
    "SELECT count(*) AS offers FROM offers WHERE merchant_owner = $1",
    [id],
  );
  if (usage?.offers) {
    throw conflict(`Merchant ${id} still owns ${usage.offers} offer(s); delete or move them first`);
  }
  await deleteEntity(db, MERCHANT, id);
  return noContent;
};

const listLocations: Handler = async (c, { db }) => {
  const merchant = await getEntity(db, MERCHANT, idParam(c, MERCHANT));
  return ok({ locations: await listEntities(db, LOCATION, { merchant_id: merchant.merchant_id }) });
};

const addLocation: Handler = async (c, { db }) => {
  const id = idParam(c, MERCHANT);
  const input = await parseBody(c, merchantLocationInput);
  await getEntity(db, MERCHANT, id);
  return created(await insertEntity(db, LOCATION, { ...input, merchant_id: id }));
};

export const merchantRoutes = [
  route("GET", "/dashboard/merchants", listMerchants),
  route("POST", "/dashboard/merchants", createHandler(MERCHANT, merchantInput)),
  route("GET", "/dashboard/merchants/:id", getMerchant),
  route("PUT", "/dashboard/merchants/:id", updateHandler(MERCHANT, updateMerchantInput)),
  route("DELETE", "/dashboard/merchants/:id", deleteMerchant),
  route("GET", "/dashboard/merchants/:id/locations", listLocations),
  route("POST", "/dashboard/merchants/:id/locations", addLocation),
];
