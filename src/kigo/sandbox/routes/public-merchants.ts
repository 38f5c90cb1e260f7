import { ALSO_IN_PRODUCTION, route } from "./kit.js";
import { getMerchant, listMerchants } from "./merchants.js";

/** Production's public read of the same merchants; no token needed. */
export const publicMerchantRoutes = [
  route("GET", "/api/v1/merchants", listMerchants, ALSO_IN_PRODUCTION),
  route("GET", "/api/v1/merchants/:id", getMerchant, ALSO_IN_PRODUCTION),
];
