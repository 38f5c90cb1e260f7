import { bulkCreateInput } from "../../schemas.js";
import { created, parseBody, route } from "./kit.js";
import { createOffers } from "./offer-store.js";

/** All or nothing: one transaction, so a bad item leaves no half-created batch behind. */
export const bulkCreateRoutes = [
  route("POST", "/dashboard/offers/bulk-create", async (c, { db, today }) => {
    const input = await parseBody(c, bulkCreateInput);
    const offers = await db.transaction((tx) =>
      createOffers(tx, input.offers, (index, field) => `offers.${index}.${field}`, today()),
    );
    return created({ offers });
  }),
];
