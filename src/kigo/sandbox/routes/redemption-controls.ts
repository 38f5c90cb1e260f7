import {
  redemptionControlInput,
  redemptionControlQuery,
  updateRedemptionControlInput,
} from "../../schemas.js";
import { createHandler, deleteHandler, listHandler, updateHandler } from "./crud.js";
import { OFFER, REDEMPTION_CONTROL } from "./entities.js";
import { ALSO_IN_PRODUCTION, route } from "./kit.js";

const BASE = "/dashboard/offers/redemption-controls";

export const redemptionControlRoutes = [
  route(
    "GET",
    BASE,
    listHandler(REDEMPTION_CONTROL, "redemption_controls", redemptionControlQuery),
    ALSO_IN_PRODUCTION,
  ),
  route(
    "POST",
    BASE,
    createHandler(REDEMPTION_CONTROL, redemptionControlInput, [{ field: "offer_id", target: OFFER }]),
    ALSO_IN_PRODUCTION,
  ),
  route(
    "PUT",
    `${BASE}/:id`,
    updateHandler(REDEMPTION_CONTROL, updateRedemptionControlInput),
    ALSO_IN_PRODUCTION,
  ),
  route("DELETE", `${BASE}/:id`, deleteHandler(REDEMPTION_CONTROL), ALSO_IN_PRODUCTION),
];
