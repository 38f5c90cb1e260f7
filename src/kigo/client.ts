import { z } from "zod";
import { type Capability, KigoApiError, KigoUnsupportedError } from "./errors.js";
import {
  type AnalyticsQuery,
  analyticsQuery,
  type BulkCreateInput,
  bulkCreateInput,
  bulkCreateResult,
  type CampaignInput,
  type CreateOfferInput,
  type CustomerListInput,
  campaign,
  campaignInput,
  campaignOfferLink,
  completePage,
  createOfferInput,
  customerList,
  customerListInput,
  type DescriptiveInput,
  descriptive,
  descriptiveInput,
  duplicateOfferInput,
  type ListOffersQuery,
  listOffersQuery,
  MAX_PAGE_SIZE,
  type Merchant,
  type MerchantInput,
  type MerchantLocationInput,
  type MerchantQuery,
  merchant,
  merchantInput,
  merchantList,
  merchantLocation,
  merchantLocationInput,
  merchantQuery,
  type Offer,
  type OfferWithDescriptive,
  offer,
  offerAnalytics,
  offerList,
  offerPreview,
  offerType,
  offerTypeInput,
  offerWithDescriptive,
  type Page,
  type PREVIEW_SURFACES,
  type PromoCode,
  type PromoCodeInput,
  program,
  programInput,
  promoCode,
  promoCodeInput,
  redemptionControl,
  redemptionControlInput,
  type UpdateOfferInput,
  updateMerchantInput,
  updateOfferInput,
  updateOfferTypeInput,
  updateProgramInput,
  updatePromoCodeInput,
  updateRedemptionControlInput,
} from "./schemas.js";
import { KigoTransport, type Method, type TransportOptions } from "./transport.js";

export type KigoClientOptions = TransportOptions;

/** The result of a create that may have happened already: `created` is false when it was found. */
export interface Upserted<T> {
  value: T;
  created: boolean;
}

const listOf = <Item extends z.ZodType>(key: string, item: Item) =>
  z.object({ [key]: z.array(item) }).transform((body) => body[key] as z.output<Item>[]);

type Query = Record<string, string | number | boolean | undefined>;

interface ResourceSpec<Input extends z.ZodObject, Patch extends z.ZodType, Item extends z.ZodType> {
  path: string;
  /** The key the list answer wraps its items in, e.g. `{ offer_types: [...] }`. */
  listKey: string;
  input: Input;
  /** The PUT body: partial, and without defaults so an update never resets fields it did not name. */
  patch: Patch;
  item: Item;
  capability?: Capability;
}

/** A plain CRUD collection of the admin API: list, get, create, update (partial), remove. */
export class Resource<Input extends z.ZodObject, Patch extends z.ZodType, Item extends z.ZodType> {
  constructor(
    private readonly transport: KigoTransport,
    private readonly spec: ResourceSpec<Input, Patch, Item>,
  ) {}

  list(query: Query = {}): Promise<z.output<Item>[]> {
    const { path, listKey, item, capability } = this.spec;
    return this.transport.request({ method: "GET", path, query, schema: listOf(listKey, item), capability });
  }

  get(id: number): Promise<z.output<Item>> {
    return this.send("GET", `${this.spec.path}/${id}`);
  }

  async create(input: z.input<Input>): Promise<z.output<Item>> {
    return this.send("POST", this.spec.path, checked(this.spec.input, input, "POST", this.spec.path));
  }

  async update(id: number, patch: z.input<Patch>): Promise<z.output<Item>> {
    const path = `${this.spec.path}/${id}`;
    return this.send("PUT", path, checked(this.spec.patch, patch, "PUT", path));
  }

  async remove(id: number): Promise<void> {
    await this.transport.request({
      method: "DELETE",
      path: `${this.spec.path}/${id}`,
      capability: this.spec.capability,
    });
  }

  private send(method: Method, path: string, body?: unknown): Promise<z.output<Item>> {
    return this.transport.request({
      method,
      path,
      body,
      schema: this.spec.item,
      capability: this.spec.capability,
    });
  }
}

/**
 * Typed client for the Kigo admin API (shared/seed/offer-manager-data-flow.md).
 *
 * Requests are validated with the same zod schemas the sandbox uses, so a bad value is reported
 * here with the field name instead of as a 400 from the server. Responses are read leniently and
 * normalised (see schemas.ts).
 */
export class KigoClient {
  private readonly transport: KigoTransport;
  readonly offerTypes: Resource<typeof offerTypeInput, typeof updateOfferTypeInput, typeof offerType>;
  readonly redemptionControls: Resource<
    typeof redemptionControlInput,
    typeof updateRedemptionControlInput,
    typeof redemptionControl
  >;
  readonly promoCodes: Resource<typeof promoCodeInput, typeof updatePromoCodeInput, typeof promoCode>;
  /** Missing in production: callers fall back to `classification` (seed workaround). */
  readonly programs: Resource<typeof programInput, typeof updateProgramInput, typeof program>;

  constructor(options: KigoClientOptions) {
    const transport = new KigoTransport(options);
    this.transport = transport;
    this.offerTypes = new Resource(transport, {
      path: "/dashboard/offers/types",
      listKey: "offer_types",
      input: offerTypeInput,
      patch: updateOfferTypeInput,
      item: offerType,
    });
    this.redemptionControls = new Resource(transport, {
      path: "/dashboard/offers/redemption-controls",
      listKey: "redemption_controls",
      input: redemptionControlInput,
      patch: updateRedemptionControlInput,
      item: redemptionControl,
    });
    this.promoCodes = new Resource(transport, {
      path: "/dashboard/promo-codes",
      listKey: "promo_codes",
      input: promoCodeInput,
      patch: updatePromoCodeInput,
      item: promoCode,
    });
    this.programs = new Resource(transport, {
      path: "/dashboard/programs",
      listKey: "programs",
      input: programInput,
      patch: updateProgramInput,
      item: program,
      capability: "programs",
    });
  }

  /** Whether the server has shown it has this capability (undefined until a call tried it). */
  supports(capability: Capability): boolean | undefined {
    return this.transport.supports(capability);
  }

  // ------------------------------------------------------------------------------------------
  // Offers

  async listOffers(query: ListOffersQuery = {}): Promise<Page<OfferWithDescriptive>> {
    const params = checked(listOffersQuery, query, "GET", "/dashboard/offers");
    const page = await this.transport.request({
      method: "GET",
      path: "/dashboard/offers",
      query: params,
      schema: offerList,
    });
    return completePage(page, params);
  }

  getOffer(offerId: number) {
    return this.transport.request({
      method: "GET",
      path: `/dashboard/offers/${offerId}`,
      schema: offerWithDescriptive,
    });
  }

  /** One POST, never repeated: use `createOfferOnce` when a retry must not create a second offer. */
  async createOffer(input: CreateOfferInput) {
    const path = "/dashboard/offers";
    return this.transport.request({
      method: "POST",
      path,
      body: checked(createOfferInput, input, "POST", path),
      schema: offer,
    });
  }

  /**
   * Creates the offer unless one with the same `external_reference` (the idempotency key) exists.
   * Before every attempt the offer is looked up, so a POST whose answer was lost is not repeated.
   */
  createOfferOnce(input: CreateOfferInput & { external_reference: string }): Promise<Upserted<Offer>> {
    return this.createOnce(
      () => this.findOfferByExternalReference(input.external_reference, input.merchant_owner),
      () => this.createOffer(input),
    );
  }

  /**
   * Production documents no external_reference filter, so the hint is sent (the sandbox honours
   * it, production ignores it) and every page is still checked here.
   */
  async findOfferByExternalReference(
    externalReference: string,
    merchantOwner?: number,
  ): Promise<OfferWithDescriptive | undefined> {
    for (let offset = 0; ; offset += MAX_PAGE_SIZE) {
      const page = await this.listOffers({
        external_reference: externalReference,
        merchant_owner: merchantOwner,
        limit: MAX_PAGE_SIZE,
        offset,
      });
      const found = page.items.find((item) => item.external_reference === externalReference);
      if (found) return found;
      if (!page.hasMore || page.items.length === 0) return undefined;
    }
  }

  async updateOffer(offerId: number, patch: UpdateOfferInput) {
    const path = `/dashboard/offers/${offerId}`;
    return this.transport.request({
      method: "PUT",
      path,
      body: checked(updateOfferInput, patch, "PUT", path),
      schema: offer,
    });
  }

  deleteOffer(offerId: number) {
    return this.transport.request({ method: "DELETE", path: `/dashboard/offers/${offerId}` });
  }

  async duplicateOffer(offerId: number, options: { external_reference?: string } = {}) {
    const path = `/dashboard/offers/${offerId}/duplicate`;
    return this.transport.request({
      method: "POST",
      path,
      body: checked(duplicateOfferInput, options, "POST", path),
      schema: offer,
      capability: "duplicate",
    });
  }

  async bulkCreateOffers(input: BulkCreateInput) {
    const path = "/dashboard/offers/bulk-create";
    return this.transport.request({
      method: "POST",
      path,
      body: checked(bulkCreateInput, input, "POST", path),
      schema: bulkCreateResult.transform((result) => result.offers),
      capability: "bulk_create",
    });
  }

  getOfferPreview(offerId: number, surface: (typeof PREVIEW_SURFACES)[number] = "hub") {
    return this.transport.request({
      method: "GET",
      path: `/dashboard/offers/${offerId}/preview`,
      query: { surface },
      schema: offerPreview,
      capability: "preview",
    });
  }

  async getOfferAnalytics(offerId: number, range: AnalyticsQuery = {}) {
    const path = `/dashboard/offers/${offerId}/analytics`;
    return this.transport.request({
      method: "GET",
      path,
      query: checked(analyticsQuery, range, "GET", path),
      schema: offerAnalytics,
      capability: "analytics",
    });
  }

  // ------------------------------------------------------------------------------------------
  // Descriptives (titles, descriptions, terms; one row per language)

  listDescriptives(offerId: number) {
    return this.descriptives("GET", offerId);
  }

  /** Adds a translation; 409 if that language exists. */
  addDescriptive(offerId: number, input: DescriptiveInput) {
    return this.descriptives("POST", offerId, input);
  }

  /** Creates or replaces the descriptive of `input.language_code`. Safe to repeat. */
  putDescriptive(offerId: number, input: DescriptiveInput) {
    return this.descriptives("PUT", offerId, input);
  }

  private descriptives(method: "GET", offerId: number): Promise<z.output<typeof descriptive>[]>;
  private descriptives(
    method: "POST" | "PUT",
    offerId: number,
    input: DescriptiveInput,
  ): Promise<z.output<typeof descriptive>>;
  private async descriptives(method: Method, offerId: number, input?: DescriptiveInput) {
    const path = `/dashboard/offers/${offerId}/descriptives`;
    if (method === "GET") {
      return this.transport.request({
        method,
        path,
        schema: listOf("descriptives", descriptive),
        capability: "descriptives",
      });
    }
    return this.transport.request({
      method,
      path,
      body: checked(descriptiveInput, input, method, path),
      schema: descriptive,
      capability: "descriptives",
    });
  }

  // ------------------------------------------------------------------------------------------
  // Promo codes

  async findPromoCode(code: string): Promise<PromoCode | undefined> {
    const codes = await this.promoCodes.list({ promo_code: code });
    return codes.find((candidate) => candidate.promo_code === code);
  }

  /** Creates the code for this offer unless it exists already; a code held by another offer is a 409. */
  createPromoCodeOnce(input: PromoCodeInput): Promise<Upserted<PromoCode>> {
    return this.createOnce(
      async () => {
        const existing = await this.findPromoCode(input.promo_code);
        if (existing && existing.offer_id !== input.offer_id) {
          throw new KigoApiError({
            status: 409,
            code: "conflict",
            message: `Promo code ${input.promo_code} is already used by offer ${existing.offer_id}.`,
            fieldErrors: [{ field: "promo_code", message: "is already used by another offer" }],
            method: "POST",
            path: "/dashboard/promo-codes",
            retryable: false,
          });
        }
        return existing;
      },
      () => this.promoCodes.create(input),
    );
  }

  // ------------------------------------------------------------------------------------------
  // Campaigns (missing in production: callers fall back to `external_reference`, seed workaround)

  listProgramCampaigns(programId: number) {
    return this.transport.request({
      method: "GET",
      path: `/dashboard/programs/${programId}/campaigns`,
      schema: listOf("campaigns", campaign),
      capability: "programs",
    });
  }

  listCampaigns(programId?: number) {
    return this.transport.request({
      method: "GET",
      path: "/dashboard/campaigns",
      query: { program_id: programId },
      schema: listOf("campaigns", campaign),
      capability: "campaigns",
    });
  }

  getCampaign(campaignId: number) {
    return this.transport.request({
      method: "GET",
      path: `/dashboard/campaigns/${campaignId}`,
      schema: campaign,
      capability: "campaigns",
    });
  }

  async createCampaign(input: CampaignInput) {
    const path = "/dashboard/campaigns";
    return this.transport.request({
      method: "POST",
      path,
      body: checked(campaignInput, input, "POST", path),
      schema: campaign,
      capability: "campaigns",
    });
  }

  listCampaignOffers(campaignId: number) {
    return this.transport.request({
      method: "GET",
      path: `/dashboard/campaigns/${campaignId}/offers`,
      schema: listOf("offers", campaignOfferLink),
      capability: "campaigns",
    });
  }

  /** Links the offer once: an existing link is found first, so retries never double-link. */
  linkOfferToCampaign(campaignId: number, offerId: number) {
    const path = `/dashboard/campaigns/${campaignId}/offers`;
    return this.createOnce(
      async () => (await this.listCampaignOffers(campaignId)).find((link) => link.offer_id === offerId),
      () =>
        this.transport.request({
          method: "POST",
          path,
          body: { offer_id: offerId },
          schema: campaignOfferLink,
          capability: "campaigns",
        }),
    );
  }

  // ------------------------------------------------------------------------------------------
  // Merchants. Production has only the public read API; reads fall back to it transparently.

  async listMerchants(query: MerchantQuery = {}): Promise<Page<Merchant>> {
    const params = checked(merchantQuery, query, "GET", "/dashboard/merchants");
    const page = await this.readMerchants(merchantList, "/dashboard/merchants", "/api/v1/merchants", params);
    return completePage(page, params);
  }

  getMerchant(merchantId: number): Promise<Merchant> {
    return this.readMerchants(
      merchant,
      `/dashboard/merchants/${merchantId}`,
      `/api/v1/merchants/${merchantId}`,
    );
  }

  async createMerchant(input: MerchantInput) {
    const path = "/dashboard/merchants";
    return this.transport.request({
      method: "POST",
      path,
      body: checked(merchantInput, input, "POST", path),
      schema: merchant,
      capability: "merchants_admin",
    });
  }

  async updateMerchant(merchantId: number, patch: Partial<MerchantInput>) {
    const path = `/dashboard/merchants/${merchantId}`;
    return this.transport.request({
      method: "PUT",
      path,
      body: checked(updateMerchantInput, patch, "PUT", path),
      schema: merchant,
      capability: "merchants_admin",
    });
  }

  deleteMerchant(merchantId: number) {
    return this.transport.request({
      method: "DELETE",
      path: `/dashboard/merchants/${merchantId}`,
      capability: "merchants_admin",
    });
  }

  listMerchantLocations(merchantId: number) {
    return this.transport.request({
      method: "GET",
      path: `/dashboard/merchants/${merchantId}/locations`,
      schema: listOf("locations", merchantLocation),
      capability: "merchants_admin",
    });
  }

  async createMerchantLocation(merchantId: number, input: MerchantLocationInput) {
    const path = `/dashboard/merchants/${merchantId}/locations`;
    return this.transport.request({
      method: "POST",
      path,
      body: checked(merchantLocationInput, input, "POST", path),
      schema: merchantLocation,
      capability: "merchants_admin",
    });
  }

  // ------------------------------------------------------------------------------------------
  // Customer lists (targeting)

  listCustomerLists(offerId: number) {
    return this.transport.request({
      method: "GET",
      path: `/dashboard/offers/${offerId}/customer-lists`,
      schema: listOf("customer_lists", customerList),
      capability: "customer_lists",
    });
  }

  /**
   * Uploads a list. With a `list_name` it is created once (looked up by name before each
   * attempt); without one it is a single, unrepeated POST.
   */
  async uploadCustomerList(offerId: number, input: CustomerListInput) {
    const path = `/dashboard/offers/${offerId}/customer-lists`;
    const body = checked(customerListInput, input, "POST", path);
    const create = () =>
      this.transport.request({
        method: "POST",
        path,
        body,
        schema: customerList,
        capability: "customer_lists",
      });
    const name = body.list_name;
    if (!name) return create().then((value) => ({ value, created: true }));
    return this.createOnce(
      async () => (await this.listCustomerLists(offerId)).find((list) => list.list_name === name),
      create,
    );
  }

  // ------------------------------------------------------------------------------------------

  /**
   * Look-up-before-create with retries: each attempt first asks whether the thing exists (a
   * previous attempt may have succeeded with its answer lost), and only then POSTs once.
   */
  private createOnce<T>(
    lookup: () => Promise<T | undefined>,
    create: () => Promise<T>,
  ): Promise<Upserted<T>> {
    return this.transport.withRetries(this.transport.retries + 1, async () => {
      const existing = await lookup();
      if (existing !== undefined) return { value: existing, created: false };
      try {
        return { value: await create(), created: true };
      } catch (error) {
        // The server keeps the key unique: a 409 means a racing create of the same thing won.
        const raced = error instanceof KigoApiError && error.status === 409 ? await lookup() : undefined;
        if (raced === undefined) throw error;
        return { value: raced, created: false };
      }
    });
  }

  /** Reads from the admin merchants API, or from the public one where production lacks the admin one. */
  private async readMerchants<Schema extends z.ZodType>(
    schema: Schema,
    adminPath: string,
    publicPath: string,
    query?: Query,
  ): Promise<z.output<Schema>> {
    const readPublic = () => this.transport.request({ method: "GET", path: publicPath, query, schema });
    if (this.supports("merchants_admin") === false) return readPublic();
    try {
      return await this.transport.request({
        method: "GET",
        path: adminPath,
        query,
        schema,
        capability: "merchants_admin",
      });
    } catch (error) {
      if (error instanceof KigoUnsupportedError) return readPublic();
      throw error;
    }
  }
}

/** Validates an outgoing body with the contract schema; a bad value never reaches the server. */
function checked<Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
  method: Method,
  path: string,
): z.output<Schema> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const fieldErrors = parsed.error.issues.map((issue) => ({
    field: issue.path.join(".") || "body",
    message: issue.message,
  }));
  throw new KigoApiError({
    status: 400,
    code: "validation_error",
    message: fieldErrors.map((error) => `${error.field}: ${error.message}`).join("; "),
    fieldErrors,
    method,
    path,
    retryable: false,
  });
}
