import type { OfferStatusFilter } from "../../schemas.js";
import { createOfferInput, listOffersQuery, updateOfferInput } from "../../schemas.js";
import { notFound } from "../http-errors.js";
import { assertReferences, deleteEntity, MERCHANT, OFFER } from "./entities.js";
import {
  ALSO_IN_PRODUCTION,
  created,
  type Handler,
  idParam,
  noContent,
  ok,
  parseBody,
  parseQuery,
  route,
} from "./kit.js";
import {
  createOffers,
  OFFER_COLUMNS,
  OFFER_FROM,
  OFFER_SELECT,
  offerWire,
  requireOffer,
  upsertDescriptive,
} from "./offer-store.js";
import { offerRules, validRow } from "./row-rules.js";
import { Conditions, envelope, likePattern, pick, selectPage, updateRow } from "./sql.js";

/** Each takes the placeholder of today's date. */
const notExpired = (p: string) => `(o.offer_expiry_date IS NULL OR o.offer_expiry_date >= ${p}::date)`;
const STATUS_FILTERS: Record<OfferStatusFilter, (p: string) => string> = {
  active: (p) => `o.offer_status = 'active' AND ${notExpired(p)}`,
  inactive: (p) => `o.offer_status = 'inactive' AND ${notExpired(p)}`,
  expired: (p) => `o.offer_expiry_date < ${p}::date`,
};

const listOffers: Handler = async (c, { db, today, listShape }) => {
  const query = parseQuery(c, listOffersQuery);
  const day = today();
  const filter = new Conditions();
  if (query.merchant_owner) filter.add((p) => `o.merchant_owner = ${p}`, query.merchant_owner);
  if (query.external_reference) filter.add((p) => `o.external_reference = ${p}`, query.external_reference);
  if (query.short_text) {
    filter.add((p) => `(d.short_text ILIKE ${p} OR d.long_text ILIKE ${p})`, likePattern(query.short_text));
  }
  if (query.offer_status) filter.add(STATUS_FILTERS[query.offer_status], day);
  const { rows, total } = await selectPage(db, {
    select: OFFER_SELECT,
    from: OFFER_FROM,
    filter,
    orderBy: "o.offer_id",
    limit: query.limit,
    offset: query.offset,
  });
  const offers = rows.map((row) => offerWire(row, day));
  return ok(envelope("offers", offers, total, query, listShape));
};

const createOffer: Handler = async (c, { db, today }) => {
  const input = await parseBody(c, createOfferInput);
  const [offer] = await db.transaction((tx) => createOffers(tx, [input], (_, field) => field, today()));
  return created(offer);
};

const getOffer: Handler = async (c, { db, today }) => ok(await requireOffer(db, idParam(c, OFFER), today()));

const updateOffer: Handler = async (c, { db, today }) => {
  const id = idParam(c, OFFER);
  const input = await parseBody(c, updateOfferInput);
  const offer = await db.transaction(async (tx) => {
    await assertReferences(tx, MERCHANT, [{ id: input.merchant_owner, field: "merchant_owner" }]);
    const key = { column: "offer_id", id };
    const row = await updateRow(tx, "offers", key, pick(input, OFFER_COLUMNS), {
      returning: "default_language",
      touch: true,
    });
    if (!row) throw notFound(OFFER.label, id);
    await upsertDescriptive(tx, id, row.default_language as string, input);
    return validRow(await requireOffer(tx, id, today()), offerRules);
  });
  return ok(offer);
};

const deleteOffer: Handler = async (c, { db }) => {
  await deleteEntity(db, OFFER, idParam(c, OFFER));
  return noContent;
};

export const offerRoutes = [
  route("GET", "/dashboard/offers", listOffers, ALSO_IN_PRODUCTION),
  route("POST", "/dashboard/offers", createOffer, ALSO_IN_PRODUCTION),
  route("GET", "/dashboard/offers/:id", getOffer, ALSO_IN_PRODUCTION),
  route("PUT", "/dashboard/offers/:id", updateOffer, ALSO_IN_PRODUCTION),
  route("DELETE", "/dashboard/offers/:id", deleteOffer, ALSO_IN_PRODUCTION),
];
