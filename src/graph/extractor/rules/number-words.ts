import { NUMBER_WORDS } from "./numbers.js";

/**
 * "ten bucks off", "twenty percent off": amounts spelled out become digits before the rules read
 * the message, so every rule that reads "$10" or "20%" reads these too. Only words followed by a
 * unit are changed: "one latte" and "buy one" stay words.
 */
const UNITS: Record<string, number> = {
  ...NUMBER_WORDS,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  "twenty-five": 25,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  "a hundred": 100,
  "one hundred": 100,
};

const WORD = Object.keys(UNITS)
  .sort((a, b) => b.length - a.length)
  .join("|");
const SPELLED = new RegExp(String.raw`\b(${WORD})(\s*(?:bucks|dollars)|\s*(?:percent|%))(?=\W|$)`, "gi");

export function withDigits(message: string): string {
  return message.replace(SPELLED, (_whole, word: string, unit: string) => {
    const value = UNITS[word.toLowerCase()];
    return /percent|%/i.test(unit) ? `${value}${unit}` : `$${value}`;
  });
}
