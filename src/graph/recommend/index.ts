export {
  type BenchmarkTable,
  benchmarkFor,
  loadBenchmarks,
} from "./benchmarks.js";
export { valueHint } from "./hint.js";
export { classifyObjective, OBJECTIVE_CATEGORIES, type ObjectiveCategory } from "./objective.js";
export { type Recommendation, recommendOffer } from "./recommend.js";
