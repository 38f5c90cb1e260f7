import type { BaseCheckpointSaver } from "@langchain/langgraph";
import { END, START, StateGraph } from "@langchain/langgraph";
import type { Logger } from "pino";
import type { KigoClient } from "../kigo/client.js";
import type { Extractor } from "./extractor/types.js";
import { LocationDirectory } from "./locations.js";
import { MerchantDirectory, type ProgramOfMerchant } from "./merchants.js";
import type { GraphMetrics } from "./metrics.js";
import { answerNode } from "./nodes/answer.js";
import { objectiveNode } from "./nodes/objective.js";
import { offerNode } from "./nodes/offer.js";
import { publishNode } from "./nodes/publish.js";
import { redemptionNode } from "./nodes/redemption.js";
import { reviewNode } from "./nodes/review.js";
import { understandNode } from "./nodes/understand.js";
import { validationNode } from "./nodes/validation.js";
import type { BenchmarkTable } from "./recommend/benchmarks.js";
import { OfferState, type OfferStateValue } from "./state.js";
import type { BrandRules } from "./validation/brand-rules.js";
import type { DraftChecker } from "./validation/checker.js";

export interface OfferGraphDeps {
  extractor: Extractor;
  client: KigoClient;
  brandRules: BrandRules;
  benchmarks: BenchmarkTable;
  check: DraftChecker;
  checkpointer: BaseCheckpointSaver;
  /** The program a merchant's offers belong to, from configuration. */
  programOfMerchant?: ProgramOfMerchant;
  logger?: Logger;
  metrics?: GraphMetrics;
}

/** A gathering node that asked a question ends the turn; otherwise the flow moves on. */
const unlessAsked = (next: string) => (state: OfferStateValue) => (state.question ? END : next);

/** An answer given at the preview returns to it, so the preview's decisions still wait there. */
function afterAnswer(state: OfferStateValue) {
  if (state.status === "cancelled") return END;
  if (!state.answerOnly) return "objective";
  return state.status === "review" || state.status === "pending_approval" || state.status === "failed"
    ? "review"
    : END;
}

/**
 * understand → answer → objective → offer → redemption → validation → review (interrupt) → publish.
 * Each turn runs from `understand` until a node asks a question or review waits for a decision.
 */
export function buildOfferGraph(deps: OfferGraphDeps) {
  const merchants = new MerchantDirectory(deps.client, deps.programOfMerchant);
  const locations = new LocationDirectory(deps.client);
  return new StateGraph(OfferState)
    .addNode("understand", understandNode(deps.extractor))
    .addNode("answer", answerNode(merchants, locations, deps.benchmarks))
    .addNode("objective", objectiveNode(merchants, locations))
    .addNode("offer", offerNode(deps.benchmarks, deps.brandRules))
    .addNode("redemption", redemptionNode(deps.benchmarks))
    .addNode("validation", validationNode(deps.check))
    .addNode("review", reviewNode(), { ends: ["understand", "review", "publish", END] })
    .addNode("publish", publishNode(deps.client, deps.logger, deps.metrics), { ends: ["review", END] })
    .addEdge(START, "understand")
    .addEdge("understand", "answer")
    .addConditionalEdges("answer", afterAnswer, ["objective", "review", END])
    .addConditionalEdges("objective", unlessAsked("offer"), ["offer", END])
    .addConditionalEdges("offer", unlessAsked("redemption"), ["redemption", END])
    .addConditionalEdges("redemption", unlessAsked("validation"), ["validation", END])
    .addEdge("validation", "review")
    .compile({ checkpointer: deps.checkpointer });
}

export type OfferGraph = ReturnType<typeof buildOfferGraph>;
