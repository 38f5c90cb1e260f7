import { describe, expect, it } from "vitest";
import { memo } from "../../src/graph/memo.js";

describe("memo", () => {
  it("computes each key once, undefined answers too", () => {
    const asked: string[] = [];
    const upper = memo((key) => {
      asked.push(key);
      return key === "none" ? undefined : key.toUpperCase();
    });
    expect([upper("a"), upper("a"), upper("none"), upper("none")]).toEqual(["A", "A", undefined, undefined]);
    expect(asked).toEqual(["a", "none"]);
  });

  it("forgets everything once it holds its limit, so typed keys cannot grow it without end", () => {
    const asked: string[] = [];
    const same = memo((key) => {
      asked.push(key);
      return key;
    }, 2);
    for (const key of ["a", "b", "c", "a"]) same(key);
    expect(asked).toEqual(["a", "b", "c", "a"]);
  });

  it("remembers nothing for a key whose computation throws", () => {
    let calls = 0;
    const zone = memo((name) => {
      calls += 1;
      return new Intl.DateTimeFormat("en-US", { timeZone: name });
    });
    expect(() => zone("Mars/Base")).toThrow(RangeError);
    expect(() => zone("Mars/Base")).toThrow(RangeError);
    expect(calls).toBe(2);
  });
});
