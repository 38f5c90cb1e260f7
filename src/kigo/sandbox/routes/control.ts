import { ALSO_IN_PRODUCTION, noContent, parseBody, route } from "./kit.js";

/** Fault control for a sandbox running in another process (tests of a separately started bot). */
export const controlRoutes = [
  route(
    "POST",
    "/__sandbox/faults",
    async (c, { faults }) => {
      faults.accept(await parseBody(c, faults.schema));
      return noContent;
    },
    ALSO_IN_PRODUCTION,
  ),
  route(
    "DELETE",
    "/__sandbox/faults",
    async (_c, { faults }) => {
      faults.clear();
      return noContent;
    },
    ALSO_IN_PRODUCTION,
  ),
];
