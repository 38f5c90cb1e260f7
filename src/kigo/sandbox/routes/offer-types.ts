import { offerTypeInput, updateOfferTypeInput } from "../../schemas.js";
import { createHandler, deleteHandler, listHandler, updateHandler } from "./crud.js";
import { OFFER_TYPE } from "./entities.js";
import { ALSO_IN_PRODUCTION, route } from "./kit.js";

export const offerTypeRoutes = [
  route("GET", "/dashboard/offers/types", listHandler(OFFER_TYPE, "offer_types"), ALSO_IN_PRODUCTION),
  route("POST", "/dashboard/offers/types", createHandler(OFFER_TYPE, offerTypeInput), ALSO_IN_PRODUCTION),
  route(
    "PUT",
    "/dashboard/offers/types/:id",
    updateHandler(OFFER_TYPE, updateOfferTypeInput),
    ALSO_IN_PRODUCTION,
  ),
  route("DELETE", "/dashboard/offers/types/:id", deleteHandler(OFFER_TYPE), ALSO_IN_PRODUCTION),
];
