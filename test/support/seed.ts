/** The seed's example offer as a marketer would type it (shared/seed/offer-manager-data-flow.md). */
export const SEED_MESSAGE =
  "20% off all equipment for John Deere dealers in December, code DEALER20, 3 uses per customer, 1000 total, budget $50k";
