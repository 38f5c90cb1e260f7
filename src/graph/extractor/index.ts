import type { Logger } from "pino";
import type { Config } from "../../config.js";
import type { GraphMetrics } from "../metrics.js";
import { RuleExtractor } from "./rules/index.js";
import type { Extractor } from "./types.js";

export type { ExtractContext, Extraction, Extractor, TokenUsage } from "./types.js";

/**
 * The model when a key is configured, with the rules as its fallback; otherwise the rules alone.
 * The model's client (LangChain's OpenAI integration and the OpenAI SDK) is loaded only with a key.
 */
export async function createExtractor(
  config: Config,
  logger?: Logger,
  metrics?: GraphMetrics,
): Promise<Extractor> {
  const rules = new RuleExtractor();
  if (!config.OPENAI_API_KEY) return rules;
  const { LlmExtractor } = await import("./llm.js");
  return new LlmExtractor({
    apiKey: config.OPENAI_API_KEY,
    baseURL: config.OPENAI_BASE_URL,
    model: config.OPENAI_MODEL,
    timeoutMs: config.OPENAI_TIMEOUT_MS,
    fallback: rules,
    logger,
    metrics,
  });
}
