import { describe, expect, it } from "vitest";
import type { OfferDraft } from "../../../src/graph/draft.js";
import { extractWithRules } from "../../../src/graph/extractor/rules/index.js";
import { titleFor, withOfferTexts } from "../../../src/graph/nodes/offer-texts.js";
import type { GeneratedTexts } from "../../../src/graph/state.js";
import { context } from "../extractor/support.js";
import { brandRules } from "../validation/fixtures.js";

const REQUIRED = brandRules.closed_loop.requiredTerms[0] ?? "";

/** One turn as the graph runs it: the message read by the rules, applied, then the offer's texts. */
function turn(draft: OfferDraft, generated: GeneratedTexts, message: string) {
  const patch = extractWithRules(message, context({ draft }));
  const notes: string[] = [];
  const next = withOfferTexts({ ...draft, ...patch }, generated, brandRules, notes);
  return { ...next, notes };
}

describe("titles written from the offer", () => {
  it.each([
    ["25% off all equipment", "25% off all equipment"],
    ["$10 off $50", "$10 off when you spend $50 or more"],
    ["buy one latte get one free", "Buy one latte, get one free"],
    ["BOGO 50% off entrées", "Buy one, get one 50% off on entrées"],
    ["spend $100 get $20", "Spend $100, get $20"],
    ["10% cash back", "10% cash back"],
    ["$5 cashback", "$5 cash back"],
    ["triple points on fuel", "Triple points on fuel"],
    ["500 bonus points", "500 bonus points"],
    ["free coffee with any pastry", "Free coffee with any pastry"],
    ["$9.99 oil change", "$9.99 oil change"],
  ])("%s → %s", (message, title) => {
    expect(titleFor(extractWithRules(message, context()))).toBe(title);
  });
});

describe("withOfferTexts", () => {
  const start = turn({ programType: "closed_loop" }, {}, "15% off all equipment");

  it("titles the offer from its value and keeps following the value", () => {
    expect(start.draft.offerTitle).toBe("15% off all equipment");
    const changed = turn(start.draft, start.generated, "make it 25%");
    expect(changed.draft.offerTitle).toBe("25% off all equipment");
    expect(changed.notes.join(" ")).toContain('"25% off all equipment"');
  });

  it("leaves a title the marketer wrote alone when the value changes", () => {
    const titled = turn(start.draft, start.generated, 'title "Spring Service Days"');
    const changed = turn(titled.draft, titled.generated, "make it 25%");
    expect(changed.draft.offerTitle).toBe("Spring Service Days");
  });

  it("writes terms with the program's required sentence and the offer's conditions, and rewrites them with the values", () => {
    const withMinimum = turn({ programType: "closed_loop" }, {}, "$10 off $50");
    expect(withMinimum.draft.termsConditions).toContain("Minimum purchase of $50.");
    expect(withMinimum.draft.termsConditions).toContain(REQUIRED);
    const raised = turn(withMinimum.draft, withMinimum.generated, "make it $10 off $80");
    expect(raised.draft.termsConditions).toContain("Minimum purchase of $80.");
    expect(raised.draft.termsConditions).not.toContain("$50");
  });

  it("names a gift card reward in the terms", () => {
    const card = turn({ programType: "open_loop" }, {}, "spend 100 get a 20 dollar gift card");
    expect(card.draft.termsConditions).toContain(
      "Spend $100 or more in one purchase to get a $20 gift card.",
    );
  });

  it("appends what the marketer adds to the terms, and keeps it when the values change", () => {
    const added = turn(start.draft, start.generated, "add to terms: Not valid with other offers");
    expect(added.draft.termsConditions).toBe(`${REQUIRED} Not valid with other offers.`);
    expect(added.draft).not.toHaveProperty("termsAddition");
    // Typed in lower case, it still reads as a sentence of the terms.
    const again = turn(added.draft, added.generated, "also add to the terms one per visit");
    expect(again.draft.termsConditions).toBe(`${REQUIRED} Not valid with other offers. One per visit.`);
    const minimum = turn(again.draft, again.generated, "$10 off $50");
    expect(minimum.draft.termsConditions).toBe(
      `Minimum purchase of $50. ${REQUIRED} Not valid with other offers. One per visit.`,
    );
  });

  it("puts the program's required sentence back when the marketer replaces the terms, and says so", () => {
    const replaced = turn(start.draft, start.generated, "terms: Not valid with other offers");
    expect(replaced.draft.termsConditions).toBe(`Not valid with other offers. ${REQUIRED}`);
    expect(replaced.notes.join(" ")).toContain(`I kept "${REQUIRED}" in the terms`);
    const changed = turn(replaced.draft, replaced.generated, "make it 25%");
    expect(changed.draft.termsConditions).toBe(`Not valid with other offers. ${REQUIRED}`);
  });
});
