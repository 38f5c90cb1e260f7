import Fuse from "fuse.js";
import type { KigoClient } from "../kigo/client.js";
import type { Merchant } from "../kigo/schemas.js";
import { type Need, question, suggestion } from "./ask.js";
import { type OfferDraft, PROGRAM_TYPES, type ProgramType } from "./draft.js";

export interface MerchantResolution {
  draft: OfferDraft;
  note?: string;
  /** Several merchants match the name: the user picks one. */
  choices?: Merchant[];
}

/** The program a merchant's offers belong to, from configuration; undefined when it does not say. */
export interface ProgramOfMerchant {
  /** Configured for this merchant by id. */
  byId(merchantId: number): ProgramType | undefined;
  /** Configured for merchants of this type ("dealer", "catalog" …). */
  byType(merchantType: string): ProgramType | undefined;
}

const NO_PROGRAM_CONFIG: ProgramOfMerchant = { byId: () => undefined, byType: () => undefined };

/** What the user typed to find the merchant, and what the message may have named in passing. */
export interface MerchantWords {
  /** Said as the merchant ("merchant Heartland", an answer to "which merchant?"): not finding it is reported. */
  query?: string | undefined;
  /** Phrases that may be a name ("… at homebase hardware"): kept only when they match well. */
  mentions?: readonly string[];
}

/** Fuse scores run from 0 (exact) to 1; above this a passing phrase is not taken as a name. */
const MENTION_THRESHOLD = 0.25;
const QUERY_THRESHOLD = 0.45;
/** The best match wins outright when the next one is this much worse. */
const CLEAR_LEAD = 0.2;
// Three letters: "Big sky equipmnt" is found by "sky" when the typo hides the longer word.
const SEARCH_WORD = /[\p{L}\p{N}]{3,}/gu;
const GENERIC_WORDS = new Set([
  "store",
  "stores",
  "shop",
  "company",
  "coffee",
  "the",
  "and",
  "for",
  "all",
  "off",
  "new",
  "supply",
  "dealer",
]);

interface Ranked {
  merchant: Merchant;
  score: number;
}

/**
 * Finds the offer's merchant through the Kigo API's name search, limited to the merchants the
 * role covers (an empty scope covers all): the role's only merchant, a name the user gave (partial
 * names, typos and possessives tolerated), or a name mentioned in passing. A failed lookup never
 * clears a merchant already chosen.
 */
export class MerchantDirectory {
  constructor(
    private readonly client: KigoClient,
    private readonly programs: ProgramOfMerchant = NO_PROGRAM_CONFIG,
  ) {}

  async resolve(draft: OfferDraft, scope: number[], words: MerchantWords = {}): Promise<MerchantResolution> {
    if (draft.merchantId !== undefined && scope.length > 0 && !scope.includes(draft.merchantId)) {
      // A duplicated offer or a proposed id outside the role's merchants is not taken.
      const { merchantId: _outside, merchantName: _name, ...rest } = draft;
      return {
        draft: rest,
        note: `Merchant #${draft.merchantId} is outside the merchants your role covers.`,
      };
    }
    if (words.query) return this.byQuery(draft, scope, words.query);
    if (draft.merchantId !== undefined) {
      // Picked by id (a choice, a duplicated offer): its program and category come with it.
      if (draft.programType !== undefined && draft.merchantName !== undefined) return { draft };
      return { draft: await this.withMerchant(draft, await this.client.getMerchant(draft.merchantId)) };
    }
    const [only] = scope;
    if (scope.length === 1 && only !== undefined) {
      const merchant = await this.client.getMerchant(only);
      const elsewhere = await this.outsideScope(words.mentions ?? [], scope);
      const note = elsewhere
        ? `${elsewhere.merchant_name} isn't among the merchants your role covers, so this offer is for ${merchant.merchant_name}, the one you can use. Ask a Kigo admin if you need ${elsewhere.merchant_name}.`
        : undefined;
      return { draft: await this.withMerchant(draft, merchant), ...(note && { note }) };
    }
    for (const mention of words.mentions ?? []) {
      const [best, next] = await this.rank(mention, scope, false);
      if (best && best.score <= MENTION_THRESHOLD && (!next || next.score - best.score >= CLEAR_LEAD)) {
        return { draft: await this.withMerchant(draft, best.merchant), note: merchantNote(best.merchant) };
      }
    }
    return { draft };
  }

  /** A merchant named clearly that the role does not cover, so the refusal can say so. */
  private async outsideScope(phrases: readonly string[], scope: number[]): Promise<Merchant | undefined> {
    if (scope.length === 0) return undefined;
    for (const phrase of phrases) {
      const [best, next] = await this.rank(phrase, [], false);
      const clear =
        best && best.score <= MENTION_THRESHOLD && (!next || next.score - best.score >= CLEAR_LEAD);
      if (clear && !scope.includes(best.merchant.merchant_id)) return best.merchant;
    }
    return undefined;
  }

  /** The merchants the role covers, for "which merchants can I use?". */
  async list(scope: number[], limit = 25): Promise<{ merchants: Merchant[]; total: number }> {
    if (scope.length > 0) {
      const merchants = await Promise.all(scope.slice(0, limit).map((id) => this.client.getMerchant(id)));
      return { merchants, total: scope.length };
    }
    const page = await this.client.listMerchants({ limit });
    return { merchants: page.items, total: page.total };
  }

  private async byQuery(draft: OfferDraft, scope: number[], query: string): Promise<MerchantResolution> {
    const ranked = await this.rank(query, scope, true);
    const [best, next] = ranked;
    if (best && (!next || next.score - best.score >= CLEAR_LEAD || best.score === 0)) {
      if (best.merchant.merchant_id === draft.merchantId) return { draft };
      // Another merchant may belong to another program: the old one's is not carried over.
      const { programType: previous, ...rest } = draft;
      const next = await this.withMerchant(rest, best.merchant);
      const changed = draft.merchantName ? ` (was ${draft.merchantName})` : "";
      return {
        draft: next.programType || !previous ? next : { ...next, programType: previous },
        note: `${merchantNote(best.merchant).slice(0, -1)}${changed}.`,
      };
    }
    if (best) return { draft, choices: ranked.slice(0, 5).map((entry) => entry.merchant) };
    const elsewhere = await this.outsideScope([query], scope);
    if (elsewhere) {
      const kept = draft.merchantName ? ` I kept ${draft.merchantName}.` : "";
      return {
        draft,
        note: `${elsewhere.merchant_name} isn't among the merchants your role covers.${kept} Ask a Kigo admin if you need it.`,
      };
    }
    const among = scope.length > 0 ? " among the merchants your role covers" : "";
    const kept = draft.merchantName ? ` I kept ${draft.merchantName}.` : "";
    return {
      draft,
      note: `I couldn't find a merchant named "${query}"${among}.${kept} Say "which merchants?" to see them.`,
    };
  }

  /**
   * Candidates best first. The API searches by substring, so a typo finds nothing: then each
   * distinctive word is searched on its own, and for a stated name the first page of all
   * merchants, and Fuse ranks what came back against the whole phrase.
   */
  private async rank(phrase: string, scope: number[], stated: boolean): Promise<Ranked[]> {
    const inScope = (merchant: Merchant) => scope.length === 0 || scope.includes(merchant.merchant_id);
    const search = async (name: string) =>
      (await this.client.listMerchants({ merchant_name: name, limit: 20 })).items.filter(inScope);
    let found = await search(phrase);
    const exact = found.filter((merchant) => sameName(merchant.merchant_name, phrase));
    if (exact.length === 1 && exact[0]) return [{ merchant: exact[0], score: 0 }];
    if (found.length === 1 && found[0]) return [{ merchant: found[0], score: 0 }];
    if (found.length === 0) {
      const words = [...phrase.matchAll(SEARCH_WORD)]
        .map(([word]) => word)
        .filter((word) => !GENERIC_WORDS.has(word.toLowerCase()))
        .slice(0, 3);
      found = unique((await Promise.all(words.map(search))).flat());
    }
    if (found.length === 0 && stated) found = (await this.list(scope, 100)).merchants;
    // "riverwalk residences" for "The Residences at Riverwalk": every word there, in another order.
    const words = [...phrase.toLowerCase().matchAll(SEARCH_WORD)].map(([word]) => word);
    const containing = found.filter((merchant) =>
      words.every((word) => merchant.merchant_name.toLowerCase().includes(word)),
    );
    if (words.length >= 2 && containing.length === 1 && containing[0])
      return [{ merchant: containing[0], score: 0 }];
    const fuse = new Fuse(found, {
      keys: ["merchant_name"],
      includeScore: true,
      ignoreLocation: true,
      threshold: stated ? QUERY_THRESHOLD : MENTION_THRESHOLD,
    });
    return fuse.search(phrase).map((result) => ({ merchant: result.item, score: result.score ?? 1 }));
  }

  /**
   * Configuration first; then the program the merchant's live offers carry (the seed's
   * `classification` workaround), when they all agree; then the merchant's type.
   */
  private async programOf(merchant: Merchant): Promise<ProgramType | undefined> {
    const configured = this.programs.byId(merchant.merchant_id);
    if (configured) return configured;
    const offers = await this.client.listOffers({ merchant_owner: merchant.merchant_id, limit: 50 });
    const programs = new Set(offers.items.map((offer) => offer.classification));
    const [only] = programs;
    if (programs.size === 1 && isProgramType(only)) return only;
    return merchant.merchant_type ? this.programs.byType(merchant.merchant_type.toLowerCase()) : undefined;
  }

  private async withMerchant(draft: OfferDraft, merchant: Merchant): Promise<OfferDraft> {
    const { merchantCategoryId: _previous, ...rest } = draft;
    const program = draft.programType ?? (await this.programOf(merchant));
    return {
      ...rest,
      merchantId: merchant.merchant_id,
      merchantName: merchant.merchant_name,
      ...(merchant.primary_category_id ? { merchantCategoryId: merchant.primary_category_id } : {}),
      ...(program ? { programType: program } : {}),
    };
  }

  need(choices?: Merchant[]): Need {
    return {
      field: "merchantName",
      missing: (state) => state.draft.merchantId === undefined || choices !== undefined,
      ask: (state) => {
        if (choices?.length) {
          return question(
            "merchantName",
            `Several merchants match "${state.merchantQuery ?? state.draft.merchantName}". Which one?`,
            choices.map((merchant) =>
              suggestion(merchant.merchant_name, {
                merchantId: merchant.merchant_id,
                merchantName: merchant.merchant_name,
              }),
            ),
          );
        }
        return question(
          "merchantName",
          "Which merchant is this offer for? Tell me its name.",
          [],
          'Say "which merchants?" to see the ones you can use.',
        );
      },
    };
  }
}

function merchantNote(merchant: Merchant): string {
  return `Merchant: ${merchant.merchant_name.replace(/\.$/, "")}.`;
}

function sameName(a: string, b: string): boolean {
  const plain = (name: string) => name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
  return plain(a) === plain(b);
}

function unique(merchants: Merchant[]): Merchant[] {
  return [...new Map(merchants.map((merchant) => [merchant.merchant_id, merchant])).values()];
}

const isProgramType = (value: unknown): value is ProgramType => PROGRAM_TYPES.includes(value as ProgramType);
