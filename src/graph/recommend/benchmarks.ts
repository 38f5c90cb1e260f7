import { fileURLToPath } from "node:url";
import { z } from "zod";
import { OFFER_TYPES, type OfferDraft, PROGRAM_TYPES, type ProgramType } from "../draft.js";
import { loadJsonFile } from "../validation/json-file.js";
import { classifyObjective, OBJECTIVE_CATEGORIES, type ObjectiveCategory } from "./objective.js";

/** See data/README.md for what each number means and where it comes from. */

const offerBenchmark = z
  .strictObject({
    min: z.number().positive(),
    typical: z.number().positive(),
    max: z.number().positive(),
    /** Fraction of the audience expected to redeem once. */
    redemptionRate: z.number().positive().max(1),
  })
  .refine((value) => value.min <= value.typical && value.typical <= value.max, {
    message: "must satisfy min <= typical <= max",
  });

const segment = z.strictObject({
  /** The offer type to suggest when the user has not chosen one. */
  recommended: z.enum(OFFER_TYPES),
  offers: z.record(z.enum(OFFER_TYPES), offerBenchmark),
});

const programProfile = z.strictObject({
  /** How messages name the program's offers, e.g. "closed-loop dealer". */
  label: z.string().trim().min(1),
  averageOrderValue: z.number().positive(),
  /** Customers an offer reaches when no customer list is uploaded. */
  audienceSize: z.number().int().positive(),
});

// Records keyed by enums are exhaustive in zod 4: every objective × program × offer type is present.
const benchmarkTableSchema = z.strictObject({
  /** Dollars one loyalty point costs the program. */
  pointValue: z.number().positive(),
  programs: z.record(z.enum(PROGRAM_TYPES), programProfile),
  objectives: z.record(z.enum(OBJECTIVE_CATEGORIES), z.record(z.enum(PROGRAM_TYPES), segment)),
});
export type BenchmarkTable = z.infer<typeof benchmarkTableSchema>;
export type BenchmarkSegment = z.infer<typeof segment>;
export type ProgramProfile = z.infer<typeof programProfile>;

// Three levels up from both src/graph/recommend and dist/graph/recommend is the package root.
const DEFAULT_BENCHMARKS_PATH = fileURLToPath(new URL("../../../data/benchmarks.json", import.meta.url));

export function loadBenchmarks(path: string = DEFAULT_BENCHMARKS_PATH): BenchmarkTable {
  return loadJsonFile(path, benchmarkTableSchema, "Benchmarks");
}

export interface BenchmarkMatch {
  objective: ObjectiveCategory;
  program: ProgramType;
  profile: ProgramProfile;
  segment: BenchmarkSegment;
  /** "closed-loop dealer sales-lift": how messages name the comparison group. */
  label: string;
}

/** The benchmarks for the draft's program and objective; undefined when either is unknown. */
export function benchmarkFor(draft: OfferDraft, table: BenchmarkTable): BenchmarkMatch | undefined {
  const program = draft.programType;
  const objective =
    draft.businessObjective === undefined ? undefined : classifyObjective(draft.businessObjective);
  if (program === undefined || objective === undefined) return undefined;
  const profile = table.programs[program];
  return {
    objective,
    program,
    profile,
    segment: table.objectives[objective][program],
    label: `${profile.label} ${objective.replace("_", "-")}`,
  };
}
