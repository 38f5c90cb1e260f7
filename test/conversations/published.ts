import type { KigoClient } from "../../src/kigo/client.js";
import type { Intent, OfferKind } from "./types.js";

/**
 * The API's names for each kind of offer: the sandbox's demo vocabulary and the nine of the design
 * (DESIGN §2) both count, so the corpus states what the marketer meant, not which list the bot uses.
 */
const OFFER_TYPE_NAMES: Record<OfferKind, string[]> = {
  percentage_off: ["percentage_savings", "percentage_discount"],
  dollars_off: ["dollars_off", "fixed_amount"],
  bogo: ["bogo"],
  spend_and_get: ["spend_and_get"],
  cashback: ["cashback"],
  loyalty_points: ["loyalty_points"],
  free_with_purchase: ["free_with_purchase"],
  price_point: ["price_point"],
  clickthrough: ["clickthrough"],
};

/** The published offer as read back from the Kigo API. */
export interface PublishedOffer {
  offer: Awaited<ReturnType<KigoClient["getOffer"]>>;
  promoCodes: string[];
  control?: Awaited<ReturnType<KigoClient["redemptionControls"]["list"]>>[number];
  merchantId?: number;
  texts: string;
}

export async function readPublished(
  client: KigoClient,
  offerId: number,
  merchant: string,
): Promise<PublishedOffer> {
  const [offer, codes, controls, merchants] = await Promise.all([
    client.getOffer(offerId),
    client.promoCodes.list({ offer_id: offerId }),
    client.redemptionControls.list({ offer_id: offerId }),
    client.listMerchants({ merchant_name: merchant }),
  ]);
  return {
    offer,
    promoCodes: codes.map((code) => code.promo_code),
    control: controls[0],
    merchantId: merchants.items.find((candidate) => candidate.merchant_name === merchant)?.merchant_id,
    texts: [offer.short_text, offer.long_text, offer.terms_conditions].filter(Boolean).join(" / "),
  };
}

export interface FieldCheck {
  field: string;
  expected: string;
  actual: string;
  ok: boolean;
}

interface Expectation {
  field: string;
  expected: unknown;
  actual: (published: PublishedOffer) => unknown;
  /** Equality with `expected` unless given. */
  matches?: (actual: unknown, published: PublishedOffer) => boolean;
}

const textMatching = (pattern: RegExp) => (actual: unknown) => pattern.test(String(actual ?? ""));

/** Every field the intent states, with where the published offer keeps it. */
export function expectations(intent: Intent): Expectation[] {
  const list: (Expectation | false | undefined)[] = [
    {
      field: "merchant_owner",
      expected: intent.merchant,
      actual: ({ offer }) => offer.merchant_owner,
      matches: (actual, { merchantId }) => actual === merchantId,
    },
    {
      field: "offer_type",
      expected: intent.offerType,
      actual: ({ offer }) => offer.offer_type,
      matches: (actual) => OFFER_TYPE_NAMES[intent.offerType].includes(String(actual)),
    },
    {
      field: "version_active_from",
      expected: intent.startDate,
      actual: ({ offer }) => offer.version_active_from,
    },
    intent.endDate !== undefined && {
      field: "offer_expiry_date",
      expected: intent.endDate,
      actual: ({ offer }) => offer.offer_expiry_date,
    },
    intent.program && {
      field: "classification",
      expected: intent.program,
      actual: ({ offer }) => offer.classification,
    },
    intent.title && {
      field: "short_text",
      expected: intent.title,
      actual: ({ offer }) => offer.short_text,
      matches: textMatching(intent.title),
    },
    intent.savings && {
      field: "savings_amount",
      expected: intent.savings.amount,
      actual: ({ offer }) => offer.savings_amount,
    },
    intent.savings && {
      field: "savings_type",
      expected: intent.savings.type,
      actual: ({ offer }) => offer.savings_type,
    },
    ...(intent.mentions ?? []).map(
      (mention): Expectation => ({
        field: "texts",
        expected: mention,
        actual: ({ texts }) => texts,
        matches: textMatching(mention),
      }),
    ),
    intent.redemptionMethod !== undefined && {
      field: "offer_redemption_methods",
      expected: intent.redemptionMethod,
      actual: ({ offer }) => offer.offer_redemption_methods.join(","),
    },
    intent.promoCode !== undefined && {
      field: "promo_code",
      expected: intent.promoCode,
      actual: ({ promoCodes }) => promoCodes.join(","),
    },
    intent.usageLimitPerCustomer !== undefined && {
      field: "usage_limit_per_customer",
      expected: intent.usageLimitPerCustomer,
      actual: ({ control }) => control?.usage_limit_per_customer,
    },
    intent.totalUsageLimit !== undefined && {
      field: "total_usage_limit",
      expected: intent.totalUsageLimit,
      actual: ({ control }) => control?.total_usage_limit,
    },
    intent.clickthruUrl !== undefined && {
      field: "clickthru_url",
      expected: intent.clickthruUrl,
      actual: ({ offer }) => offer.clickthru_url,
    },
  ];
  return list.filter((expectation): expectation is Expectation => Boolean(expectation));
}

const shown = (value: unknown) => (value === undefined || value === null ? "—" : String(value));

/** An offer that was never published gets none of its fields right. */
export function unpublishedFields(intent: Intent): FieldCheck[] {
  return expectations(intent).map(({ field, expected }) => ({
    field,
    expected: shown(expected),
    actual: "not published",
    ok: false,
  }));
}

export function checkFields(intent: Intent, published: PublishedOffer): FieldCheck[] {
  return expectations(intent).map(({ field, expected, actual, matches }) => {
    const value = actual(published);
    return {
      field,
      expected: shown(expected),
      actual: shown(value),
      ok: matches ? matches(value, published) : value === expected,
    };
  });
}
