import type {
  Channel,
  DraftField,
  OfferDraft,
  OfferType,
  ProgramType,
  RedemptionMethod,
  ValueUnit,
} from "./draft.js";
import { describeOfferValue, formatCount, formatMoney } from "./offer-words.js";

export { describeOfferValue, formatCount, formatMoney, multiplierText, sentenceCase } from "./offer-words.js";

/** Human names for draft fields and values, shared by notes, questions and every view. */

export const FIELD_LABELS: Record<DraftField, string> = {
  businessObjective: "Objective",
  programType: "Program",
  targetAudience: "Audience",
  maxDiscount: "Max discount",
  maxDiscountUnit: "Max discount unit",
  totalBudget: "Budget",
  startDate: "Start date",
  endDate: "End date",
  offerType: "Offer type",
  offerValue: "Value",
  valueUnit: "Value unit",
  minimumSpend: "Minimum spend",
  itemName: "Item",
  qualifyingItem: "With purchase of",
  itemPrice: "Item price",
  lightning: "Lightning offer",
  offerTitle: "Title",
  offerDescription: "Description",
  termsConditions: "Terms",
  exclusions: "Exclusions",
  termsAddition: "Added to terms",
  redemptionMethod: "Redemption",
  promoCode: "Promo code",
  usageLimitPerCustomer: "Uses per customer",
  totalUsageLimit: "Total uses",
  unlimitedPerCustomer: "Uses per customer",
  unlimitedTotal: "Total uses",
  codeMode: "Codes",
  uniqueCodeCount: "Unique codes",
  codePattern: "Code pattern",
  locationScope: "Locations",
  locationIds: "Location ids",
  clickthruUrl: "Link",
  merchantId: "Merchant id",
  merchantName: "Merchant",
  merchantCategoryId: "Merchant category",
  timeZone: "Time zone",
  channels: "Channels",
  campaign: "Campaign",
  customerList: "Customer list",
};

export const PROGRAM_LABELS: Record<ProgramType, string> = {
  closed_loop: "Closed loop",
  open_loop: "Open loop",
  hybrid: "Hybrid",
};

export const OFFER_TYPE_LABELS: Record<OfferType, string> = {
  percentage_savings: "Percentage off",
  dollars_off: "Dollars off",
  bogo: "Buy one, get one",
  spend_and_get: "Spend and get",
  cashback: "Cash back",
  loyalty_points: "Loyalty points",
  free_with_purchase: "Free item with purchase",
  price_point: "Price point",
  clickthrough: "Click-through link",
};

export const VALUE_UNIT_LABELS: Record<ValueUnit, string> = {
  "%": "Percent",
  $: "Dollars",
  points: "Bonus points",
  x: "Points multiplier",
};

export const REDEMPTION_LABELS: Record<RedemptionMethod, string> = {
  promo_code: "Promo code",
  show_save: "Show & save",
  barcode: "Barcode scan",
  online_link: "Online link",
};

export const CHANNEL_LABELS: Record<Channel, string> = {
  hub_airdrop: "Hub airdrop",
  marketplace_promoted: "Marketplace (promoted)",
  marketplace_organic: "Marketplace (organic)",
  activation_link: "Activation link",
};

/** One formatter for every date shown: building one per date cost more than the rest of the preview. */
const DATE_FORMAT = new Intl.DateTimeFormat("en-US", {
  timeZone: "UTC",
  month: "short",
  day: "numeric",
  year: "numeric",
});

export function formatDate(iso: string): string {
  const [year, month, day] = iso.split("-").map(Number);
  const date = new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1));
  // Dates from the Kigo API are not all checked: a malformed one reads as toLocaleDateString put it.
  return Number.isNaN(date.getTime()) ? "Invalid Date" : DATE_FORMAT.format(date);
}

/** One field's value as a marketer reads it. */
export function describeValue(field: DraftField, draft: OfferDraft): string | undefined {
  const value = draft[field];
  if (value === undefined) return undefined;
  switch (field) {
    case "totalBudget":
    case "minimumSpend":
    case "itemPrice":
      return formatMoney(value as number);
    case "startDate":
    case "endDate":
      return formatDate(value as string);
    case "unlimitedPerCustomer":
    case "unlimitedTotal":
      return "Unlimited";
    case "programType":
      return PROGRAM_LABELS[value as ProgramType];
    case "offerType":
      return OFFER_TYPE_LABELS[value as OfferType];
    case "offerValue":
      return describeOfferValue(draft);
    case "valueUnit":
      return VALUE_UNIT_LABELS[value as ValueUnit];
    case "redemptionMethod":
      return REDEMPTION_LABELS[value as RedemptionMethod];
    case "channels":
      return (value as Channel[]).map((channel) => CHANNEL_LABELS[channel]).join(", ");
    case "maxDiscount":
      return draft.maxDiscountUnit === "$" ? formatMoney(value as number) : `${value}%`;
    case "usageLimitPerCustomer":
    case "totalUsageLimit":
    case "uniqueCodeCount":
      return formatCount(value as number);
    case "lightning":
      return value ? "Yes" : "No";
    case "qualifyingItem":
      // "purchase" is how the draft holds "any purchase".
      return value === "purchase" ? "Any purchase" : String(value);
    case "locationScope":
      return value === "all" ? "All locations" : "Selected locations";
    case "targetAudience":
    case "locationIds":
      return (value as unknown[]).join(", ");
    case "customerList": {
      const list = value as NonNullable<OfferDraft["customerList"]>;
      return `${list.name} (${formatCount(list.customers.length)} customers)`;
    }
    default:
      return String(value);
  }
}

/** An API offer type as people say it; a type this bot does not know is shown as the API wrote it. */
export function offerTypeLabel(offerType: string): string {
  return (OFFER_TYPE_LABELS as Record<string, string | undefined>)[offerType] ?? offerType;
}

export function redemptionLabels(methods: string[]): string {
  return methods
    .map((method) => (REDEMPTION_LABELS as Record<string, string | undefined>)[method] ?? method)
    .join(", ");
}

/** "A1, B2, C3, D4, E5 and 95 more": an offer's codes, short enough for a card line. */
export const codesList = (codes: string[]) =>
  codes.length > 5
    ? `${codes.slice(0, 5).join(", ")} and ${formatCount(codes.length - 5)} more`
    : codes.join(", ");
