/** A problem publishing again will not fix (an incomplete draft, a promo code taken by another offer). */
export class PublishBlockedError extends Error {
  override name = "PublishBlockedError";
}
