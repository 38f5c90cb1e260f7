import type { ViewErrorsResponseAction } from "@slack/bolt";
import { z } from "zod";
import { truncatePlain } from "./escape.js";
import { LIMITS } from "./limits.js";

const selected = z.object({ value: z.string() });

/** Each input element's submitted shape, reduced to the string or list parseDraftForm reads. */
const submitted = z.discriminatedUnion("type", [
  z.object({ type: z.literal("plain_text_input"), value: z.string().nullish() }).transform((e) => e.value),
  z.object({ type: z.literal("number_input"), value: z.string().nullish() }).transform((e) => e.value),
  z
    .object({ type: z.literal("static_select"), selected_option: selected.nullish() })
    .transform((e) => e.selected_option?.value),
  z
    .object({ type: z.literal("multi_static_select"), selected_options: z.array(selected).nullish() })
    .transform((e) => e.selected_options?.map((option) => option.value)),
  z
    .object({ type: z.literal("datepicker"), selected_date: z.string().nullish() })
    .transform((e) => e.selected_date),
]);

const stateValues = z.record(z.string(), z.record(z.string(), z.unknown()));

const metadata = z.object({
  threadKey: z.string(),
  version: z.number().int().nonnegative().optional(),
});
export type ModalMetadata = z.infer<typeof metadata>;

/**
 * Slack's `view.state.values` as the flat field map `parseDraftForm` takes, keyed by block_id.
 * An empty input is left out, so it leaves its field as it is; elements of any other kind, or
 * of a shape Slack did not document, are ignored rather than failing the whole submission.
 */
export function readModalValues(values: unknown): Record<string, string | string[]> {
  const blocks = stateValues.safeParse(values);
  if (!blocks.success) return {};
  const read: Record<string, string | string[]> = {};
  for (const [blockId, elements] of Object.entries(blocks.data)) {
    for (const element of Object.values(elements)) {
      const value = submitted.safeParse(element);
      if (!value.success || value.data === undefined || value.data === null || value.data.length === 0)
        continue;
      read[blockId] = value.data;
    }
  }
  return read;
}

/** The `view_submission` answer that shows each message under its input (block_id = field). */
export function modalErrors(errors: Record<string, string>): ViewErrorsResponseAction {
  return {
    response_action: "errors",
    errors: Object.fromEntries(
      Object.entries(errors).map(([blockId, message]) => [
        blockId,
        truncatePlain(message, LIMITS.inputLabel),
      ]),
    ),
  };
}

/** What a modal must remember for its submission; over Slack's limit means a bug, not input. */
export function modalMetadata(data: ModalMetadata): string {
  const text = JSON.stringify(data);
  if (text.length > LIMITS.privateMetadata) {
    throw new Error(`Modal metadata is ${text.length} characters, over Slack's ${LIMITS.privateMetadata}.`);
  }
  return text;
}

export function decodeModalMetadata(text: string): ModalMetadata | undefined {
  try {
    const parsed = metadata.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
