import { describe, expect, it } from "vitest";
import { channelPacer } from "../../src/bot/pace.js";

describe("channelPacer", () => {
  it("runs one channel's posts in order, apart, even after one fails; another channel's at once", async () => {
    const paced = channelPacer(100);
    const started = Date.now();
    const ran: [string, number][] = [];
    const post =
      (name: string, fail = false) =>
      async () => {
        ran.push([name, Date.now() - started]);
        if (fail) throw new Error(name);
        return name;
      };
    const results = await Promise.allSettled([
      paced("C1", post("first", true)),
      paced("C1", post("second")),
      paced("C2", post("other")),
      paced("C1", post("third")),
    ]);
    expect(results.map((result) => result.status)).toEqual([
      "rejected",
      "fulfilled",
      "fulfilled",
      "fulfilled",
    ]);
    expect(ran.map(([name]) => name)).toEqual(["first", "other", "second", "third"]);
    const at = (name: string) => ran.find(([done]) => done === name)?.[1] ?? Number.NaN;
    expect(at("other")).toBeLessThan(50);
    expect(at("second") - at("first")).toBeGreaterThanOrEqual(95);
    expect(at("third") - at("second")).toBeGreaterThanOrEqual(95);
  });
});
