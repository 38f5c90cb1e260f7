import { findOrCreate, keepOldest, type Step } from "./context.js";

/** One control per offer: found by offer and updated to the draft's limits, or created with them. */
export const setRedemptionControls: Step = async ({ client, plan, offerId }) => {
  if (!plan.control) return {};
  const offer = offerId();
  const { body, line } = plan.control;
  const { item, found } = await findOrCreate(
    async () =>
      keepOldest(
        (await client.redemptionControls.list({ offer_id: offer })).filter(
          (control) => control.offer_id === offer,
        ),
        (control) => control.control_id,
        (id) => client.redemptionControls.remove(id),
      ),
    () => client.redemptionControls.create({ offer_id: offer, ...body }),
  );
  if (found) await client.redemptionControls.update(item.control_id, body);
  return { patch: { controlId: item.control_id }, created: line };
};
