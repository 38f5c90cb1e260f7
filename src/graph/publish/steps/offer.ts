import type { KigoClient } from "../../../kigo/client.js";
import { MAX_PAGE_SIZE, type Offer, type OfferWithDescriptive } from "../../../kigo/schemas.js";
import { isReferenceOf } from "../external-reference.js";
import { findOrCreate, keepOldest, type Step } from "./context.js";

/** Every offer of the merchant published for this draft, whatever campaign its reference carries. */
async function offersOfDraft(
  client: KigoClient,
  merchantId: number,
  draftKey: string,
): Promise<OfferWithDescriptive[]> {
  const found: OfferWithDescriptive[] = [];
  for (let offset = 0; ; offset += MAX_PAGE_SIZE) {
    const page = await client.listOffers({ merchant_owner: merchantId, limit: MAX_PAGE_SIZE, offset });
    found.push(...page.items.filter((item) => isReferenceOf(item.external_reference, draftKey)));
    if (!page.hasMore || page.items.length === 0) return found;
  }
}

export const publishOffer: Step = async ({ client, plan, draftKey }) => {
  const input = plan.offer;
  const { item: offer, found } = await findOrCreate<Pick<Offer, "offer_id" | "external_reference">>(
    async () =>
      keepOldest(
        await offersOfDraft(client, input.merchant_owner, draftKey),
        (item) => item.offer_id,
        (id) => client.deleteOffer(id),
      ),
    async () => (await client.createOfferOnce(input)).value,
  );
  // Found from an earlier attempt: the draft may have changed since (edited after a failed
  // publish, or a new campaign in the reference), so the offer is brought up to date. PUT is
  // idempotent, so racing runs converge on the same values. The status is left as it is: only the
  // activate step turns the offer on, and a re-run (or a racing run) must not switch off an offer
  // an earlier run already activated.
  if (found) {
    const { offer_status: _status, ...update } = input;
    await client.updateOffer(offer.offer_id, update);
  }
  return {
    patch: { offerId: offer.offer_id, externalReference: input.external_reference },
    created: `Offer ${offer.offer_id}`,
  };
};
