import type { Rule } from "./scan.js";

const CARD_LINKED =
  /\bcard[\s-]?linked\b|\blinked\s+cards?\b|\bpay(?:s|ing)?\s+(?:with|w)\s+(?:their|a|the|your)\s+(?:credit\s+|debit\s+)?card\b/gi;

/** "card linked, they just pay with their card": a way to redeem Kigo does not have, said so plainly. */
export const readCardLinked: Rule = (scan, _patch, _context, notes) => {
  if (scan.take(CARD_LINKED).length === 0) return;
  notes.push(
    "Kigo can't redeem through a linked card: customers redeem with a promo code, show & save in the app, a barcode scan at the register, or an online link.",
  );
};
