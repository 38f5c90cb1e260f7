import type { types } from "@slack/bolt";
import { type DigestLine, type DigestView, offerLineActions } from "../../../src/core/digest/view-model.js";
import type { Action, OfferSummaryModel, PreviewModel } from "../../../src/core/view-models.js";
import type { OfferDraft } from "../../../src/graph/draft.js";

export const THREAD = "slack:T1:C1:1700000000.000100";

/** Everything a marketer can put in a title to reach other people or disguise a link. */
export const HOSTILE = "<!channel> & <@U123> <https://evil|click>";

export const long = (length: number, unit = "Lorem ipsum dolor sit amet. ") =>
  unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

/** A draft with every field the offer form has. */
export const FULL_DRAFT: OfferDraft = {
  businessObjective: "Bring lapsed customers back before spring",
  programType: "open_loop",
  targetAudience: ["lapsed customers", "new movers"],
  totalBudget: 75000,
  maxDiscount: 30,
  maxDiscountUnit: "%",
  offerType: "percentage_savings",
  offerValue: 20.5,
  valueUnit: "%",
  minimumSpend: 50,
  itemName: "all equipment",
  qualifyingItem: "any part",
  itemPrice: 12.5,
  lightning: false,
  offerTitle: "20% off spring service",
  offerDescription: "Save on your spring tune-up.\nBook before April.",
  termsConditions: "One per customer. Not valid with other offers.",
  exclusions: "Parts not included.",
  redemptionMethod: "promo_code",
  promoCode: "SPRING20",
  codeMode: "unique",
  uniqueCodeCount: 1000,
  codePattern: "SPR-####",
  usageLimitPerCustomer: 1,
  totalUsageLimit: 1000,
  locationScope: "selected",
  locationIds: [12, 34],
  clickthruUrl: "https://example.com/spring",
  startDate: "2026-03-01",
  endDate: "2026-04-30",
  timeZone: "America/Chicago",
  channels: ["hub_airdrop", "marketplace_promoted"],
  campaign: "Spring 2026",
};

export function preview(overrides: Partial<PreviewModel> = {}): PreviewModel {
  return {
    draftId: "d1",
    version: 3,
    status: "review",
    title: "20% off spring service",
    summary: "20% off · Mar 1, 2026 – Apr 30, 2026",
    sections: [
      {
        title: "Offer",
        fields: [
          { label: "Offer type", value: "Percentage off" },
          { label: "Value", value: "20% off" },
        ],
      },
      { title: "Redemption", fields: [{ label: "Promo code", value: "SPRING20" }] },
    ],
    issues: [],
    ...overrides,
  };
}

export const versionValue = '{"v":3}';

export const previewActions: Action[] = [
  { id: "publish", label: "Publish", value: versionValue, style: "primary" },
  { id: "edit", label: "Edit", value: versionValue },
  { id: "submit", label: "Submit for approval", value: versionValue },
  { id: "cancel", label: "Cancel", value: versionValue, style: "danger" },
];

export function offer(offerId: number, overrides: Partial<OfferSummaryModel> = {}): OfferSummaryModel {
  return {
    offerId,
    title: `Offer number ${offerId}`,
    status: "active",
    merchantId: 7,
    startDate: "2026-03-01",
    endDate: "2026-04-30",
    offerType: "percentage_savings",
    redemptionMethods: ["promo_code", "online_link"],
    ...overrides,
  };
}

type Element = Record<string, unknown> & { type: string };

/** Every interactive element in the blocks: actions' elements and section accessories. */
export function elementsOf(blocks: types.KnownBlock[]): Element[] {
  return blocks.flatMap((block) => {
    if (block.type === "actions") return block.elements as unknown as Element[];
    if (block.type === "section" && block.accessory) return [block.accessory as unknown as Element];
    return [];
  });
}

export const buttonsOf = (blocks: types.KnownBlock[]) =>
  elementsOf(blocks).filter((element): element is types.Button & Element => element.type === "button");

export const textOf = (blocks: unknown) => JSON.stringify(blocks);

/** A digest line for offer `offerId`, with the actions a digest gives every line. */
export function digestLine(
  offerId: number,
  title = `Offer ${offerId}`,
  detail = "12 redemptions",
): DigestLine {
  return { offerId, title, detail, actions: offerLineActions(offerId, true) };
}

/** A weekly digest with a line per list and a week's chart; `overrides` for the rest. */
export function digest(overrides: Partial<DigestView> = {}): DigestView {
  return {
    kind: "digest",
    title: "Weekly offer digest · All merchants",
    period: "Nov 23 – Nov 29, 2026 · as of Nov 30, 2026, 9:00 AM CST",
    totals: ["42 redemptions (+12% vs the previous week)", "30 customers (counted per offer)"],
    top: [digestLine(1, "20% off spring service")],
    bottom: [digestLine(2)],
    startingSoon: [digestLine(3, "Winter tires", "starts Dec 2, 2026")],
    budgets: [],
    expiringSoon: [digestLine(4, "Fall cleanup", "ends Dec 3, 2026")],
    more: 0,
    seeAll: "/offers list",
    chart: {
      title: "Redemptions per day · Nov 23 – Nov 29, 2026",
      days: [
        "2026-11-23",
        "2026-11-24",
        "2026-11-25",
        "2026-11-26",
        "2026-11-27",
        "2026-11-28",
        "2026-11-29",
      ],
      series: [
        { name: "All offers", values: [3, 5, 8, 4, 9, 7, 6] },
        { name: "20% off spring service", values: [1, 2, 4, 2, 5, 3, 3] },
      ],
    },
    ...overrides,
  };
}
