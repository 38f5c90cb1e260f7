import { COUNT, readNumber } from "./numbers.js";
import { agreed, agreedDefined, type Rule } from "./scan.js";

const rx = (source: string) => new RegExp(source, "gi");

/** `#` a digit, `?` a letter, `*` either (draft.ts): at least one makes it a pattern, not a code. */
const CODE_PATTERN = rx(
  String.raw`\b(?:code\s+)?(?:pattern|format|template)\s*(?:like\s+|of\s+|is\s+|:\s*|=\s*)?["'“‘]?([A-Za-z0-9-]*[#?*][A-Za-z0-9#?*-]*)["'”’]?`,
);
const UNIQUE_COUNT = rx(
  String.raw`(${COUNT})\s+(?:unique\s+|single[\s-]use\s+|individual\s+|one[\s-]time\s+)?(?:promo\s+|coupon\s+)?codes\b`,
);
const UNIQUE = rx(
  String.raw`\b(?:unique|single[\s-]use|individual|one[\s-]time)\s+(?:promo\s+|coupon\s+)?codes?\b`,
);
const UNIVERSAL = rx(
  String.raw`\buniversal\s+(?:promo\s+)?code\b|\b(?:one|single|same|shared)\s+(?:promo\s+)?code\s+for\s+(?:everyone|everybody|all(?:\s+customers)?)\b`,
);
const PROMO_CODE = rx(
  String.raw`\b(?:(?:promo(?:tion(?:al)?)?|coupon|discount)\s+)?code\b\s*(?:is\s+|of\s+|to\s+|(:|=)\s*)?(?:"([^"\s]+)"|“([^”\s]+)”|'([^'\s]+)'|([A-Za-z0-9][A-Za-z0-9_-]{1,39}))(?![\w#?*])`,
);

/** Words that follow "code" in a sentence and are not codes ("code for everyone", "code instead"). */
const NOT_CODES = new Set(
  "a an and are as at by each everyone for in instead is mode no none of ok on or per redemption redemptions required sure the to type unique universal with yes".split(
    " ",
  ),
);

/** A bare token is a code when it looks like one (FALL25, SAVEBIG), or when a colon introduces it. */
export function isCode(token: string, introduced: boolean): boolean {
  if (NOT_CODES.has(token.toLowerCase())) return false;
  const looksLikeCode = /\d/.test(token) && /[a-z]/i.test(token);
  const shouted = token === token.toUpperCase() && /[A-Z]{3}/.test(token);
  return introduced || looksLikeCode || shouted;
}

/** "code MEGA DEAL", code "mega deal": a code with a space is refused with the joined form offered. */
const SPACED_CODE =
  /\b(?:[Pp]romo\s+|[Cc]oupon\s+)?(?:[Cc]ode|CODE)\s*(?:is\s+|:\s*)?(?:["“']([A-Za-z0-9]+(?:\s+[A-Za-z0-9]+)+)["”']|([A-Z0-9]{2,}(?:\s+[A-Z0-9]{2,})+)(?=\s*(?:[,.;!]|$)))/g;

/** "code X": too short to be a promo code, so it is refused rather than dropped. */
const SHORT_CODE = /\b(?:[Pp]romo\s+|[Cc]oupon\s+)?(?:[Cc]ode|CODE)\s+([A-Z0-9]{1,3})(?=\s*(?:[,.;!]|$))/g;

/** Promo code, code mode (universal / unique with a count), and the generation pattern. */
export const readCodes: Rule = (scan, patch, _context, notes) => {
  for (const [, short] of scan.take(SHORT_CODE)) {
    notes.push(`"${short}" is too short for a promo code: use 4–20 letters and digits, e.g. SAVE20.`);
    patch.redemptionMethod = "promo_code";
  }
  for (const [, quoted, bare] of scan.take(SPACED_CODE)) {
    const typed = quoted ?? bare ?? "";
    const joined = typed.replace(/\s+/g, "").toUpperCase();
    notes.push(
      `Promo codes can't contain spaces, so I didn't take "${typed}". Use ${joined}? Say "code ${joined}".`,
    );
    patch.redemptionMethod = "promo_code";
  }
  const pattern = agreed(scan.take(CODE_PATTERN).map((match) => (match[1] ?? "").toUpperCase()));
  const counts = scan.take(UNIQUE_COUNT).map((match) => readNumber(match[1] ?? ""));
  const count = agreedDefined(counts.filter((value) => value !== undefined && value > 1));
  const saysUnique = scan.take(UNIQUE).length > 0;
  const unique = pattern !== undefined || count !== undefined || saysUnique;
  const universal = scan.take(UNIVERSAL).length > 0;

  if (pattern) patch.codePattern = pattern;
  if (count) patch.uniqueCodeCount = count;
  if (unique !== universal) patch.codeMode = unique ? "unique" : "universal";

  const codes = scan
    .take(PROMO_CODE, ([, colon, double, curly, single, bare]) => {
      const quoted = double ?? curly ?? single;
      return quoted !== undefined || isCode(bare ?? "", colon !== undefined);
    })
    // "change the code toMERRY500": a lowercase "to" run into a code in capitals is the missing space.
    .map(([, , double, curly, single, bare]) =>
      (double ?? curly ?? single ?? bare?.replace(/^to(?=[A-Z0-9]{3,}$)/, "") ?? "").toUpperCase(),
    );
  const code = agreed(codes);
  if (code) patch.promoCode = code;
};
