import { campaignInput, campaignOfferLinkInput, campaignQuery } from "../../schemas.js";
import { createHandler, getHandler, listHandler } from "./crud.js";
import { assertReferences, CAMPAIGN, getEntity, OFFER, PROGRAM } from "./entities.js";
import { created, type Handler, idParam, ok, parseBody, route } from "./kit.js";

const LINK_COLUMNS = "campaign_id, offer_id, linked_at";

/** Linking twice answers the existing link (200) so a retried request is harmless. */
const linkOffer: Handler = async (c, { db }) => {
  const campaignId = idParam(c, CAMPAIGN);
  const { offer_id } = await parseBody(c, campaignOfferLinkInput);
  await getEntity(db, CAMPAIGN, campaignId);
  await assertReferences(db, OFFER, [{ id: offer_id, field: "offer_id" }]);
  const [inserted] = await db.query(
    `INSERT INTO campaign_offers (campaign_id, offer_id) VALUES ($1, $2)
     ON CONFLICT DO NOTHING RETURNING ${LINK_COLUMNS}`,
    [campaignId, offer_id],
  );
  if (inserted) return created(inserted);
  const [existing] = await db.query(
    `SELECT ${LINK_COLUMNS} FROM campaign_offers WHERE campaign_id = $1 AND offer_id = $2`,
    [campaignId, offer_id],
  );
  return ok(existing);
};

const listLinkedOffers: Handler = async (c, { db }) => {
  const campaign = await getEntity(db, CAMPAIGN, idParam(c, CAMPAIGN));
  const offers = await db.query(
    `SELECT ${LINK_COLUMNS} FROM campaign_offers WHERE campaign_id = $1 ORDER BY linked_at, offer_id`,
    [campaign.campaign_id],
  );
  return ok({ offers });
};

export const campaignRoutes = [
  route("GET", "/dashboard/campaigns", listHandler(CAMPAIGN, "campaigns", campaignQuery)),
  route(
    "POST",
    "/dashboard/campaigns",
    createHandler(CAMPAIGN, campaignInput, [{ field: "program_id", target: PROGRAM }]),
  ),
  route("GET", "/dashboard/campaigns/:id", getHandler(CAMPAIGN)),
  route("POST", "/dashboard/campaigns/:id/offers", linkOffer),
  route("GET", "/dashboard/campaigns/:id/offers", listLinkedOffers),
];
