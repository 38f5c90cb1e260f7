import type { Channel, DraftField, OfferDraft, OfferType, ProgramType, RedemptionMethod } from "./draft.js";

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
  minimumSpend: "Minimum spend",
  lightning: "Lightning offer",
  offerTitle: "Title",
  offerDescription: "Description",
  termsConditions: "Terms",
  exclusions: "Exclusions",
  redemptionMethod: "Redemption",
  promoCode: "Promo code",
  usageLimitPerCustomer: "Uses per customer",
  totalUsageLimit: "Total uses",
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
  percentage_discount: "Percentage off",
  fixed_amount: "Amount off",
  bogo: "Buy one, get one",
  cashback: "Cash back",
  loyalty_points: "Loyalty points",
  spend_and_get: "Spend and get",
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

const dollars = new Intl.NumberFormat("en-US", {
  style: "currency",
  currency: "USD",
  maximumFractionDigits: 2,
});
const whole = new Intl.NumberFormat("en-US");

export function formatMoney(amount: number): string {
  return dollars.format(amount).replace(/\.00$/, "");
}

export function formatCount(count: number): string {
  return whole.format(count);
}

export function formatDate(iso: string): string {
  const [year, month, day] = iso.split("-").map(Number);
  return new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1)).toLocaleDateString("en-US", {
    timeZone: "UTC",
    month: "short",
    day: "numeric",
    year: "numeric",
  });
}

/** "20% off", "$10 off", "Buy one, get one free", "500 points", "Spend $100, get $20". */
export function describeOfferValue(draft: OfferDraft): string | undefined {
  const { offerType, offerValue } = draft;
  if (!offerType || offerValue === undefined) return undefined;
  switch (offerType) {
    case "percentage_discount":
      return `${offerValue}% off`;
    case "fixed_amount":
      return `${formatMoney(offerValue)} off`;
    case "bogo":
      return offerValue >= 100 ? "Buy one, get one free" : `Buy one, get one ${offerValue}% off`;
    case "cashback":
      return `${formatMoney(offerValue)} cash back`;
    case "loyalty_points":
      return `${formatCount(offerValue)} bonus points`;
    case "spend_and_get":
      return draft.minimumSpend === undefined
        ? `Get ${formatMoney(offerValue)}`
        : `Spend ${formatMoney(draft.minimumSpend)}, get ${formatMoney(offerValue)}`;
  }
}

/** One field's value as a marketer reads it. */
export function describeValue(field: DraftField, draft: OfferDraft): string | undefined {
  const value = draft[field];
  if (value === undefined) return undefined;
  switch (field) {
    case "totalBudget":
    case "minimumSpend":
      return formatMoney(value as number);
    case "startDate":
    case "endDate":
      return formatDate(value as string);
    case "programType":
      return PROGRAM_LABELS[value as ProgramType];
    case "offerType":
      return OFFER_TYPE_LABELS[value as OfferType];
    case "offerValue":
      return describeOfferValue(draft);
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
