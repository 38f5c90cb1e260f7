import { describe, expect, it } from "vitest";
import type { OfferDraft } from "../../../src/graph/draft.js";
import { patternCapacity } from "../../../src/graph/validation/code-pattern.js";
import { expectOne, issuesOf } from "./fixtures.js";

const unique = (codePattern: string, uniqueCodeCount = 500): OfferDraft => ({
  codeMode: "unique",
  promoCode: undefined,
  codePattern,
  uniqueCodeCount,
});

describe("unique-code pattern", () => {
  it("counts the codes a pattern can make", () => {
    expect(patternCapacity("DLR#?*")).toBe(10 * 26 * 36);
    expect(patternCapacity("DLR")).toBe(1);
  });

  it("rejects a pattern that cannot make enough codes, saying how many # to add", async () => {
    const issue = expectOne(await issuesOf("code_pattern", unique("DLR##", 5000)), {
      severity: "error",
      field: "codePattern",
      mentions: ["DLR##", "100", "5,000"],
    });
    expect(issue.fix).toContain("Add 2 more #");
    expect(issue.fix).toContain("DLR####");
    expect(await issuesOf("code_pattern", unique("DLR####", 10_000))).toEqual([]);
  });

  it("suggests other placeholders when more # would make codes too long", async () => {
    const [issue] = await issuesOf("code_pattern", unique("JOHNDEEREDEALERS###", 100_000));
    expect(issue?.fix).toContain("Replace # with *");
  });

  it("rejects a pattern without a random part", async () => {
    expectOne(await issuesOf("code_pattern", unique("DEALERCODE", 1)), {
      severity: "error",
      field: "codePattern",
      mentions: ["DEALERCODE", "no random part"],
    });
  });

  it("rejects characters codes can't hold and lengths outside 4–20", async () => {
    expectOne(await issuesOf("code_pattern", unique("DLR-####")), {
      severity: "error",
      field: "codePattern",
      mentions: ["DLR-####", '"-"'],
    });
    expectOne(await issuesOf("code_pattern", unique("D##")), {
      severity: "error",
      field: "codePattern",
      mentions: ["D##", "3 characters"],
    });
    expectOne(await issuesOf("code_pattern", unique("JOHNDEEREDEALERS#####")), {
      severity: "error",
      field: "codePattern",
      mentions: ["21 characters"],
    });
  });

  it("accepts lowercase letters as their uppercase form", async () => {
    expect(await issuesOf("code_pattern", unique("dlr?##*"))).toEqual([]);
  });
});
