import type { RedemptionMethod } from "../../draft.js";
import { agreed, type Rule } from "./scan.js";

/** A link ends at a space, a bracket, a bar or a quote; a sentence may end right after one. */
const URL = /https?:\/\/[^\s<>|"'`)\]]+?(?=[.,;:!?]*(?:[\s<>|"'`)\]]|$))/gi;

/** Words that name a method outright. */
const METHODS: [RegExp, RedemptionMethod][] = [
  [
    /\b(?:promo(?:tion(?:al)?)?|coupon|discount)\s+codes?\b|\b(?:with|using|enter(?:s|ing)?)\s+(?:a|the)\s+code\b/gi,
    "promo_code",
  ],
  [
    /\bshow\s*(?:and|&|n|'n'|-n-)\s*save\b|\bshows?\s+(?:the|their|your|a|my)\s+(?:app|phone|card|screen|pass|membership(?:\s+card)?)\b|\bjust\s+show\s+(?:it|them)\b|\bshow(?:s|ing)?\s+(?:it\s+)?(?:at|to)\s+(?:the\s+)?(?:register|counter|cashier|front\s+desk|barista|staff)\b/gi,
    "show_save",
  ],
  [/\bbar\s?codes?\b|\bscan(?:ned|ning|s)?\b/gi, "barcode"],
  [/\bonline\s+link\b/gi, "online_link"],
];

/** Words that only lean towards a link; they count when nothing names a method. */
const ONLINE = /\bonline\b|\blink\b/gi;
/** "in store", "at the register": shown at the till, unless a code or a scan is named. */
const IN_STORE = /\bin[\s-]?stores?\b|\bat\s+the\s+(?:register|counter|till|checkout)\b/gi;

/**
 * Redemption method and click-through URL. A given code means promo-code redemption. A URL, or
 * "online"/"link" on their own, mean an online link only when nothing else names a method:
 * "code FALL25, shop at https://..." is a promo code used online, not a link offer.
 */
export const readRedemption: Rule = (scan, patch, _context, notes) => {
  const methods = METHODS.filter(([pattern]) => scan.take(pattern).length > 0).map(([, method]) => method);
  if (patch.promoCode) methods.push("promo_code");
  const leansOnline = scan.take(ONLINE).length > 0 || patch.clickthruUrl !== undefined;
  const inStore = scan.take(IN_STORE).length > 0;
  if (methods.length > 0) {
    const method = agreed(methods);
    if (method) patch.redemptionMethod = method;
  } else if (inStore && !leansOnline) {
    patch.redemptionMethod = "show_save";
    notes.push(
      'In store, customers show the offer in the app at the register (say "barcode" to have it scanned instead).',
    );
  } else if (leansOnline) patch.redemptionMethod = "online_link";
};

/** "lakeshorepoint.com/lease": a web address typed without its scheme; offers link over https. */
const BARE_DOMAIN =
  /(?<![@\w./-])(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|io|co|us|biz|info|shop|store)(?:\/[^\s<>|"'`)\],]*)?(?=[.,;:!?]*(?:\s|$))/gi;

/** Read first, so no other rule sees the digits and words inside a link. */
export const readUrl: Rule = (scan, patch, _context, notes) => {
  const urls = [
    ...scan.take(URL).map(([found]) => found),
    ...scan.take(BARE_DOMAIN).map(([found]) => `https://${found.replace(/[.]+$/, "")}`),
  ];
  const url = agreed(urls);
  if (!url) return;
  // Customers open the link inside the partner's app, which allows only secure links.
  const secure = url.replace(/^http:/i, "https:");
  if (secure !== url)
    notes.push(`Links must be secure, so I used ${secure}. Say the link again if that address doesn't work.`);
  patch.clickthruUrl = secure;
};
