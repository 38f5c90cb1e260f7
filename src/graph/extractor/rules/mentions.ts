/**
 * Phrases that may name the merchant, read from what no other rule took ("… at homebase hardware",
 * "Sunrise's lattes", "for Heartland"). They are only candidates: the merchant directory keeps one
 * only when the Kigo API knows a merchant by that name, so a wrong guess costs nothing.
 */

const STOP = `for|in|on|at|redeem|from|to|with|this|next|starting|until|till|til|through|thru|code|and|but|only|all|every|customers?|dealers?|residents?|members?|users?|people|folks|guests?|during|over|off|get|the|budget|limit|uses?|per|total|via|using|if|when|starting|by|or`;
const NAME = String.raw`[\p{L}\p{N}&'’.\-]+`;
const AFTER = `(?:at|from|with|@|for|merchant|store|shop|dealer|dealership|location)`;

/** A clause that starts or ends with a joining word ("at register", "dealers in") is not a name. */
const EDGE_STOP = new RegExp(`^(?:${STOP})\\b|\\b(?:${STOP})$`, "i");

const INTRODUCED = new RegExp(
  String.raw`(?:^|[\s,;(])${AFTER}\s+((?:${NAME})(?:\s+(?!(?:${STOP})\b)${NAME}){0,4})`,
  "giu",
);
const POSSESSIVE = new RegExp(String.raw`((?:${NAME}\s+){0,2}${NAME})['’]s\b`, "giu");
const CAPITALISED = /\b((?:[A-Z][\p{L}&'’.-]*)(?:\s+(?:[A-Z][\p{L}&'’.-]*|&|and|of|the)){1,4})/gu;
const STATED =
  /^(?:it'?s|it\s+is|this\s+is\s+for|the\s+merchant\s+is|merchant\s+is|i\s+(?:already\s+)?said)\s+([^,;]+?)[\s.!]*$/i;

/** Words around a name that are not part of it: "ok new one", "need a promo for". */
const SMALL_TALK =
  /^(?:(?:ok(?:ay)?|so|hey|hi|um+|new\s+one|another\s+one|next\s+one|(?:i\s+)?need\s+(?:a|an)\s+\w+(?:\s+for)?|for)(?:\s+|$))+/i;

const LEADING_FILLER = /^(?:the|a|an|our|my|all|any)\s+/i;
const NOT_A_NAME =
  /^(?:it|this|that|them|us|me|you|now|today|tomorrow|everyone|everybody|all|customers?|dealers?|residents?|members?|regulars|guests|students|seniors|locals|fans|a|an|the|one|two|first|last|q[1-4]|\d+)$/i;

function clean(phrase: string): string | undefined {
  const name = phrase
    .trim()
    .replace(LEADING_FILLER, "")
    .replace(/[\s.,;:!?'’-]+$/, "")
    .replace(/\s+(?:too|also|as\s+well|instead)$/i, "");
  // "25% pls", "$10 instead": amounts are never names.
  if (name.length < 3 || NOT_A_NAME.test(name) || !/\p{L}/u.test(name) || /^[\d$]|%/.test(name))
    return undefined;
  return name;
}

/** Candidate merchant names, the most explicit first, at most five. */
export function readMerchantMentions(rest: string): string[] {
  const text = rest.replace(/\s+/g, " ").trim();
  const found: string[] = [];
  const opening = openingWords(rest);
  const stated = STATED.exec(text)?.[1];
  if (stated) found.push(stated);
  for (const pattern of [INTRODUCED, POSSESSIVE, CAPITALISED]) {
    for (const match of text.matchAll(pattern)) if (match[1]) found.push(match[1]);
  }
  // "central valley ag supply, $50 off": a clause of a few plain words may be the name on its own.
  text.split(/\s*(?:[,;:\n.!?–—]|\s-\s)\s*/).forEach((clause, index) => {
    const words = clause.replace(SMALL_TALK, "").trim();
    // The opening clause may be the name alone, even one word: "QuickFuel - 10 cents a gallon".
    const shortest = index === 0 ? 0 : 1;
    const plainName = new RegExp(
      `^[\\p{L}&'’-]{${index === 0 ? 5 : 1},}(?:\\s+[\\p{L}&'’.-]+){${shortest},4}$`,
      "u",
    ).test(words);
    if (plainName && !EDGE_STOP.test(words)) found.push(words);
  });
  if (opening) found.push(opening);
  const names = found.map(clean).filter((name): name is string => name !== undefined);
  return [...new Set(names.map((name) => name.toLowerCase()))]
    .map((lower) => names.find((name) => name.toLowerCase() === lower) ?? lower)
    .slice(0, 5);
}

const EDGE_WORD = new RegExp(`^(?:${STOP})\\s+|\\s+(?:${STOP})$`, "i");

/**
 * "sunrise coffee bogo lattes", "Big sky equipmnt 10% off parts": the words before the first
 * thing another rule read (a run of spaces in `rest`) may be the name, run into the offer.
 */
function openingWords(rest: string): string | undefined {
  // "parkview commons needs a move in special": the name is what comes before its verb.
  const [opening = ""] = rest
    .trimStart()
    .split(/\s{2,}|[,;:\n!?–—]|\s+(?:needs?|wants?|would|is|are|has|have|will|should|could|can)\b/i);
  let words = opening.replace(SMALL_TALK, "").trim();
  for (let trimmed = words.replace(EDGE_WORD, ""); trimmed !== words; trimmed = words.replace(EDGE_WORD, ""))
    words = trimmed;
  return /^[\p{L}&'’-]{3,}(?:\s+[\p{L}&'’.-]+){0,4}$/u.test(words) ? words : undefined;
}

/**
 * A change of merchant said in words ("actually it's for Harvest Table Kitchen", "switch it to
 * HomeBase Hardware"): a name to look up, reported if it is not found. "for"/"at"/"to" is required
 * so "make it 25%" is never a name.
 */
const MERCHANT_CHANGE =
  /^(?:(?:actually|no|oh|wait|sorry|oops|hmm+)[\s,!.]+)*(?:it'?s|it\s+is|this\s+is|make\s+it|change\s+it|switch\s+it|move\s+it|(?:change|switch)\s+(?:the\s+)?merchant)\s+(?:for|at|to)\s+(.+?)(?:\s+instead)?[\s.!]*$/i;

/** "oops its actually Big Sky Equipment not blue ridge": a name set against the wrong one. */
const ACTUALLY_NOT =
  /^(?:(?:oops|sorry|no|wait|ah)[\s,!.]+)*(?:it'?s|its|it\s+is|should\s+be)\s+(?:actually\s+)?(?:for\s+|at\s+)?(.+?)(?:,?\s+not\s+.+)$/i;

export function readMerchantChange(message: string): string | undefined {
  const text = message.trim();
  return clean(MERCHANT_CHANGE.exec(text)?.[1] ?? ACTUALLY_NOT.exec(text)?.[1] ?? "");
}
