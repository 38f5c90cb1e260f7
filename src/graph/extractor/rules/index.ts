import type { DraftPatch } from "../../draft.js";
import type { ExtractContext, Extraction, Extractor } from "../types.js";
import { keepValid } from "../validate.js";
import { PROSE_FIELDS, readAnswer } from "./answers.js";
import { readChannels } from "./channels.js";
import { readCodes } from "./codes.js";
import { readDates } from "./dates.js";
import { readLimits } from "./limits.js";
import { readLocations } from "./locations.js";
import { readMoney } from "./money.js";
import { readOffer } from "./offer.js";
import { readProgram } from "./program.js";
import { readRedemption, readUrl } from "./redemption.js";
import { type Rule, Scan } from "./scan.js";
import { readText } from "./text.js";
import { readTimeZone } from "./timezone.js";

/**
 * In this order: labelled text and links first, so nothing inside them is read as an amount;
 * codes and channels before dates and numbers ("DEALER20", "activation links"); money before the
 * offer ("max discount 30%" is not a 30% discount); the offer before limits; the redemption method
 * last, because a code or a link found earlier decides it.
 */
const RULES: Rule[] = [
  readText,
  readUrl,
  readCodes,
  readChannels,
  readDates,
  readMoney,
  readOffer,
  readProgram,
  readLimits,
  readRedemption,
  readTimeZone,
  readLocations,
];

function readMessage(message: string, context: ExtractContext, notes: string[]): DraftPatch {
  const scan = new Scan(message);
  const patch: DraftPatch = {};
  for (const rule of RULES) rule(scan, patch, context, notes);
  return patch;
}

/**
 * The fields a message states, deterministically; a field it does not state is absent. A bare
 * answer to the field the bot asked about ("50k" after "What's the budget?") lands in that field.
 */
export function extractWithRules(message: string, context: ExtractContext, notes: string[] = []): DraftPatch {
  const field = context.expecting;
  const answer = field ? readAnswer(field, message, context) : undefined;
  if (answer && field && !PROSE_FIELDS.has(field)) return keepValid(answer).patch;
  return keepValid({ ...readMessage(message, context, notes), ...answer }).patch;
}

export class RuleExtractor implements Extractor {
  async extract(message: string, context: ExtractContext): Promise<Extraction> {
    const notes: string[] = [];
    const patch = extractWithRules(message, context, notes);
    return { patch, source: "rules", ...(notes.length > 0 && { notes }) };
  }
}
