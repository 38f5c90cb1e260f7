import {
  CODE_TYPE_LETTER,
  type CodeKind,
  type CreateOfferInput,
  type DescriptiveInput,
  type RedemptionControlInput,
} from "../../kigo/schemas.js";
import { describeOfferValue, sentenceCase } from "../describe.js";
import type { DraftField, OfferDraft, ProgramType } from "../draft.js";
import { valueKindOf } from "../offer-kinds.js";
import { isValidPattern, patternCapacity } from "./codes.js";
import { PublishBlockedError } from "./errors.js";
import { formatExternalReference } from "./external-reference.js";

/** The draft in the Kigo API's vocabulary: everything the saga sends, decided before the first call. */

export const DEFAULT_LANGUAGE = "en";

export type CodePlan =
  | { kind: "none" }
  | { kind: "universal"; code: string; usageLimit?: number }
  | { kind: "unique"; count: number; pattern: string; usageLimit?: number };

export interface ControlPlan {
  body: Omit<RedemptionControlInput, "offer_id">;
  /** e.g. "Redemption limits: 3 per customer, 1000 total" */
  line: string;
}

export interface CampaignPlan {
  name: string;
  programType: ProgramType;
  startDate: string;
  endDate: string;
}

export interface PublishPlan {
  offer: CreateOfferInput & { external_reference: string };
  descriptive: DescriptiveInput;
  codes: CodePlan;
  control?: ControlPlan;
  campaign?: CampaignPlan;
  customerList?: { name: string; customers: string[] };
}

const BASE_FIELDS = [
  "merchantId",
  "programType",
  "startDate",
  "offerType",
  "offerTitle",
  "redemptionMethod",
] as const satisfies DraftField[];
type Publishable = OfferDraft & Required<Pick<OfferDraft, (typeof BASE_FIELDS)[number]>>;

const FIELD_LABEL: Partial<Record<DraftField, string>> = {
  merchantId: "a merchant",
  programType: "a program type",
  startDate: "a start date",
  offerType: "an offer type",
  offerTitle: "a title",
  redemptionMethod: "a redemption method",
  promoCode: "a promo code",
  uniqueCodeCount: "the number of unique codes",
  codePattern: "a code pattern",
  endDate: "an end date (for its campaign)",
};

function notReady(fields: DraftField[]): PublishBlockedError {
  const needs = fields.map((field) => FIELD_LABEL[field] ?? field).join(", ");
  return new PublishBlockedError(`The draft is not ready to publish: it still needs ${needs}.`);
}

function assertPublishable(draft: OfferDraft): asserts draft is Publishable {
  const missing = BASE_FIELDS.filter((field) => draft[field] === undefined);
  if (missing.length) throw notReady(missing);
}

function required<Field extends DraftField>(draft: OfferDraft, field: Field): NonNullable<OfferDraft[Field]> {
  const value = draft[field];
  if (value === undefined) throw notReady([field]);
  return value;
}

/** Throws PublishBlockedError, in the marketer's words, when the draft lacks what publishing needs. */
export function planPublish(draft: OfferDraft, draftKey: string): PublishPlan {
  assertPublishable(draft);
  const codes = codePlan(draft);
  const descriptive = descriptiveOf(draft);
  return {
    offer: {
      version_active_from: draft.startDate,
      merchant_owner: draft.merchantId,
      default_language: DEFAULT_LANGUAGE,
      external_reference: formatExternalReference({ draftKey, campaign: draft.campaign }),
      offer_expiry_date: draft.endDate,
      // Created inactive: only the last step (activate) makes it live, so a publish that fails
      // part-way (codes, limits) never leaves a live offer without its usage cap.
      offer_status: "inactive",
      offer_type: draft.offerType,
      offer_redemption_methods: [draft.redemptionMethod],
      code_type: CODE_TYPE_LETTER[codeKind(draft.redemptionMethod, codes)],
      clickthru_url: draft.clickthruUrl || undefined,
      // Seed workaround: production has no programs endpoint, so the offer carries its program type.
      classification: draft.programType,
      // Production has no descriptives endpoint either: the create body is where the texts can go.
      ...descriptive,
    },
    descriptive: { language_code: DEFAULT_LANGUAGE, ...descriptive },
    codes,
    control: controlPlan(draft),
    campaign: draft.campaign
      ? {
          name: draft.campaign,
          programType: draft.programType,
          startDate: draft.startDate,
          endDate: required(draft, "endDate"),
        }
      : undefined,
    customerList: draft.customerList,
  };
}

function codePlan(draft: Publishable): CodePlan {
  if (draft.redemptionMethod !== "promo_code") return { kind: "none" };
  if (draft.codeMode !== "unique") {
    // One shared code: its own limit is the offer's total.
    return { kind: "universal", code: required(draft, "promoCode"), usageLimit: draft.totalUsageLimit };
  }
  const count = required(draft, "uniqueCodeCount");
  const pattern = required(draft, "codePattern");
  if (!isValidPattern(pattern)) {
    throw new PublishBlockedError(
      `The code pattern ${pattern} may only use A–Z, 0–9, # (a digit), ? (a letter) and * (a letter or digit).`,
    );
  }
  const capacity = patternCapacity(pattern);
  if (capacity < count) {
    throw new PublishBlockedError(
      `The code pattern ${pattern} can make only ${capacity} different codes, fewer than the ${count} asked for. Use a longer pattern.`,
    );
  }
  // Each unique code goes to one customer, so its limit is the per-customer one.
  return { kind: "unique", count, pattern, usageLimit: draft.usageLimitPerCustomer };
}

function codeKind(method: Publishable["redemptionMethod"], codes: CodePlan): CodeKind {
  if (method !== "promo_code") return method;
  return codes.kind === "unique" ? "unique_codes" : "promo_code";
}

/**
 * The API states savings only as a percentage or a fixed amount. BOGO, points and free items fit
 * neither without misleading the reader (100 "percentage" for a free second item reads as 100%
 * off), and a link saves nothing, so they carry none; a price point states its saving only when
 * the regular price is known.
 */
function savingsOf(draft: OfferDraft): Pick<DescriptiveInput, "savings_amount" | "savings_type"> {
  const value = draft.offerValue;
  if (value === undefined) return {};
  const saving = (amount: number, type: "percentage" | "fixed") => ({
    savings_amount: formatAmount(amount),
    savings_type: type,
  });
  switch (valueKindOf(draft)) {
    case "percentage_savings":
    case "cashback_percent":
      return saving(value, "percentage");
    case "dollars_off":
    case "cashback":
    case "spend_and_get":
      return saving(value, "fixed");
    case "price_point":
      return draft.itemPrice !== undefined && draft.itemPrice > value
        ? saving(draft.itemPrice - value, "fixed")
        : {};
    default:
      return {};
  }
}

/**
 * Without a description of its own, the long text states the whole offer ("Free coffee with any
 * pastry."), minimum spend and audience included ("$250 cash back for new leases.").
 */
function longTextOf(draft: OfferDraft): string | undefined {
  const offer = describeOfferValue(draft);
  const audience = draft.targetAudience?.length ? ` for ${draft.targetAudience.join(" and ")}` : "";
  const description = draft.offerDescription ?? (offer && `${sentenceCase(offer)}${audience}.`);
  const text = [description, draft.exclusions && `Exclusions: ${draft.exclusions}`]
    .filter(Boolean)
    .join("\n\n");
  return text || undefined;
}

function descriptiveOf(draft: Publishable): Omit<DescriptiveInput, "language_code"> {
  return {
    short_text: draft.offerTitle,
    long_text: longTextOf(draft),
    terms_conditions: draft.termsConditions,
    ...savingsOf(draft),
  };
}

function formatAmount(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}

function controlPlan(draft: OfferDraft): ControlPlan | undefined {
  const perCustomer = draft.usageLimitPerCustomer;
  const total = draft.totalUsageLimit;
  const locations = draft.locationScope === "selected" ? (draft.locationIds ?? []) : [];
  if (perCustomer === undefined && total === undefined && !locations.length) return undefined;
  const parts = [
    perCustomer !== undefined && `${perCustomer} per customer`,
    total !== undefined && `${total} total`,
    locations.length > 0 && `${locations.length} selected location${locations.length === 1 ? "" : "s"}`,
  ].filter(Boolean);
  return {
    // null, not absent: an update must clear a limit the draft no longer has.
    body: {
      usage_limit_per_customer: perCustomer ?? null,
      total_usage_limit: total ?? null,
      location_ids: locations,
    },
    line: `Redemption limits: ${parts.join(", ")}`,
  };
}
