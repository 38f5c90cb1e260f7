import { describe, expect, it } from "vitest";
import { digestWords } from "../../../src/core/digest/in-words.js";

/** Digests asked for the way marketers type, read into the words of `/offers digest …`. */
describe("a digest asked for in words", () => {
  it.each([
    [
      "send a weekly digest for Heartland to #dealer-promos on Mondays at 9",
      "subscribe #dealer-promos weekly on mon at 9 merchant:Heartland",
    ],
    ["can you post a digest in #marketing every day at 8am", "subscribe #marketing daily at 8am"],
    ["set up a daily digest for Heartland at 7:30", "subscribe daily at 7:30 merchant:Heartland"],
    [
      "digest for sunrise coffee, weekly, mondays 8am",
      "subscribe weekly on mon at 8am merchant:sunrise coffee",
    ],
    ["weekly digest for the team in #promos", "subscribe #promos weekly"],
    ["send me a monthly performance digest", "subscribe monthly"],
    [
      "digest every friday at 4pm for merchant:Sunrise Coffee",
      "subscribe weekly on fri at 4pm merchant:Sunrise Coffee",
    ],
  ])("%s", (message, words) => {
    expect(digestWords(message)).toBe(words);
  });

  it.each([
    ["what digests do we have?", "list"],
    ["digests please", "list"],
    ["stop digest 3", "unsubscribe 3"],
    ["actually kill digest 1", "unsubscribe 1"],
    ["post digest 2 now", "run 2"],
    ["show me what the digest looks like for sunrise coffee", "preview merchant:sunrise coffee"],
  ])("%s", (message, words) => {
    expect(digestWords(message)).toBe(words);
  });

  it("leaves offers alone", () => {
    expect(digestWords("20% off all equipment in december")).toBeUndefined();
    expect(digestWords("set the budget to 5k")).toBeUndefined();
  });
});
