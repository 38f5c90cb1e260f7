import { describe, expect, it } from "vitest";
import { escapeAndTruncate, escapeText } from "../../../src/views/teams/index.js";

describe("escapeText", () => {
  it("keeps a marketer's text from restyling the card or disguising a link", () => {
    expect(escapeText("**Free** [click](https://evil.example) _now_ `code` ~gone~ \\o/")).toBe(
      "\\*\\*Free\\*\\* \\[click\\](https://evil.example) \\_now\\_ \\`code\\` \\~gone\\~ \\\\o/",
    );
  });

  it("keeps a line from turning into a list, and leaves signs and decimals alone", () => {
    expect(escapeText("- one\n+ two\n3. three\n  4) four")).toBe(
      "\\- one\n\n\\+ two\n\n3\\. three\n\n  4\\) four",
    );
    expect(escapeText("-5% off, 4.2% back, #12 > #11")).toBe("-5% off, 4.2% back, #12 > #11");
  });

  it("keeps line breaks as paragraph breaks, which every Teams client shows", () => {
    expect(escapeText("Save on your tune-up.\r\nBook before April.")).toBe(
      "Save on your tune-up.\n\nBook before April.",
    );
  });
});

describe("escapeAndTruncate", () => {
  it("counts the escaped length against the limit and never cuts an escape in half", () => {
    const cut = escapeAndTruncate("*".repeat(10), 8);
    expect(cut).toBe("\\*\\*\\*…");
    expect(cut.length).toBeLessThanOrEqual(8);
  });

  it("leaves text within the limit whole", () => {
    expect(escapeAndTruncate("Spring _sale_", 15)).toBe("Spring \\_sale\\_");
  });
});
