import { createHash } from "node:crypto";

/**
 * Unique promo codes generated from a pattern, deterministically from a seed (the draft key): a
 * retry regenerates the very same codes, so it can tell which already exist instead of minting
 * new ones. Pattern symbols: `#` a digit, `?` a letter, `*` a letter or digit; A–Z and 0–9 are
 * literal.
 */

const DIGITS = "0123456789";
const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const SYMBOLS: Record<string, string> = { "#": DIGITS, "?": LETTERS, "*": LETTERS + DIGITS };

export function isValidPattern(pattern: string): boolean {
  return /^[A-Z0-9#?*]+$/.test(pattern);
}

/** How many different codes the pattern can make. */
export function patternCapacity(pattern: string): number {
  return [...pattern].reduce((product, symbol) => product * (SYMBOLS[symbol]?.length ?? 1), 1);
}

/** An endless byte stream per candidate: SHA-256 blocks of (seed, index, block number). */
function* bytesFor(seed: string, index: number): Generator<number> {
  for (let block = 0; ; block++) {
    yield* createHash("sha256").update(`${seed}\u0000${index}\u0000${block}`).digest();
  }
}

/** Rejection sampling, so every character of the set is equally likely. */
function pick(charset: string, bytes: Generator<number>): string {
  const limit = 256 - (256 % charset.length);
  for (;;) {
    const byte = bytes.next().value as number;
    if (byte < limit) return charset.charAt(byte % charset.length);
  }
}

/** The `index`-th candidate code; the same arguments always give the same code. */
export function codeCandidate(pattern: string, seed: string, index: number): string {
  const bytes = bytesFor(seed, index);
  return [...pattern].map((symbol) => (SYMBOLS[symbol] ? pick(SYMBOLS[symbol], bytes) : symbol)).join("");
}

/** The first `limit` candidates in order, repeats left out. */
export function* distinctCandidates(pattern: string, seed: string, limit: number): Generator<string> {
  const seen = new Set<string>();
  for (let index = 0; index < limit; index++) {
    const code = codeCandidate(pattern, seed, index);
    if (seen.has(code)) continue;
    seen.add(code);
    yield code;
  }
}
