import type { CodeKind, MerchantLocationInput, ProgramType, RedemptionMethod } from "../schemas.js";

/**
 * The demo world loaded into a fresh sandbox: a John Deere dealer network (closed loop), Yardi
 * resident perks (open loop) and a hybrid family rewards program, with the merchants and offers a
 * marketer would expect to find there. Merchant names and street addresses are invented; the
 * cities and coordinates are real so maps and distance filters behave.
 *
 * Days are offsets from the load day (0 = today, -89 = 89 days ago), so the data always looks
 * current.
 */

export const DEMO_PARTNERS = ["Deere & Company", "Yardi Systems"] as const;

type DemoProgram = {
  name: string;
  type: ProgramType;
  partner: (typeof DEMO_PARTNERS)[number];
  /** Synthetic customer ids `${prefix}-00042`; one pool per program, shared by its offers. */
  customers: { prefix: string; size: number };
};

export const DEMO_PROGRAMS = {
  johnDeere: {
    name: "John Deere Dealer Network",
    type: "closed_loop",
    partner: "Deere & Company",
    customers: { prefix: "deere-customer", size: 400 },
  },
  yardi: {
    name: "Yardi Resident Perks",
    type: "open_loop",
    partner: "Yardi Systems",
    customers: { prefix: "yardi-resident", size: 600 },
  },
  family: {
    name: "Deere Family Rewards",
    type: "hybrid",
    partner: "Deere & Company",
    customers: { prefix: "deere-family", size: 500 },
  },
} as const satisfies Record<string, DemoProgram>;
type ProgramKey = keyof typeof DEMO_PROGRAMS;

export const DEMO_CAMPAIGNS: {
  name: string;
  program: ProgramKey;
  type: string;
  startDay: number;
  endDay: number;
}[] = [
  {
    name: "Spring Parts & Service Event",
    program: "johnDeere",
    type: "offer_based",
    startDay: -89,
    endDay: 30,
  },
  {
    name: "72-Hour Mower Blade Flash Sale",
    program: "johnDeere",
    type: "lightning",
    startDay: -33,
    endDay: -31,
  },
  { name: "Resident Appreciation Season", program: "yardi", type: "offer_based", startDay: -89, endDay: 60 },
  { name: "Family Rewards Launch", program: "family", type: "offer_based", startDay: -59, endDay: 90 },
];

/** The sandbox has no category table; these are the demo's own `primary_category_id` codes. */
export const CATEGORY = { equipment: 101, residential: 201, dining: 301, retail: 401, fuel: 501 } as const;

type DemoMerchant = {
  name: string;
  type: "dealer" | "property" | "catalog";
  categoryId: number;
  locations: MerchantLocationInput[];
};

const place = (
  address_line1: string,
  city: string,
  state: string,
  postal_code: string,
  latitude: number,
  longitude: number,
): MerchantLocationInput => ({ address_line1, city, state, postal_code, latitude, longitude });

export const DEMO_MERCHANTS = {
  heartland: {
    name: "Heartland Ag Equipment",
    type: "dealer",
    categoryId: CATEGORY.equipment,
    locations: [
      place("2401 S Duff Ave", "Ames", "IA", "50010", 42.0036, -93.6105),
      place("5505 NE 14th St", "Des Moines", "IA", "50313", 41.6562, -93.596),
    ],
  },
  prairieGreen: {
    name: "Prairie Green Implement",
    type: "dealer",
    categoryId: CATEGORY.equipment,
    locations: [place("4150 Main Ave", "Fargo", "ND", "58103", 46.8754, -96.8536)],
  },
  blueRidge: {
    name: "Blue Ridge Tractor & Turf",
    type: "dealer",
    categoryId: CATEGORY.equipment,
    locations: [place("3710 Wards Rd", "Lynchburg", "VA", "24502", 37.3543, -79.1794)],
  },
  centralValley: {
    name: "Central Valley Ag Supply",
    type: "dealer",
    categoryId: CATEGORY.equipment,
    locations: [place("4455 S Golden State Blvd", "Fresno", "CA", "93725", 36.6901, -119.7571)],
  },
  bigSky: {
    name: "Big Sky Equipment Co.",
    type: "dealer",
    categoryId: CATEGORY.equipment,
    locations: [place("1920 King Ave W", "Billings", "MT", "59102", 45.758, -108.579)],
  },
  parkview: {
    name: "Parkview Commons Apartments",
    type: "property",
    categoryId: CATEGORY.residential,
    locations: [place("430 Olive St", "Santa Barbara", "CA", "93101", 34.4225, -119.691)],
  },
  riverwalk: {
    name: "The Residences at Riverwalk",
    type: "property",
    categoryId: CATEGORY.residential,
    locations: [place("600 S Alamo St", "San Antonio", "TX", "78205", 29.418, -98.491)],
  },
  lakeshore: {
    name: "Lakeshore Point Apartments",
    type: "property",
    categoryId: CATEGORY.residential,
    locations: [place("1550 N Lake Shore Dr", "Chicago", "IL", "60610", 41.911, -87.626)],
  },
  harvestTable: {
    name: "Harvest Table Kitchen",
    type: "catalog",
    categoryId: CATEGORY.dining,
    locations: [
      place("318 E Houston St", "San Antonio", "TX", "78205", 29.426, -98.489),
      place("825 State St", "Santa Barbara", "CA", "93101", 34.4197, -119.6985),
    ],
  },
  sunriseCoffee: {
    name: "Sunrise Coffee Co.",
    type: "catalog",
    categoryId: CATEGORY.dining,
    locations: [place("1101 N Clark St", "Chicago", "IL", "60610", 41.9018, -87.6313)],
  },
  homeBase: {
    name: "HomeBase Hardware",
    type: "catalog",
    categoryId: CATEGORY.retail,
    locations: [place("2600 Ingersoll Ave", "Des Moines", "IA", "50312", 41.5865, -93.658)],
  },
  summitOutdoor: {
    name: "Summit Outdoor Supply",
    type: "catalog",
    categoryId: CATEGORY.retail,
    locations: [place("1450 Larimer St", "Denver", "CO", "80202", 39.748, -104.999)],
  },
  quickFuel: {
    name: "QuickFuel Stations",
    type: "catalog",
    categoryId: CATEGORY.fuel,
    locations: [
      place("1305 S Duff Ave", "Ames", "IA", "50010", 42.0123, -93.6105),
      place("2801 13th Ave S", "Fargo", "ND", "58103", 46.861, -96.825),
    ],
  },
} as const satisfies Record<string, DemoMerchant>;

export const DEMO_OFFER_TYPES = [
  { type_name: "percentage_savings", type_description: "A percentage off the purchase price" },
  { type_name: "dollars_off", type_description: "A dollar amount off, optionally above a minimum spend" },
  { type_name: "bogo", type_description: "Buy one, get the second free or discounted" },
  { type_name: "spend_and_get", type_description: "Spend a threshold amount, get a reward" },
  {
    type_name: "cashback",
    type_description: "A percentage or a dollar amount of the purchase returned to the customer",
  },
  {
    type_name: "loyalty_points",
    type_description: "Bonus loyalty points, or a multiplier on the points a purchase earns",
  },
  { type_name: "free_with_purchase", type_description: "A free item with the purchase of another" },
  { type_name: "price_point", type_description: "An item at a set price, e.g. a $9.99 oil change" },
  {
    type_name: "clickthrough",
    type_description: "A link to the merchant's site, with no discount of its own",
  },
  { type_name: "lightning", type_description: "A time- or quantity-limited version of any other offer type" },
];

/** How an offer's synthetic traffic is drawn, day by day, from the seeded generator. */
export type DemoActivity = {
  firstDay: number;
  lastDay: number;
  dailyImpressions: number;
  /** Redemptions per impression on the first day. */
  conversion: number;
  /** Conversion on the last day relative to the first; below 1 makes an under-performer to alert on. */
  conversionTrend: number;
  /** Traffic multiplier on Saturdays and Sundays. */
  weekendLift: number;
  basket: readonly [min: number, max: number];
  discount: (revenue: number) => number;
};

export type DemoOffer = {
  /** Stored as `external_reference`; also what makes the offers findable again. */
  ref: string;
  merchant: keyof typeof DEMO_MERCHANTS;
  program: ProgramKey;
  campaign: string;
  offerType: string;
  status: "active" | "inactive" | "expired";
  startDay: number;
  expiryDay?: number;
  methods: RedemptionMethod[];
  codeKind: CodeKind;
  clickthruUrl?: string;
  text: {
    short_text: string;
    long_text: string;
    terms_conditions: string;
    savings_amount?: string;
    savings_type?: "percentage" | "fixed";
  };
  promoCode?: { code: string; usageLimit?: number };
  /** Limits are enforced while generating activity, as the real redemption service would. */
  limits?: { perCustomer?: number; total?: number };
  activity: DemoActivity;
};

/** The offer to point people at first: a closed-loop dealer offer with a promo code. */
export const SAMPLE_OFFER_REF = "demo-deere-parts-service-15";

const percentOff = (share: number) => (revenue: number) => revenue * share;
const amountOff = (amount: number) => () => amount;

export const DEMO_OFFERS: DemoOffer[] = [
  {
    ref: SAMPLE_OFFER_REF,
    merchant: "heartland",
    program: "johnDeere",
    campaign: "Spring Parts & Service Event",
    offerType: "percentage_savings",
    status: "active",
    startDay: -89,
    expiryDay: 30,
    methods: ["promo_code"],
    codeKind: "promo_code",
    text: {
      short_text: "15% Off Genuine John Deere Parts & Service",
      long_text:
        "Get your equipment field-ready: 15% off genuine John Deere parts and shop labor at Heartland Ag Equipment.",
      terms_conditions:
        "Valid for John Deere Dealer Network customers only. Up to 3 uses per customer. Excludes whole goods and extended warranties.",
      savings_amount: "15",
      savings_type: "percentage",
    },
    promoCode: { code: "DEERE15", usageLimit: 1000 },
    limits: { perCustomer: 3, total: 1000 },
    activity: {
      firstDay: -89,
      lastDay: 0,
      dailyImpressions: 140,
      conversion: 0.035,
      conversionTrend: 1.1,
      weekendLift: 0.55,
      basket: [80, 1200],
      discount: percentOff(0.15),
    },
  },
  {
    ref: "demo-deere-gator-accessories-250",
    merchant: "prairieGreen",
    program: "johnDeere",
    campaign: "Spring Parts & Service Event",
    offerType: "dollars_off",
    status: "active",
    startDay: -89,
    expiryDay: 30,
    methods: ["show_save"],
    codeKind: "show_save",
    text: {
      short_text: "$250 Off Gator Utility Vehicle Accessories",
      long_text: "Show this offer at Prairie Green Implement for $250 off Gator cabs, racks and attachments.",
      terms_conditions: "Minimum purchase $400. One use per visit. Not combinable with other dealer offers.",
      savings_amount: "250.00",
      savings_type: "fixed",
    },
    activity: {
      firstDay: -89,
      lastDay: 0,
      dailyImpressions: 60,
      conversion: 0.025,
      conversionTrend: 1,
      weekendLift: 0.6,
      basket: [400, 2500],
      discount: amountOff(250),
    },
  },
  {
    ref: "demo-deere-blade-flash-20",
    merchant: "blueRidge",
    program: "johnDeere",
    campaign: "72-Hour Mower Blade Flash Sale",
    offerType: "lightning",
    status: "expired",
    startDay: -33,
    expiryDay: -31,
    methods: ["promo_code"],
    codeKind: "promo_code",
    text: {
      short_text: "72 Hours Only: 20% Off Mower Blades",
      long_text: "Flash sale at Blue Ridge Tractor & Turf: 20% off all John Deere mower blades for 72 hours.",
      terms_conditions: "One use per customer. Limited to the first 150 redemptions.",
      savings_amount: "20",
      savings_type: "percentage",
    },
    promoCode: { code: "FLASH20", usageLimit: 150 },
    limits: { perCustomer: 1, total: 150 },
    activity: {
      firstDay: -33,
      lastDay: -31,
      dailyImpressions: 600,
      conversion: 0.06,
      conversionTrend: 0.8,
      weekendLift: 1,
      basket: [35, 220],
      discount: percentOff(0.2),
    },
  },
  {
    ref: "demo-yardi-move-in-300",
    merchant: "parkview",
    program: "yardi",
    campaign: "Resident Appreciation Season",
    offerType: "dollars_off",
    status: "inactive",
    startDay: -89,
    expiryDay: 60,
    methods: ["show_save"],
    codeKind: "show_save",
    text: {
      short_text: "Move-In Special: $300 Off Your First Month",
      long_text: "Sign a 12-month lease at Parkview Commons and take $300 off your first month's rent.",
      terms_conditions: "New 12-month leases only. One per household. Paused while units are fully leased.",
      savings_amount: "300.00",
      savings_type: "fixed",
    },
    limits: { perCustomer: 1 },
    activity: {
      firstDay: -89,
      lastDay: -8,
      dailyImpressions: 40,
      conversion: 0.015,
      conversionTrend: 1,
      weekendLift: 1.3,
      basket: [1800, 2600],
      discount: amountOff(300),
    },
  },
  {
    ref: "demo-yardi-harvest-bogo",
    merchant: "harvestTable",
    program: "yardi",
    campaign: "Resident Appreciation Season",
    offerType: "bogo",
    status: "active",
    startDay: -89,
    expiryDay: 60,
    methods: ["barcode"],
    codeKind: "barcode",
    text: {
      short_text: "Buy One Entrée, Get One Free",
      long_text: "Residents enjoy a free entrée with the purchase of another at Harvest Table Kitchen.",
      terms_conditions: "Dine-in only. Free entrée of equal or lesser value. Excludes alcohol and holidays.",
    },
    activity: {
      firstDay: -89,
      lastDay: 0,
      dailyImpressions: 220,
      conversion: 0.04,
      conversionTrend: 1,
      weekendLift: 1.4,
      basket: [28, 95],
      discount: percentOff(0.4),
    },
  },
  {
    ref: "demo-yardi-coffee-double-points",
    merchant: "sunriseCoffee",
    program: "yardi",
    campaign: "Resident Appreciation Season",
    offerType: "loyalty_points",
    status: "active",
    startDay: -89,
    expiryDay: 60,
    methods: ["show_save"],
    codeKind: "show_save",
    text: {
      short_text: "Double Loyalty Points at Sunrise Coffee",
      long_text: "Earn 2x Sunrise Rewards points on every purchase when you show your resident perks card.",
      terms_conditions: "Points post within 48 hours. Gift card purchases excluded.",
    },
    activity: {
      firstDay: -89,
      lastDay: 0,
      dailyImpressions: 180,
      conversion: 0.05,
      conversionTrend: 0.35,
      weekendLift: 1.2,
      basket: [4.5, 18],
      discount: () => 0,
    },
  },
  {
    ref: "demo-family-fuel-cashback-5",
    merchant: "quickFuel",
    program: "family",
    campaign: "Family Rewards Launch",
    offerType: "cashback",
    status: "active",
    startDay: -59,
    expiryDay: 90,
    methods: ["barcode"],
    codeKind: "barcode",
    text: {
      short_text: "5% Cash Back on Fuel",
      long_text: "Scan your Deere Family Rewards barcode at the pump and get 5% back on every fill-up.",
      terms_conditions: "Cash back credited monthly. Maximum $25 cash back per month.",
      savings_amount: "5",
      savings_type: "percentage",
    },
    activity: {
      firstDay: -59,
      lastDay: 0,
      dailyImpressions: 150,
      conversion: 0.03,
      conversionTrend: 1.2,
      weekendLift: 1.1,
      basket: [35, 120],
      discount: percentOff(0.05),
    },
  },
  {
    ref: "demo-family-homebase-spend-100-get-20",
    merchant: "homeBase",
    program: "family",
    campaign: "Family Rewards Launch",
    offerType: "spend_and_get",
    status: "active",
    startDay: -44,
    expiryDay: 90,
    methods: ["online_link", "promo_code"],
    codeKind: "online_link",
    clickthruUrl: "https://www.example.com/homebase/deere-family",
    text: {
      short_text: "Spend $100, Get $20 Off at HomeBase Hardware",
      long_text: "Shop online at HomeBase Hardware, spend $100 or more and get $20 off with code HOMEBASE20.",
      terms_conditions: "Online orders only. Minimum $100 before tax and shipping.",
      savings_amount: "20.00",
      savings_type: "fixed",
    },
    promoCode: { code: "HOMEBASE20" },
    activity: {
      firstDay: -44,
      lastDay: 0,
      dailyImpressions: 90,
      conversion: 0.025,
      conversionTrend: 1,
      weekendLift: 1.5,
      basket: [100, 420],
      discount: amountOff(20),
    },
  },
];
