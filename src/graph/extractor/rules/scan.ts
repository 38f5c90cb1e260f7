import type { DraftPatch } from "../../draft.js";
import type { ExtractContext } from "../types.js";

/** Stands in for text a rule has already read; neither a word character nor white space, so no later pattern can match across it. */
const MASK = "\uE000";

/**
 * Each pattern's global and non-global twins, made once: a RegExp built anew is compiled anew on
 * its first match once a collection has dropped V8's cache, and the rules run hundreds per message.
 * matchAll copies its pattern, and a non-global `test` ignores lastIndex, so sharing them is safe.
 */
const GLOBAL = new WeakMap<RegExp, RegExp>();
const SINGLE = new WeakMap<RegExp, RegExp>();

function twin(twins: WeakMap<RegExp, RegExp>, pattern: RegExp): RegExp {
  let made = twins.get(pattern);
  if (!made) {
    const flags = twins === GLOBAL ? `${pattern.flags.replace("g", "")}g` : pattern.flags.replace("g", "");
    made = new RegExp(pattern.source, flags);
    twins.set(pattern, made);
  }
  return made;
}

/**
 * The message as the rules read it. A rule that understands a span takes it, and the span is
 * masked (same length, so indices stay valid): "code DEALER20" must not later give a limit of 20,
 * nor "Dec 1-31" a limit of 31.
 */
export class Scan {
  #text: string;

  constructor(message: string) {
    this.#text = message;
  }

  get text(): string {
    return this.#text;
  }

  /** Every match not yet taken that `accept` agrees to; those are masked. */
  take(pattern: RegExp, accept: (match: RegExpExecArray) => boolean = () => true): RegExpExecArray[] {
    const taken = [...this.#text.matchAll(twin(GLOBAL, pattern))].filter(accept);
    for (const match of taken) this.mask(match.index, match.index + match[0].length);
    return taken;
  }

  mask(start: number, end: number): void {
    this.#text = this.#text.slice(0, start) + MASK.repeat(end - start) + this.#text.slice(end);
  }

  /** What no rule has taken. */
  get rest(): string {
    return this.#text.replaceAll(MASK, " ");
  }

  has(pattern: RegExp): boolean {
    return twin(SINGLE, pattern).test(this.#text);
  }
}

/**
 * One concern's reading of the message: it takes what it understands and writes the fields it saw.
 * `notes` carries what the marketer should be told about a reading ("Black Friday 2026 has passed,
 * so I used Nov 26, 2027.").
 */
export type Rule = (scan: Scan, patch: DraftPatch, context: ExtractContext, notes: string[]) => void;

/** The value when all readings agree; nothing when they disagree, because picking one would be a guess. */
export function agreed<T>(values: readonly T[]): T | undefined {
  const distinct = new Set(values.map((value) => JSON.stringify(value)));
  return distinct.size === 1 ? values[0] : undefined;
}

/** `agreed` over the readings that gave a value at all. */
export const agreedDefined = <T>(values: readonly (T | undefined)[]): T | undefined =>
  agreed(values.filter((value): value is T => value !== undefined));
