import type { KigoClient } from "../kigo/client.js";
import type { Merchant } from "../kigo/schemas.js";
import { type Need, question, suggestion } from "./ask.js";
import type { OfferDraft } from "./draft.js";

export interface MerchantResolution {
  draft: OfferDraft;
  note?: string;
  /** Several merchants match the name: the user picks one. */
  choices?: Merchant[];
}

/**
 * Finds the offer's merchant: the role's only merchant, or a name search through the Kigo API
 * limited to the merchants the role covers (an empty scope covers all).
 */
export class MerchantDirectory {
  constructor(private readonly client: KigoClient) {}

  async resolve(draft: OfferDraft, scope: number[]): Promise<MerchantResolution> {
    if (draft.merchantId !== undefined && scope.length > 0 && !scope.includes(draft.merchantId)) {
      // A duplicated offer or a proposed id outside the role's merchants is not taken.
      const { merchantId: _outside, merchantName: _name, ...rest } = draft;
      return {
        draft: rest,
        note: `Merchant #${draft.merchantId} is outside the merchants your role covers.`,
      };
    }
    if (draft.merchantId !== undefined) return { draft };
    const [only] = scope;
    if (scope.length === 1 && only !== undefined) {
      const merchant = await this.client.getMerchant(only);
      return { draft: { ...draft, merchantId: merchant.merchant_id, merchantName: merchant.merchant_name } };
    }
    const name = draft.merchantName;
    if (!name) return { draft };
    const page = await this.client.listMerchants({ merchant_name: name, limit: 10 });
    const candidates = page.items.filter(
      (merchant) => scope.length === 0 || scope.includes(merchant.merchant_id),
    );
    const exact = candidates.filter(
      (merchant) => merchant.merchant_name.toLowerCase() === name.toLowerCase(),
    );
    const matches = exact.length === 1 ? exact : candidates;
    const [match] = matches;
    if (matches.length === 1 && match) {
      return {
        draft: { ...draft, merchantId: match.merchant_id, merchantName: match.merchant_name },
        note: `Merchant: ${match.merchant_name} (#${match.merchant_id}).`,
      };
    }
    if (matches.length === 0) {
      const { merchantName: _unknown, ...rest } = draft;
      const among = scope.length > 0 ? " among the merchants your role covers" : "";
      return { draft: rest, note: `I couldn't find a merchant named "${name}"${among}.` };
    }
    return { draft, choices: matches };
  }

  need(choices?: Merchant[]): Need {
    return {
      field: "merchantName",
      missing: (state) => state.draft.merchantId === undefined,
      ask: (state) => {
        if (choices?.length) {
          return question(
            "merchantName",
            `Several merchants match "${state.draft.merchantName}". Which one?`,
            choices.map((merchant) =>
              suggestion(`${merchant.merchant_name} (#${merchant.merchant_id})`, {
                merchantId: merchant.merchant_id,
                merchantName: merchant.merchant_name,
              }),
            ),
          );
        }
        const text =
          state.draft.programType === "open_loop"
            ? "Is this your own offer or a catalog merchant's? Tell me the merchant's name."
            : "Which merchant is this offer for? Tell me its name.";
        return question("merchantName", text);
      },
    };
  }
}
