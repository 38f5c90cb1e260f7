import { promoCodeInput, promoCodeQuery, updatePromoCodeInput } from "../../schemas.js";
import { createHandler, deleteHandler, listHandler, updateHandler } from "./crud.js";
import { OFFER, PROMO_CODE } from "./entities.js";
import { ALSO_IN_PRODUCTION, route } from "./kit.js";

export const promoCodeRoutes = [
  route(
    "GET",
    "/dashboard/promo-codes",
    listHandler(PROMO_CODE, "promo_codes", promoCodeQuery),
    ALSO_IN_PRODUCTION,
  ),
  route(
    "POST",
    "/dashboard/promo-codes",
    createHandler(PROMO_CODE, promoCodeInput, [{ field: "offer_id", target: OFFER }]),
    ALSO_IN_PRODUCTION,
  ),
  route(
    "PUT",
    "/dashboard/promo-codes/:id",
    updateHandler(PROMO_CODE, updatePromoCodeInput),
    ALSO_IN_PRODUCTION,
  ),
  route("DELETE", "/dashboard/promo-codes/:id", deleteHandler(PROMO_CODE), ALSO_IN_PRODUCTION),
];
