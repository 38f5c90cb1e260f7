import { describe, expect, it } from "vitest";
import {
  codeCandidate,
  distinctCandidates,
  isValidPattern,
  patternCapacity,
} from "../../../src/graph/publish/codes.js";

describe("unique code generation", () => {
  it("is deterministic per seed and index", () => {
    expect(codeCandidate("JD####", "draft-1", 7)).toBe(codeCandidate("JD####", "draft-1", 7));
    const first = [...distinctCandidates("JD####", "draft-1", 20)];
    expect([...distinctCandidates("JD####", "draft-1", 20)]).toEqual(first);
    expect([...distinctCandidates("JD####", "draft-2", 20)]).not.toEqual(first);
  });

  it("follows the pattern: # digit, ? letter, * letter or digit, literals kept", () => {
    for (const code of distinctCandidates("AB#?*9", "seed", 500)) {
      expect(code).toMatch(/^AB[0-9][A-Z][A-Z0-9]9$/);
    }
  });

  it("leaves repeats out and stops at the limit", () => {
    const codes = [...distinctCandidates("#", "seed", 200)];
    expect(codes.sort()).toEqual(["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"]);
  });

  it("uses every character of a set", () => {
    const letters = new Set([...distinctCandidates("?", "seed", 2_000)]);
    expect(letters.size).toBe(26);
  });

  it("counts what a pattern can make and checks its symbols", () => {
    expect(patternCapacity("JD####")).toBe(10_000);
    expect(patternCapacity("?*")).toBe(26 * 36);
    expect(patternCapacity("ABC")).toBe(1);
    expect(isValidPattern("JD##?*")).toBe(true);
    expect(isValidPattern("JD-##")).toBe(false);
    expect(isValidPattern("jd##")).toBe(false);
  });
});
