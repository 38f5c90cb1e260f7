import { analyticsQuery } from "../../schemas.js";
import { aggregateOfferAnalytics } from "../analytics.js";
import { getEntity, OFFER } from "./entities.js";
import { idParam, ok, parseQuery, route } from "./kit.js";

export const analyticsRoutes = [
  route("GET", "/dashboard/offers/:id/analytics", async (c, { db, today }) => {
    const id = idParam(c, OFFER);
    const query = parseQuery(c, analyticsQuery);
    const offer = await getEntity(db, OFFER, id);
    // By default the offer's whole life so far: nothing can be redeemed after it expires.
    const expiry = offer.offer_expiry_date as string | null;
    const lastDay = expiry && expiry < today() ? expiry : today();
    return ok(
      await aggregateOfferAnalytics(db, id, {
        start_date: query.start_date ?? (offer.version_active_from as string),
        end_date: query.end_date ?? lastDay,
      }),
    );
  }),
];
