import { addDays, todayIn } from "../graph/dates.js";
import { formatDate } from "../graph/describe.js";
import type { KigoClient } from "../kigo/client.js";
import { KigoApiError } from "../kigo/errors.js";
import { OFFER_STATUS_FILTER, type OfferWithDescriptive } from "../kigo/schemas.js";
import type { AuditLog, AuditRecord } from "../stores/audit.js";
import type { DraftEntry, DraftIndex } from "../stores/draft-index.js";
import type { AccessPolicy, Role, UserAccess } from "./access.js";
import { notice, type Speaker } from "./conversation.js";
import { changeRoles, parseRoles, type RoleChange } from "./roles-command.js";
import type { Action, HomeModel, OfferDetailModel, OfferSummaryModel, Reply } from "./view-models.js";

export const PAGE_SIZE = 10;

export const OFFERS_HELP = [
  "list [active|inactive|expired] [text] [merchant:ID] — find offers",
  "show ID — one offer",
  "new — start a new offer",
  "drafts — your open drafts",
  "pause ID / resume ID — stop or restart an offer",
  "end ID — end an offer for good (asks first)",
  "duplicate ID — start a new draft from an offer",
  "analytics ID — redemptions, users, revenue, conversion",
  "extend ID [DAYS] — run an offer longer",
  "digest … — scheduled performance digests (digest help)",
  "roles [grant|revoke USER ROLE[,ROLE] [merchant:ID]] — who may do what (admins)",
  "help — this list",
];

export type ParsedCommand =
  | {
      verb: "list";
      status?: (typeof OFFER_STATUS_FILTER)[number];
      text?: string;
      merchantId?: number;
      offset: number;
    }
  | { verb: "show" | "pause" | "resume" | "end" | "duplicate" | "analytics"; offerId: number }
  | { verb: "extend"; offerId: number; days?: number }
  | { verb: "digest"; words: string }
  | { verb: "new" | "drafts" | "help" }
  | { verb: "roles"; change?: RoleChange };

const ID_VERBS = ["show", "pause", "resume", "end", "duplicate", "analytics"] as const;

/** `/offers …` as typed in any channel: the command, and whether a trailing "share" shows its answer to all. */
export interface OffersCommandLine {
  command: ParsedCommand | { error: string };
  share: boolean;
}

export function readOffersCommand(text: string): OffersCommandLine {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const share = words.at(-1)?.toLowerCase() === "share";
  return { command: parseOffersCommand((share ? words.slice(0, -1) : words).join(" ")), share };
}

/** `/offers ...` arguments → a command, or the sentence naming what is wrong and the right form. */
export function parseOffersCommand(text: string): ParsedCommand | { error: string } {
  const [verb = "help", ...args] = text.trim().split(/\s+/).filter(Boolean);
  const lower = verb.toLowerCase();
  if (lower === "help" || lower === "new" || lower === "drafts") {
    return args.length === 0 ? { verb: lower } : { error: `"${lower}" takes no arguments. Usage: ${lower}` };
  }
  if ((ID_VERBS as readonly string[]).includes(lower)) {
    const id = args.length === 1 ? Number(args[0]?.replace(/^#/, "")) : Number.NaN;
    if (!Number.isInteger(id) || id <= 0) {
      return { error: `"${lower}" needs one offer id, e.g. "${lower} 123".` };
    }
    return { verb: lower as (typeof ID_VERBS)[number], offerId: id };
  }
  if (lower === "list") return parseList(args);
  if (lower === "digest") return { verb: "digest", words: args.join(" ") };
  if (lower === "extend") return parseExtend(args);
  if (lower === "roles") return parseRoles(args);
  return {
    error: `I don't know "${verb}". Try: ${OFFERS_HELP.map((line) => line.split(" — ")[0]).join(", ")}.`,
  };
}

/** "extend 7", "extend 7 14", "extend #7 by 2 weeks". */
function parseExtend(args: string[]): ParsedCommand | { error: string } {
  const [id, ...rest] = args;
  const offerId = Number(id?.replace(/^#/, ""));
  const length = /^(?:by\s+)?(\d{1,3})(?:\s*(days?|d|weeks?|w))?$/i.exec(rest.join(" "));
  if (!Number.isInteger(offerId) || offerId <= 0 || (rest.length > 0 && !length))
    return {
      error:
        '"extend" needs an offer id and, if you like, how long, e.g. "extend 123" or "extend 123 14 days".',
    };
  if (!length?.[1]) return { verb: "extend", offerId };
  const days = Number(length[1]) * (/^w/i.test(length[2] ?? "") ? 7 : 1);
  if (days < 1 || days > 366) return { error: "Extend by 1 to 366 days." };
  return { verb: "extend", offerId, days };
}

function parseList(args: string[]): ParsedCommand | { error: string } {
  const command: Extract<ParsedCommand, { verb: "list" }> = { verb: "list", offset: 0 };
  const words: string[] = [];
  for (const arg of args) {
    const merchant = /^merchant:(.*)$/i.exec(arg);
    if (merchant) {
      const id = Number(merchant[1]);
      if (!Number.isInteger(id) || id <= 0)
        return { error: `"${arg}" is not a merchant id. Use merchant:123.` };
      command.merchantId = id;
    } else if ((OFFER_STATUS_FILTER as readonly string[]).includes(arg.toLowerCase()) && !command.status) {
      command.status = arg.toLowerCase() as (typeof OFFER_STATUS_FILTER)[number];
    } else {
      words.push(arg);
    }
  }
  if (words.length > 0) command.text = words.join(" ");
  return command;
}

const ROLE_OF: Record<Exclude<ParsedCommand["verb"], "new" | "help" | "digest">, Role> = {
  roles: "admin",
  list: "viewer",
  show: "viewer",
  analytics: "viewer",
  drafts: "editor",
  pause: "publisher",
  resume: "publisher",
  end: "publisher",
  extend: "publisher",
  duplicate: "editor",
};

export interface OfferCommandDeps {
  client: KigoClient;
  access: AccessPolicy;
  audit: AuditLog;
  drafts: DraftIndex;
  defaultTimeZone: string;
  now?: () => Date;
}

/** Listing and lifecycle of published offers: channel-agnostic, authorised, audited. */
export class OfferCommands {
  constructor(private readonly deps: OfferCommandDeps) {}

  /** Roles granted in chat since the last turn, possibly on another replica. */
  refreshAccess(): Promise<void> {
    return this.deps.access.refresh();
  }

  /** Everyone with a role, from the roles file and changes made in chat. */
  async people(): Promise<UserAccess[]> {
    await this.refreshAccess();
    return this.deps.access.everyone();
  }

  async run(speaker: Speaker, command: ParsedCommand): Promise<Reply[]> {
    if (command.verb === "help") return [notice("info", ["/offers commands:", ...OFFERS_HELP].join("\n"))];
    if (command.verb === "new")
      return [notice("info", 'Tell me about the offer, e.g. "20% off all equipment in December".')];
    if (command.verb === "digest") return [notice("error", "Digests are handled by the digest commands.")];
    const access = this.deps.access.of(speaker.userId);
    const refusal = this.deps.access.refusal(access, ROLE_OF[command.verb]);
    if (refusal) return [notice("error", refusal)];
    try {
      return await this.dispatch(speaker, access, command);
    } catch (error) {
      if (error instanceof KigoApiError) return [notice("error", error.message)];
      throw error;
    }
  }

  /** App Home: the newest offers the user may see and their open drafts. */
  async home(speaker: Speaker): Promise<HomeModel> {
    const access = this.deps.access.of(speaker.userId);
    const canView = !this.deps.access.refusal(access, "viewer");
    // Every merchant the role covers (a few at most), or all offers for an unscoped role.
    const scopes = access.merchantIds.length > 0 ? access.merchantIds.slice(0, 5) : [undefined];
    const pages = canView
      ? await Promise.all(
          scopes.map((merchant) =>
            this.deps.client
              .listOffers({ limit: 5, ...(merchant ? { merchant_owner: merchant } : {}) })
              .catch(() => undefined),
          ),
        )
      : [];
    const recentOffers = pages
      .flatMap((page) => page?.items ?? [])
      .sort((a, b) => b.offer_id - a.offer_id)
      .slice(0, 5)
      .map((offer) => summaryOf(offer, this.today()));
    return { recentOffers, drafts: await this.openDrafts(speaker.userId) };
  }

  /** After the confirmation dialog: ends the offer for good. */
  async endConfirmed(speaker: Speaker, offerId: number): Promise<Reply[]> {
    const access = this.deps.access.of(speaker.userId);
    const refusal = this.deps.access.refusal(access, "publisher");
    if (refusal) return [notice("error", refusal)];
    try {
      return await this.lifecycle(speaker, access, offerId, "end");
    } catch (error) {
      if (error instanceof KigoApiError) return [notice("error", error.message)];
      throw error;
    }
  }

  private async dispatch(speaker: Speaker, access: UserAccess, command: ParsedCommand): Promise<Reply[]> {
    switch (command.verb) {
      case "list":
        return [await this.list(access, command)];
      case "show":
        return [await this.show(access, command.offerId)];
      case "analytics":
        return [await this.analytics(access, command.offerId)];
      case "drafts":
        return [await this.draftList(speaker.userId)];
      case "end":
        return [await this.confirmEnd(access, command.offerId)];
      case "pause":
      case "resume":
        return this.lifecycle(speaker, access, command.offerId, command.verb);
      case "extend":
        return command.days === undefined
          ? [await this.askExtension(access, command.offerId)]
          : this.lifecycle(speaker, access, command.offerId, "extend", command.days);
      case "roles":
        return [await changeRoles(this.deps, speaker.userId, command.change, this.now())];
      default:
        return [notice("error", `"${command.verb}" is handled by the conversation.`)];
    }
  }

  private async list(access: UserAccess, command: Extract<ParsedCommand, { verb: "list" }>): Promise<Reply> {
    const [onlyMerchant] = access.merchantIds;
    const merchantId = command.merchantId ?? (access.merchantIds.length === 1 ? onlyMerchant : undefined);
    if (merchantId === undefined && access.merchantIds.length > 1) {
      return notice(
        "warning",
        `Your role covers merchants ${access.merchantIds.join(", ")}: add merchant:ID, e.g. "list merchant:${onlyMerchant}".`,
      );
    }
    if (merchantId !== undefined) {
      const refusal = this.deps.access.refusal(access, "viewer", merchantId);
      if (refusal) return notice("error", refusal);
    }
    const page = await this.deps.client.listOffers({
      offer_status: command.status,
      short_text: command.text,
      merchant_owner: merchantId,
      limit: PAGE_SIZE,
      offset: command.offset,
    });
    const pageValue = (offset: number) => JSON.stringify({ ...command, offset });
    const actions: Action[] = [];
    if (command.offset > 0) {
      actions.push({
        id: "offers_page",
        label: "Previous",
        value: pageValue(Math.max(0, command.offset - PAGE_SIZE)),
      });
    }
    if (page.hasMore)
      actions.push({ id: "offers_page", label: "Next", value: pageValue(command.offset + PAGE_SIZE) });
    const filters = [
      command.status,
      command.text && `"${command.text}"`,
      merchantId && `merchant #${merchantId}`,
    ];
    return {
      kind: "offer_list",
      title: `Offers${filters.some(Boolean) ? ` (${filters.filter(Boolean).join(", ")})` : ""}`,
      offers: await this.withMerchantNames(page.items.map((offer) => summaryOf(offer, this.today()))),
      total: page.total,
      offset: page.offset,
      actions,
    };
  }

  private async show(access: UserAccess, offerId: number): Promise<Reply> {
    const offer = await this.deps.client.getOffer(offerId);
    const refusal = this.deps.access.refusal(access, "viewer", offer.merchant_owner);
    if (refusal) return notice("error", refusal);
    const value = String(offerId);
    const actions: Action[] = [
      offer.offer_status === "paused"
        ? { id: "offer_resume", label: "Resume", value }
        : { id: "offer_pause", label: "Pause", value },
      { id: "offer_analytics", label: "Analytics", value },
      { id: "offer_duplicate", label: "Duplicate", value },
      { id: "offer_end", label: "End", value, style: "danger" },
    ];
    return {
      kind: "offer_detail",
      offer: { ...summaryOf(offer, this.today()), ...(await this.detailOf(offer)) },
      actions,
    };
  }

  /** Merchants by name, not id: one look-up per merchant on the page, and an id where one fails. */
  private async withMerchantNames(offers: OfferSummaryModel[]): Promise<OfferSummaryModel[]> {
    const ids = [...new Set(offers.map((offer) => offer.merchantId))];
    const names = new Map(
      await Promise.all(ids.map(async (id) => [id, (await this.merchantOf(id))?.merchant_name] as const)),
    );
    return offers.map((offer) => {
      const merchantName = names.get(offer.merchantId);
      return merchantName ? { ...offer, merchantName } : offer;
    });
  }

  private merchantOf(id: number) {
    return this.deps.client.getMerchant(id).catch(() => undefined);
  }

  /** The fields a marketer checks against the request; a part the API cannot give is left out, not guessed. */
  private async detailOf(offer: OfferWithDescriptive): Promise<OfferDetailModel> {
    const { client } = this.deps;
    const [merchant, controls, codes] = await Promise.all([
      this.merchantOf(offer.merchant_owner),
      client.redemptionControls.list({ offer_id: offer.offer_id }).catch(() => []),
      client.promoCodes.list({ offer_id: offer.offer_id }).catch(() => []),
    ]);
    const control = controls.find((item) => item.offer_id === offer.offer_id);
    const amount = offer.savings_amount;
    const savings =
      amount === undefined ? undefined : offer.savings_type === "percentage" ? `${amount}%` : `$${amount}`;
    const mine = codes.filter((code) => code.offer_id === offer.offer_id).map((code) => code.promo_code);
    return {
      ...(merchant && { merchantName: merchant.merchant_name }),
      ...(savings && { savings }),
      ...(mine.length > 0 && { promoCodes: mine }),
      ...(control?.usage_limit_per_customer !== undefined && {
        usageLimitPerCustomer: control.usage_limit_per_customer,
      }),
      ...(control?.total_usage_limit !== undefined && { totalUsageLimit: control.total_usage_limit }),
      ...(offer.long_text ? { description: offer.long_text } : {}),
      ...(offer.terms_conditions ? { terms: offer.terms_conditions } : {}),
      ...(offer.clickthru_url ? { link: offer.clickthru_url } : {}),
    };
  }

  private async analytics(access: UserAccess, offerId: number): Promise<Reply> {
    const offer = await this.deps.client.getOffer(offerId);
    const refusal = this.deps.access.refusal(access, "viewer", offer.merchant_owner);
    if (refusal) return notice("error", refusal);
    const analytics = await this.deps.client.getOfferAnalytics(offerId);
    const byDay = analytics.redemptions_by_day;
    return {
      kind: "analytics",
      offerId,
      title: offer.short_text ?? `Offer ${offerId}`,
      startDate: analytics.start_date ?? byDay[0]?.date ?? offer.version_active_from,
      endDate: analytics.end_date ?? byDay.at(-1)?.date ?? offer.version_active_from,
      totalRedemptions: analytics.total_redemptions,
      uniqueUsers: analytics.unique_users,
      revenue: analytics.revenue_generated,
      conversionRate: analytics.conversion_rate,
      byDay: byDay.map((day) => ({ date: day.date, redemptions: day.redemptions })),
    };
  }

  private async openDrafts(userId: string): Promise<DraftEntry[]> {
    return (await this.deps.drafts.list(userId)).filter(
      (draft) => draft.status !== "published" && draft.status !== "cancelled",
    );
  }

  private async draftList(userId: string): Promise<Reply> {
    const drafts = await this.openDrafts(userId);
    return {
      kind: "drafts",
      drafts,
      actions: drafts
        .slice(0, 20)
        .map((draft) => ({ id: "draft_resume", label: `Resume "${draft.title}"`, value: draft.threadKey })),
    };
  }

  /** How much longer: three common choices as buttons, or any length typed ("extend 7 10"). */
  private async askExtension(access: UserAccess, offerId: number): Promise<Reply> {
    const offer = await this.deps.client.getOffer(offerId);
    const refusal = this.deps.access.refusal(access, "publisher", offer.merchant_owner);
    if (refusal) return notice("error", refusal);
    const cannot = cannotChange(offer, this.today(), "extend");
    if (cannot) return cannot;
    const title = offer.short_text ?? `Offer ${offerId}`;
    const ends = `ends ${formatDate(offer.offer_expiry_date ?? offer.version_active_from)}`;
    return {
      kind: "notice",
      tone: "info",
      text: `"${title}" (#${offerId}) ${ends}. Extend it by how long? (Or type "/offers extend ${offerId} 10 days".)`,
      actions: [7, 14, 30].map((days) => ({
        id: "offer_extend",
        label: `${days} more days`,
        value: `${offerId}:${days}`,
      })),
    };
  }

  private async confirmEnd(access: UserAccess, offerId: number): Promise<Reply> {
    const offer = await this.deps.client.getOffer(offerId);
    const refusal = this.deps.access.refusal(access, "publisher", offer.merchant_owner);
    if (refusal) return notice("error", refusal);
    const title = offer.short_text ?? `Offer ${offerId}`;
    return {
      kind: "notice",
      tone: "warning",
      text: `Ending "${title}" (#${offerId}) stops it today and cannot be undone.`,
      actions: [
        {
          id: "offer_end_confirmed",
          label: "End offer",
          value: String(offerId),
          style: "danger",
          confirm: {
            title: "End this offer?",
            text: `"${title}" ends today. This cannot be undone.`,
            confirm: "End it",
            deny: "Keep it",
          },
        },
      ],
    };
  }

  private async lifecycle(
    speaker: Speaker,
    access: UserAccess,
    offerId: number,
    action: "pause" | "resume" | "end" | "extend",
    days = 0,
  ): Promise<Reply[]> {
    const offer = await this.deps.client.getOffer(offerId);
    const refusal = this.deps.access.refusal(access, "publisher", offer.merchant_owner);
    const record = (result: AuditRecord["result"], detail?: string) =>
      this.deps.audit.record({
        at: this.now().toISOString(),
        who: speaker.userId,
        action,
        offerId,
        result,
        ...(detail ? { detail } : {}),
      });
    if (refusal) {
      await record("refused", refusal);
      return [notice("error", refusal)];
    }
    const today = todayIn(speaker.timeZone ?? this.deps.defaultTimeZone, this.now());
    if (action !== "pause") {
      const cannot = cannotChange(offer, today, action);
      if (cannot) return [cannot];
    }
    const extendedTo = addDays(
      offer.offer_expiry_date !== undefined && offer.offer_expiry_date > today
        ? offer.offer_expiry_date
        : today,
      days,
    );
    try {
      if (action === "extend") {
        await this.deps.client.updateOffer(offerId, { offer_expiry_date: extendedTo });
      } else if (action === "end") {
        // The API has no "ended" status: inactive plus an expiry of yesterday reads as expired from now on.
        await this.deps.client.updateOffer(offerId, {
          offer_status: "inactive",
          offer_expiry_date: addDays(today, -1),
        });
      } else {
        await this.deps.client.updateOffer(offerId, {
          offer_status: action === "pause" ? "inactive" : "active",
        });
      }
    } catch (error) {
      if (error instanceof KigoApiError) await record("failed", error.message);
      throw error;
    }
    await record("ok", action === "extend" ? `to ${extendedTo}` : undefined);
    const title = offer.short_text ?? `Offer ${offerId}`;
    const done = {
      pause: "paused",
      resume: "active again",
      end: "ended",
      extend: `extended: it now ends ${formatDate(extendedTo)}`,
    }[action];
    return [notice("success", `"${title}" (#${offerId}) is ${done}.`)];
  }

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  private today(): string {
    return todayIn(this.deps.defaultTimeZone, this.now());
  }
}

/** Why an ended offer cannot be ended, resumed or extended, or an endless one extended. */
function cannotChange(
  offer: OfferWithDescriptive,
  today: string,
  action: "resume" | "end" | "extend",
): Reply | undefined {
  const ended =
    offer.offer_status === "expired" ||
    (offer.offer_expiry_date !== undefined && offer.offer_expiry_date < today);
  if (ended)
    return notice(
      "warning",
      `Offer #${offer.offer_id} has ended and cannot be ${{ end: "ended again", resume: "resumed", extend: "extended" }[action]}. Duplicate it to run it again.`,
    );
  if (action === "extend" && offer.offer_expiry_date === undefined)
    return notice("info", `Offer #${offer.offer_id} has no end date, so it already runs until it is ended.`);
  return undefined;
}

/** An active offer that has not started yet reads "scheduled": live in Kigo, not yet redeemable. */
function summaryOf(offer: OfferWithDescriptive, today: string): OfferSummaryModel {
  const scheduled = offer.offer_status === "active" && offer.version_active_from > today;
  return {
    offerId: offer.offer_id,
    title: offer.short_text ?? `Offer ${offer.offer_id}`,
    status: scheduled ? "scheduled" : offer.offer_status,
    merchantId: offer.merchant_owner,
    startDate: offer.version_active_from,
    ...(offer.offer_expiry_date ? { endDate: offer.offer_expiry_date } : {}),
    ...(offer.offer_type ? { offerType: offer.offer_type } : {}),
    redemptionMethods: offer.offer_redemption_methods,
  };
}
