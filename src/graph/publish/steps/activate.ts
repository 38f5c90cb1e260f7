import type { Step } from "./context.js";

/**
 * The last step: the offer was created inactive, and goes live only now that its codes, limits and
 * campaign are in place. A PUT of the status alone is idempotent, so a retry or a racing run is safe.
 */
export const activateOffer: Step = async ({ client, offerId }) => {
  const offer = offerId();
  await client.updateOffer(offer, { offer_status: "active" });
  return {};
};
