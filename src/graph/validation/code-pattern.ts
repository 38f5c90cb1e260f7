import { formatCount } from "../describe.js";
import type { OfferDraft } from "../draft.js";
import type { Rule } from "./context.js";
import { codeModeOf, usesPromoCodes } from "./draft-facts.js";
import { listCharacters } from "./format.js";
import { CODE_LENGTH } from "./promo-code.js";
import type { ValidationIssue } from "./types.js";

/** How many values each random placeholder can take; any other allowed character is literal. */
const CHOICES: Record<string, number> = { "#": 10, "?": 26, "*": 36 };
const PATTERN_CHARS = /^[A-Z0-9#?*]+$/;
const { min: MIN_LENGTH, max: MAX_LENGTH } = CODE_LENGTH;

const PLACEHOLDERS = "# is a random digit, ? a random letter, * a random letter or digit";

function issue(message: string, fix: string): ValidationIssue {
  return { field: "codePattern", severity: "error", rule: "code_pattern", message, fix };
}

/** How many distinct codes the pattern can produce. */
export function patternCapacity(pattern: string): number {
  return [...pattern].reduce((product, char) => product * (CHOICES[char] ?? 1), 1);
}

function capacityIssue(pattern: string, count: number): ValidationIssue | undefined {
  const capacity = patternCapacity(pattern);
  if (capacity >= count) return undefined;
  const missing = Math.ceil(Math.log10(count / capacity));
  const message = `The pattern ${pattern} can make only ${formatCount(capacity)} different codes, fewer than the ${formatCount(count)} you asked for.`;
  if (pattern.length + missing <= MAX_LENGTH) {
    const widened = `${pattern}${"#".repeat(missing)}`;
    return issue(
      message,
      `Add ${missing} more # (e.g. ${widened}, up to ${formatCount(patternCapacity(widened))} codes), or ask for fewer codes.`,
    );
  }
  return issue(
    message,
    `Replace # with * (a letter or digit) or shorten the fixed part so more random characters fit in ${MAX_LENGTH} characters, or ask for fewer codes.`,
  );
}

function patternIssues(pattern: string, count: number | undefined): ValidationIssue[] {
  if (!PATTERN_CHARS.test(pattern)) {
    const bad = listCharacters(pattern.replace(/[A-Z0-9#?*]/g, ""));
    return [
      issue(
        `The code pattern ${pattern} contains ${bad}, which codes can't include.`,
        `Use only letters A–Z, digits 0–9 and the placeholders #, ? and * (${PLACEHOLDERS}).`,
      ),
    ];
  }
  if (pattern.length < MIN_LENGTH || pattern.length > MAX_LENGTH) {
    return [
      issue(
        `The code pattern ${pattern} makes codes of ${pattern.length} characters; codes must be ${MIN_LENGTH}–${MAX_LENGTH} characters.`,
        `Make the pattern ${MIN_LENGTH}–${MAX_LENGTH} characters long, e.g. DLR#####.`,
      ),
    ];
  }
  if (patternCapacity(pattern) === 1) {
    return [
      issue(
        `The code pattern ${pattern} has no random part, so every code would be the same.`,
        `Add random characters, e.g. ${pattern.slice(0, MAX_LENGTH - 4)}#### (${PLACEHOLDERS}).`,
      ),
    ];
  }
  const capacity = count === undefined ? undefined : capacityIssue(pattern, count);
  return capacity ? [capacity] : [];
}

function uniqueCodePattern(draft: OfferDraft): string | undefined {
  if (draft.codePattern === undefined || !usesPromoCodes(draft) || codeModeOf(draft) !== "unique") {
    return undefined;
  }
  return draft.codePattern.trim().toUpperCase();
}

export const codePatternRule: Rule = (draft) => {
  const pattern = uniqueCodePattern(draft);
  return pattern === undefined ? [] : patternIssues(pattern, draft.uniqueCodeCount);
};
