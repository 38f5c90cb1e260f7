import { emptyCheckpoint, MemorySaver, uuid6 } from "@langchain/langgraph-checkpoint";
import { describe, expect, it } from "vitest";
import { RepairingSaver } from "../../../src/graph/checkpointer/repair.js";

const thread = { configurable: { thread_id: "t", checkpoint_ns: "" } };

async function saverHolding(draft: Record<string, unknown>) {
  const inner = new MemorySaver();
  await inner.put(
    thread,
    { ...emptyCheckpoint(), id: uuid6(-1), channel_values: { draft, version: 3 } },
    { source: "loop", step: 1, parents: {} },
  );
  return new RepairingSaver(inner);
}

describe("RepairingSaver", () => {
  it("drops a stored draft's invalid values on every read", async () => {
    const saver = await saverHolding({ offerValue: 20, timeZone: "Mars/Base" });
    for (const _read of [1, 2]) {
      const tuple = await saver.getTuple(thread);
      expect(tuple?.checkpoint.channel_values.draft).toEqual({ offerValue: 20 });
    }
  });

  it("hands a valid draft back as stored, however often the checkpoint is read", async () => {
    const saver = await saverHolding({ offerValue: 20, timeZone: "America/Chicago" });
    for (const _read of [1, 2]) {
      const tuple = await saver.getTuple(thread);
      expect(tuple?.checkpoint.channel_values).toEqual({
        draft: { offerValue: 20, timeZone: "America/Chicago" },
        version: 3,
      });
    }
  });
});
