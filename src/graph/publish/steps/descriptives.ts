import { orWorkaround, type Step, WORKAROUNDS } from "./context.js";

/** A PUT replaces the language's texts, so repeating it is harmless. */
export const putDescriptives: Step = (context) =>
  orWorkaround(
    async () => {
      await context.client.putDescriptive(context.offerId(), context.plan.descriptive);
      return {};
    },
    () => [WORKAROUNDS.descriptives],
  );
