import Fuse from "fuse.js";
import type { KigoClient } from "../kigo/client.js";
import { KigoUnsupportedError } from "../kigo/errors.js";
import type { MerchantLocation } from "../kigo/schemas.js";
import { type Need, question, suggestion } from "./ask.js";
import type { OfferDraft } from "./draft.js";

/** "Ames (2401 S Duff Ave)": how a location is named in questions and lists. */
export const locationLabel = (location: MerchantLocation) => `${location.city} (${location.address_line1})`;

/** Fuse scores run from 0 (exact) to 1; above this a typed place is not taken as that location. */
const MATCH_THRESHOLD = 0.35;

export interface LocationResolution {
  draft: OfferDraft;
  note?: string;
}

/**
 * The merchant's locations, so "specific locations" can be chosen by city or street rather than by
 * id. Production lacks the merchant admin endpoints: then only ids can be typed, and the question
 * says so.
 */
export class LocationDirectory {
  constructor(private readonly client: KigoClient) {}

  async list(merchantId: number): Promise<MerchantLocation[] | undefined> {
    try {
      return await this.client.listMerchantLocations(merchantId);
    } catch (error) {
      if (error instanceof KigoUnsupportedError) return undefined;
      throw error;
    }
  }

  /** "Ames and Des Moines" → those locations' ids; a part that names none is reported. */
  async resolve(draft: OfferDraft, words: string | undefined): Promise<LocationResolution> {
    if (!words || draft.merchantId === undefined) return { draft };
    const locations = (await this.list(draft.merchantId)) ?? [];
    const fuse = new Fuse(locations, {
      keys: ["city", "address_line1", "state", "postal_code"],
      includeScore: true,
      ignoreLocation: true,
      threshold: MATCH_THRESHOLD,
    });
    const parts = words
      .split(/\s*(?:,|;|&|\+|\band\b|\bplus\b)\s*/i)
      .map((part) =>
        part.replace(/^(?:only|just|the|at|in)\s+|\s+(?:store|location|dealership|branch)s?$/gi, ""),
      )
      .map((part) => part.trim())
      .filter(Boolean);
    const found = parts.map((part) => ({ part, match: fuse.search(part)[0]?.item }));
    const ids = [...new Set(found.flatMap(({ match }) => (match ? [match.location_id] : [])))];
    const unknown = found.filter(({ match }) => !match).map(({ part }) => `"${part}"`);
    const note =
      unknown.length > 0
        ? `I couldn't find ${unknown.join(" or ")} among ${draft.merchantName ?? "the merchant"}'s locations: ${locations.map(locationLabel).join(", ") || "none listed"}.`
        : undefined;
    if (ids.length === 0) return { draft, ...(note ? { note } : {}) };
    const chosen = locations.filter((location) => ids.includes(location.location_id)).map(locationLabel);
    return {
      draft: { ...draft, locationScope: "selected", locationIds: ids },
      note: [`Locations: ${chosen.join(", ")}.`, note].filter(Boolean).join(" "),
    };
  }

  need(): Need {
    return {
      field: "locationIds",
      missing: (state) => state.draft.locationScope === "selected" && !state.draft.locationIds?.length,
      ask: async (state) => {
        const merchantId = state.draft.merchantId;
        const locations = merchantId === undefined ? undefined : await this.list(merchantId);
        if (!locations?.length) {
          return question("locationIds", "Which location ids should it run at? e.g. 12, 14");
        }
        return question(
          "locationIds",
          `Which ${state.draft.merchantName ?? "merchant"} locations? Type their cities or streets, e.g. "${locations[0]?.city}".`,
          [
            ...locations.map((location) =>
              suggestion(locationLabel(location), { locationIds: [location.location_id] }),
            ),
            suggestion("All locations", { locationScope: "all" }),
          ],
        );
      },
    };
  }
}
