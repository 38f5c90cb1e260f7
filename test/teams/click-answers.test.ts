import { describe, expect, it } from "vitest";
import { ClickAnswers } from "../../src/bot/teams/click-answers.js";
import { MemoryKeyValueStore } from "../../src/stores/kv.js";

/**
 * A click's private answer ("already published", a refusal) reaches the clicker exactly once:
 * in the invoke's answer when its job finishes in time, else posted by the job itself.
 */
describe("a click's answer handed from its job to the waiting invoke", () => {
  it("gives the invoke the answer its job left in time, and the job need not post it", async () => {
    const answers = new ClickAnswers(new MemoryKeyValueStore());
    const waiting = answers.wait("click-1", 2_000);
    const started = Date.now();
    const shown = answers.leave("click-1", "This offer is already published as offer #9.");
    expect(await waiting).toBe("This offer is already published as offer #9.");
    expect(await shown).toBe(true);
    // Woken by the job in this process, not by the next poll.
    expect(Date.now() - started).toBeLessThan(40);
  });

  it("reads an answer a job on another replica left (through the shared store)", async () => {
    const store = new MemoryKeyValueStore();
    const here = new ClickAnswers(store);
    const there = new ClickAnswers(store);
    const waiting = here.wait("click-2", 2_000);
    setTimeout(() => void there.leave("click-2", "Done."), 100);
    expect(await waiting).toBe("Done.");
  });

  it("leaves a late answer to the job once the invoke has stopped waiting", async () => {
    const answers = new ClickAnswers(new MemoryKeyValueStore());
    expect(await answers.wait("click-3", 60)).toBeUndefined();
    expect(await answers.leave("click-3", "You need the publisher role.")).toBe(false);
  });

  it("gives the invoke an answer left as it stopped waiting, instead of losing it", async () => {
    const store = new MemoryKeyValueStore();
    const answers = new ClickAnswers(store);
    // The job left its answer and claimed the handoff between the invoke's last look and its deadline.
    await store.set("teams-click-answer:click-4", "Done.", 60);
    await store.claim("teams-click-handoff:click-4", 60);
    expect(await answers.wait("click-4", 0)).toBe("Done.");
  });

  it("tells a job run again after its replica died that its first run's answer was shown", async () => {
    const store = new MemoryKeyValueStore();
    const invoke = new ClickAnswers(store);
    const waiting = invoke.wait("click-5", 2_000);
    expect(await new ClickAnswers(store).leave("click-5", "Already published.")).toBe(true);
    expect(await waiting).toBe("Already published.");
    expect(await new ClickAnswers(store).leave("click-5", "Already published.")).toBe(true);
  });

  it("stops waiting when the store fails, leaving the answer to the job", async () => {
    const store = new MemoryKeyValueStore();
    const failing = Object.assign(Object.create(store) as MemoryKeyValueStore, {
      get: async () => {
        throw new Error("Redis went away");
      },
    });
    expect(await new ClickAnswers(failing).wait("click-6", 2_000)).toBeUndefined();
    expect(await new ClickAnswers(store).leave("click-6", "Already published.")).toBe(false);
  });
});
