import type { ExtractContext } from "../../../src/graph/extractor/types.js";

/** Wednesday 2026-11-25, noon in Chicago. */
export const NOW = new Date("2026-11-25T18:00:00Z");

export const context = (overrides: Partial<ExtractContext> = {}): ExtractContext => ({
  now: NOW,
  timeZone: "America/Chicago",
  draft: {},
  ...overrides,
});
