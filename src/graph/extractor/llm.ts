import { AIMessage, HumanMessage, SystemMessage } from "@langchain/core/messages";
import { ChatOpenAICompletions } from "@langchain/openai";
import type { Logger } from "pino";
import { FIELD_LABELS } from "../describe.js";
import { DRAFT_FIELDS, type DraftField } from "../draft.js";
import type { GraphMetrics } from "../metrics.js";
import { DECISION_INTENTS, type Intent, intentSchema, readIntent } from "./intent.js";
import { MODEL_FIELDS, modelReadingSchema, PATCH_FUNCTION, systemPrompt } from "./model-patch.js";
import type { ExtractContext, Extraction, Extractor, TokenUsage } from "./types.js";
import { keepValid } from "./validate.js";

export interface LlmExtractorOptions {
  apiKey: string;
  /** An OpenAI-compatible endpoint; the OpenAI API when unset. */
  baseURL?: string | undefined;
  model: string;
  timeoutMs: number;
  /** Answers the turn when the model fails, times out or says nothing usable. */
  fallback: Extractor;
  logger?: Logger | undefined;
  metrics?: GraphMetrics | undefined;
}

/**
 * Understands a message with an OpenAI-compatible model: one call per message, no retries (the
 * user is waiting, and the rules can answer instead). What the model proposes is only a patch,
 * checked field by field; it can never trigger an action.
 *
 * Chat Completions rather than ChatOpenAI's automatic choice: ChatOpenAI moves some model names
 * to the Responses API, which OpenAI-compatible servers rarely implement.
 */
export class LlmExtractor implements Extractor {
  readonly #structured;
  readonly #fallback: Extractor;
  readonly #logger: Logger | undefined;
  readonly #metrics: GraphMetrics | undefined;

  constructor(options: LlmExtractorOptions) {
    const model = new ChatOpenAICompletions({
      apiKey: options.apiKey,
      model: options.model,
      maxRetries: 0,
      timeout: options.timeoutMs,
      ...(options.baseURL && { configuration: { baseURL: options.baseURL } }),
    });
    this.#structured = model.withStructuredOutput(modelReadingSchema, {
      name: PATCH_FUNCTION,
      method: "functionCalling",
      includeRaw: true,
    });
    this.#fallback = options.fallback;
    this.#logger = options.logger;
    this.#metrics = options.metrics;
  }

  async extract(message: string, context: ExtractContext): Promise<Extraction> {
    let reply: AIMessage | undefined;
    try {
      const { raw } = await this.#structured.invoke([
        new SystemMessage(systemPrompt(context)),
        new HumanMessage(message),
      ]);
      reply = AIMessage.isInstance(raw) ? raw : undefined;
    } catch (error) {
      this.#metrics?.modelCall("failed");
      this.#logger?.warn({ err: error }, "model call failed; the rules read this message instead");
      return this.#fallback.extract(message, context);
    }
    const usage = reply && usageOf(reply);
    const call = reply?.tool_calls?.find((candidate) => candidate.name === PATCH_FUNCTION);
    this.#metrics?.modelCall(call ? "ok" : "unusable", usage);
    if (!call) {
      this.#logger?.warn("model answered without a usable draft patch; the rules read this message instead");
      // The tokens were spent all the same.
      return { ...(await this.#fallback.extract(message, context)), ...(usage && { usage }) };
    }
    const { intent: proposedIntent, ...fields } = call.args;
    const { patch, dropped } = keepValid(fields, MODEL_FIELDS);
    if (dropped.length > 0)
      this.#logger?.warn({ dropped }, "model proposed invalid fields; they were dropped");
    const leftOut = droppedNote(dropped);
    // The rules cost no call: they still name what only lookups can settle (merchant names in
    // passing, places), and a decision the user typed counts even if the model missed it.
    const words = await this.#fallback.extract(message, context);
    const intent = trustedIntent(proposedIntent, message) ?? words.intent;
    return {
      patch,
      source: "llm",
      ...(leftOut && { notes: [leftOut] }),
      ...(intent && { intent }),
      ...(patch.merchantName === undefined && words.mentions && { mentions: words.mentions }),
      ...(patch.locationIds === undefined && words.locations && { locations: words.locations }),
      ...(usage && { usage }),
    };
  }
}

/**
 * The model's reading of what the message asks for. Publishing, submitting and cancelling act on
 * the draft, so those count only when the user's own words say so too: a model's guess never does.
 */
function trustedIntent(proposed: unknown, message: string): Intent | undefined {
  const parsed = intentSchema.safeParse(proposed);
  if (!parsed.success) return undefined;
  if (!DECISION_INTENTS.has(parsed.data.kind)) return parsed.data;
  return readIntent(message)?.kind === parsed.data.kind ? readIntent(message) : undefined;
}

function usageOf(reply: AIMessage): TokenUsage | undefined {
  const metadata = reply.usage_metadata;
  return metadata && { inputTokens: metadata.input_tokens, outputTokens: metadata.output_tokens };
}

const isDraftField = (name: string): name is DraftField => (DRAFT_FIELDS as string[]).includes(name);

/**
 * The marketer should know a value they may have typed was not taken. Names that are no offer
 * field at all ("publishNow") mean nothing to them, so only offer fields are named.
 */
function droppedNote(dropped: string[]): string | undefined {
  const labels = [...new Set(dropped.filter(isDraftField).map((field) => FIELD_LABELS[field]))];
  return labels.length > 0 ? `I couldn't use what I read for: ${labels.join(", ")}.` : undefined;
}
