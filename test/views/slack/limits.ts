import { expect } from "vitest";
import { blockKitProblems, type Surface } from "../../fakes/slack/block-kit-limits.js";

/** Blocks of a message, or a whole modal / Home view (its own fields checked too), never empty. */
export function assertWithinSlackLimits(target: unknown, surface: Surface): void {
  const view = Array.isArray(target) ? undefined : target;
  const blocks = Array.isArray(target) ? target : (target as { blocks?: unknown } | undefined)?.blocks;
  expect(Array.isArray(blocks) && blocks.length > 0, "no blocks").toBe(true);
  expect(blockKitProblems(surface, blocks, view)).toEqual([]);
}
