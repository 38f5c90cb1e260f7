import type { KigoClient } from "../../../kigo/client.js";
import { KigoApiError } from "../../../kigo/errors.js";
import type { PromoCodeInput } from "../../../kigo/schemas.js";
import { distinctCandidates } from "../codes.js";
import { PublishBlockedError } from "../errors.js";
import type { CodePlan } from "../to-kigo.js";
import type { Step, StepContext, StepOutcome } from "./context.js";

/** Parallel creates per batch: quick for a few thousand codes without flooding the API. */
const CONCURRENCY = 4;

/**
 * How far down the candidate sequence to look before giving up: far past what duplicates within
 * the sequence cost even when the pattern's capacity barely exceeds the count.
 */
const candidateLimit = (count: number) => count * 25 + 1_000;

/**
 * true when the code belongs to this offer afterwards. A 409 is also what a racing run of the same
 * draft causes when it creates the code first, so the holder is looked up before giving up on it.
 */
async function ensureCode(client: KigoClient, input: PromoCodeInput): Promise<boolean> {
  try {
    await client.createPromoCodeOnce(input);
    return true;
  } catch (error) {
    if (!(error instanceof KigoApiError) || error.status !== 409) throw error;
    return (await client.findPromoCode(input.promo_code))?.offer_id === input.offer_id;
  }
}

async function universalCode(
  { client, offerId }: StepContext,
  plan: Extract<CodePlan, { kind: "universal" }>,
): Promise<StepOutcome> {
  const input: PromoCodeInput = {
    promo_code: plan.code,
    offer_id: offerId(),
    code_type: "single",
    usage_limit: plan.usageLimit,
  };
  if (!(await ensureCode(client, input))) {
    throw new PublishBlockedError(
      `Promo code ${plan.code} is already used by another Kigo offer. Choose a different code and publish again.`,
    );
  }
  return { patch: { promoCodes: { done: 1, total: 1 } }, created: `Promo code ${plan.code}` };
}

/**
 * Walks the draft's deterministic candidates in order: one already on this offer counts, a new one
 * is created, one held by another offer is passed over. A retry walks the same sequence and so
 * resumes where the failed run stopped.
 */
async function uniqueCodes(
  { client, offerId, draftKey, record }: StepContext,
  plan: Extract<CodePlan, { kind: "unique" }>,
): Promise<StepOutcome> {
  const offer = offerId();
  const onOffer = new Set(
    (await client.promoCodes.list({ offer_id: offer }))
      .filter((code) => code.offer_id === offer)
      .map((code) => code.promo_code),
  );
  const total = plan.count;
  let done = 0;
  const batch: string[] = [];
  for (const code of distinctCandidates(plan.pattern, draftKey, candidateLimit(total))) {
    if (onOffer.has(code)) done++;
    else batch.push(code);
    if (batch.length === CONCURRENCY || done + batch.length === total) {
      const made = await Promise.all(
        batch.map((promo_code) =>
          ensureCode(client, {
            promo_code,
            offer_id: offer,
            code_type: "unique",
            usage_limit: plan.usageLimit,
          }),
        ),
      );
      done += made.filter(Boolean).length;
      batch.length = 0;
      record({ promoCodes: { done, total } });
    }
    if (done === total) {
      return {
        patch: { promoCodes: { done, total } },
        created: `${total} unique promo codes (${plan.pattern})`,
      };
    }
  }
  throw new PublishBlockedError(
    `Only ${done} of ${total} unique codes could be made from the pattern ${plan.pattern}: the others are taken. Use a longer pattern.`,
  );
}

export const createPromoCodes: Step = async (context) => {
  const { codes } = context.plan;
  if (codes.kind === "universal") return universalCode(context, codes);
  if (codes.kind === "unique") return uniqueCodes(context, codes);
  return {};
};
