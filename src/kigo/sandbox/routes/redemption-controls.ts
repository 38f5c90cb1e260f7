import {
  redemptionControlInput,
  redemptionControlQuery,
  updateRedemptionControlInput,
} from "../../schemas.js";
import { createHandler, deleteHandler, listHandler, type References, updateHandler } from "./crud.js";
import { LOCATION, OFFER, REDEMPTION_CONTROL } from "./entities.js";
import { ALSO_IN_PRODUCTION, route } from "./kit.js";
import { redemptionControlRules } from "./row-rules.js";

const BASE = "/dashboard/offers/redemption-controls";
const LOCATIONS: References = [{ field: "location_ids", target: LOCATION }];

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
    createHandler(
      REDEMPTION_CONTROL,
      redemptionControlInput,
      [{ field: "offer_id", target: OFFER }, ...LOCATIONS],
      redemptionControlRules,
    ),
    ALSO_IN_PRODUCTION,
  ),
  route(
    "PUT",
    `${BASE}/:id`,
    updateHandler(REDEMPTION_CONTROL, updateRedemptionControlInput, LOCATIONS, redemptionControlRules),
    ALSO_IN_PRODUCTION,
  ),
  route("DELETE", `${BASE}/:id`, deleteHandler(REDEMPTION_CONTROL), ALSO_IN_PRODUCTION),
];
