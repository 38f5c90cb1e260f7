import { describe, expect, it } from "vitest";
import { escapeAndTruncate, escapeText, truncatePlain } from "../../../src/views/slack/index.js";
import { HOSTILE } from "./fixtures.js";

describe("escapeText", () => {
  it("turns mentions and disguised links into literal text", () => {
    expect(escapeText(HOSTILE)).toBe("&lt;!channel&gt; &amp; &lt;@U123&gt; &lt;https://evil|click&gt;");
  });

  it("escapes an ampersand that already looks like an entity, so it is shown as typed", () => {
    expect(escapeText("&lt;!here&gt;")).toBe("&amp;lt;!here&amp;gt;");
  });
});

describe("truncatePlain", () => {
  it("leaves text within the limit alone", () => {
    expect(truncatePlain("Spring sale", 11)).toBe("Spring sale");
  });

  it("cuts to the limit with an ellipsis", () => {
    const cut = truncatePlain("Spring sale for everyone", 10);
    expect(cut).toBe("Spring sa…");
    expect(cut).toHaveLength(10);
  });

  it("never splits an emoji's surrogate pair", () => {
    const cut = truncatePlain("abcd🎉🎉🎉", 6);
    expect(cut).toBe("abcd…");
  });
});

describe("escapeAndTruncate", () => {
  it("counts the escaped length against the limit", () => {
    const text = "&".repeat(10);
    const cut = escapeAndTruncate(text, 21);
    expect(cut.length).toBeLessThanOrEqual(21);
    expect(cut).toBe(`${"&amp;".repeat(4)}…`);
  });

  it("never leaves half an entity at the cut", () => {
    for (let max = 2; max <= 30; max += 1) {
      const cut = escapeAndTruncate("a<b>c&d ".repeat(10), max);
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(cut.replace(/&(amp|lt|gt);/g, "")).not.toMatch(/[&<>]/);
    }
  });

  it("keeps short text whole", () => {
    expect(escapeAndTruncate("a < b", 100)).toBe("a &lt; b");
  });
});
