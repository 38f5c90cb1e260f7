/**
 * Offers priced per unit of what is sold by measure: "10 cents off per gallon". The item holds
 * "per gallon"; one redemption is one purchase, so its cost is the amount times the units a
 * typical purchase holds.
 */
export const PER_UNIT_WORDS: Record<string, string> = {
  gallon: "gallon",
  gal: "gallon",
  litre: "litre",
  liter: "litre",
  l: "litre",
  pound: "pound",
  lb: "pound",
};

const TYPICAL: Record<string, { units: number; purchase: string }> = {
  gallon: { units: 12, purchase: "a typical 12-gallon fill-up" },
  litre: { units: 45, purchase: "a typical 45-litre fill-up" },
  pound: { units: 2, purchase: "a typical 2-pound purchase" },
};

/** The units in a typical purchase when the item is "per gallon" and the like. */
export function typicalUnits(item: string | undefined): { units: number; purchase: string } | undefined {
  const unit = /^per\s+(\w+)$/i.exec(item ?? "")?.[1]?.toLowerCase();
  return unit ? TYPICAL[unit] : undefined;
}
