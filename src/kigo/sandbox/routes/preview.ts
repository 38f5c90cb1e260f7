import { previewQuery, type RedemptionMethod } from "../../schemas.js";
import { OFFER } from "./entities.js";
import { idParam, ok, parseQuery, route } from "./kit.js";
import { requireOffer } from "./offer-store.js";
import type { Row } from "./sql.js";

const CTA_LABELS: Record<RedemptionMethod, string> = {
  promo_code: "Get code",
  online_link: "Shop now",
  show_save: "Redeem",
  barcode: "Redeem",
};

const text = (value: unknown) => (typeof value === "string" && value ? value : undefined);

/** "20% off", "$10 off": what the card's corner says about the saving. */
function badge(offer: Row): string | undefined {
  const amount = text(offer.savings_amount)?.replace(/[%$\s]/g, "");
  if (!amount) return undefined;
  if (offer.savings_type === "percentage") return `${amount}% off`;
  if (offer.savings_type === "fixed") return `$${amount} off`;
  return `${amount} off`;
}

function title(offer: Row): string {
  const type = text(offer.offer_type)?.replace(/_/g, " ");
  return (
    text(offer.short_text) ?? (type && type[0]?.toUpperCase() + type.slice(1)) ?? `Offer ${offer.offer_id}`
  );
}

/** The card Hub or Marketplace would show, so a marketer sees it before publishing. */
export const previewRoutes = [
  route("GET", "/dashboard/offers/:id/preview", async (c, { db, today }) => {
    const id = idParam(c, OFFER);
    const { surface } = parseQuery(c, previewQuery);
    const offer = await requireOffer(db, id, today());
    const [method] = offer.offer_redemption_methods as RedemptionMethod[];
    return ok({
      offer_id: id,
      surface,
      title: title(offer),
      description: offer.long_text ?? null,
      terms_conditions: offer.terms_conditions ?? null,
      badge: badge(offer) ?? null,
      cta_label: (method && CTA_LABELS[method]) ?? "Redeem",
      cta_url: offer.clickthru_url ?? null,
      valid_from: offer.version_active_from,
      valid_until: offer.offer_expiry_date ?? undefined,
    });
  }),
];
