/**
 * The `external_reference` the bot writes on every offer it publishes (docs/external-reference.md):
 *
 *   kob:v1:<draftKey>                       the idempotency key
 *   kob:v1:<draftKey>;campaign=<name>       ... plus the campaign, for servers without campaigns
 *
 * Both values are percent-encoded, so a `;`, `=` or `:` inside them never splits the format. The
 * campaign rides along from the first create because production has no campaign endpoints (seed
 * workaround); it is derived from the draft, so every retry writes the same value. Look-ups compare
 * only the key, so a campaign added or renamed between attempts still finds the same offer.
 */

/** The column is VARCHAR(255). */
export const EXTERNAL_REFERENCE_MAX_LENGTH = 255;

const PREFIX = "kob:v1:";
const CAMPAIGN_PARAM = "campaign=";

export interface ExternalReference {
  draftKey: string;
  campaign?: string;
}

function keyPart(draftKey: string): string {
  const key = `${PREFIX}${encodeURIComponent(draftKey)}`;
  if (!draftKey || key.length > EXTERNAL_REFERENCE_MAX_LENGTH) {
    throw new RangeError(`draft key must be 1 to ${EXTERNAL_REFERENCE_MAX_LENGTH} characters once encoded`);
  }
  return key;
}

/**
 * A campaign name too long to fit is shortened, never the key: the key is what keeps the publish
 * idempotent, the campaign is only a note for people reading the offer.
 */
export function formatExternalReference({ draftKey, campaign }: ExternalReference): string {
  const key = keyPart(draftKey);
  // Whole code points, so shortening never leaves half a surrogate pair (which cannot be encoded).
  const name = [...(campaign ?? "")];
  for (let length = name.length; length > 0; length--) {
    const reference = `${key};${CAMPAIGN_PARAM}${encodeURIComponent(name.slice(0, length).join(""))}`;
    if (reference.length <= EXTERNAL_REFERENCE_MAX_LENGTH) return reference;
  }
  return key;
}

/** undefined for references the bot did not write (e.g. `PROMO_1733000000`). Unknown parameters are ignored. */
export function parseExternalReference(reference: string | undefined): ExternalReference | undefined {
  const [head = "", ...params] = (reference ?? "").split(";");
  if (!head.startsWith(PREFIX)) return undefined;
  const draftKey = decode(head.slice(PREFIX.length));
  if (!draftKey) return undefined;
  const campaignParam = params.find((param) => param.startsWith(CAMPAIGN_PARAM));
  const campaign =
    campaignParam === undefined ? undefined : decode(campaignParam.slice(CAMPAIGN_PARAM.length));
  return campaign ? { draftKey, campaign } : { draftKey };
}

/** Whether the reference was written for this draft, whatever campaign it carries. */
export function isReferenceOf(reference: string | undefined, draftKey: string): boolean {
  return parseExternalReference(reference)?.draftKey === draftKey;
}

function decode(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}
