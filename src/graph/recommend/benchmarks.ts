import { fileURLToPath } from "node:url";
import { z } from "zod";
import { OFFER_TYPES, type OfferDraft, PROGRAM_TYPES, type ProgramType } from "../draft.js";
import { VALUE_KINDS } from "../offer-kinds.js";
import { loadJsonFile } from "../validation/json-file.js";
import { classifyObjective, OBJECTIVE_CATEGORIES, type ObjectiveCategory } from "./objective.js";

/** See data/README.md for what each number means and where it comes from. */

/** Free items, price points and links have no value range: the item or the link is the offer. */
const offerBenchmark = z
  .strictObject({
    min: z.number().positive().optional(),
    typical: z.number().positive().optional(),
    max: z.number().positive().optional(),
    /** Fraction of the audience expected to redeem once. */
    redemptionRate: z.number().positive().max(1),
  })
  .refine(
    ({ min, typical, max }) =>
      (min === undefined && typical === undefined && max === undefined) ||
      (min !== undefined && typical !== undefined && max !== undefined && min <= typical && typical <= max),
    { message: "must give all of min, typical and max with min <= typical <= max, or none of them" },
  );

const segment = z.strictObject({
  /** The offer type to suggest when the user has not chosen one. */
  recommended: z.enum(OFFER_TYPES),
  offers: z.record(z.enum(VALUE_KINDS), offerBenchmark),
});

/** What purchases cost: percentages are priced on the order, free items on the item. */
const prices = {
  averageOrderValue: z.number().positive(),
  averageItemPrice: z.number().positive(),
};

const programProfile = z.strictObject({
  /** How messages name the program's offers, e.g. "closed-loop dealer". */
  label: z.string().trim().min(1),
  ...prices,
  /** Customers an offer reaches when no customer list is uploaded. */
  audienceSize: z.number().int().positive(),
});

/** A kind of item priced apart from the category's typical one: a restaurant meal is not a coffee. */
const itemClass = z.strictObject({
  label: z.string().trim().min(1),
  price: z.number().positive(),
  /** Words that name it in an offer's item ("burger basket" names a meal by "burger"). */
  words: z.array(z.string().trim().min(1)).min(1),
});

const categoryProfile = z.strictObject({
  /** How messages name the merchant's kind of business, e.g. "restaurant and café". */
  label: z.string().trim().min(1),
  ...prices,
  items: z.array(itemClass).optional(),
});

// Records keyed by enums are exhaustive in zod 4: every objective × program × kind of offer is present.
const benchmarkTableSchema = z.strictObject({
  /** Dollars one loyalty point costs the program. */
  pointValue: z.number().positive(),
  /** Base points a customer earns per dollar: what a points multiplier multiplies. */
  pointsPerDollar: z.number().positive(),
  programs: z.record(z.enum(PROGRAM_TYPES), programProfile),
  /** By the merchant's Kigo category id; a merchant in another category is priced by its program. */
  categories: z.record(z.string().regex(/^\d+$/, "must be a category id"), categoryProfile),
  objectives: z.record(z.enum(OBJECTIVE_CATEGORIES), z.record(z.enum(PROGRAM_TYPES), segment)),
});
export type BenchmarkTable = z.infer<typeof benchmarkTableSchema>;
export type BenchmarkSegment = z.infer<typeof segment>;
export type ProgramProfile = z.infer<typeof programProfile>;
export type OfferBenchmark = z.infer<typeof offerBenchmark>;

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

/** The objective as a marketer says it: "hybrid sales offers", not "hybrid sales_lift". */
const OBJECTIVE_WORDS: Record<ObjectiveCategory, string> = {
  acquisition: "new-customer",
  retention: "win-back",
  sales_lift: "sales",
  clearance: "clearance",
  loyalty: "loyalty",
};

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
    label: `${profile.label} ${OBJECTIVE_WORDS[objective]}`,
  };
}

export interface PriceBasis {
  averageOrderValue: number;
  averageItemPrice: number;
  /** "restaurant and café" or "open-loop resident": whose typical prices these are. */
  label: string;
  items?: z.infer<typeof itemClass>[];
}

const escaped = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The item class an item's words name, if the merchant's category prices one apart. */
export function itemClassOf(
  prices: PriceBasis,
  item: string | undefined,
): z.infer<typeof itemClass> | undefined {
  if (!item) return undefined;
  return prices.items?.find((kind) =>
    kind.words.some((word) => new RegExp(`(?:^|[^\\p{L}])${escaped(word)}s?(?![\\p{L}])`, "iu").test(item)),
  );
}

/** Typical prices at the draft's merchant: its category's, else its program's; undefined with neither. */
export function pricesFor(draft: OfferDraft, table: BenchmarkTable): PriceBasis | undefined {
  const category =
    draft.merchantCategoryId === undefined ? undefined : table.categories[String(draft.merchantCategoryId)];
  if (category) return category;
  if (draft.programType === undefined) return undefined;
  return table.programs[draft.programType];
}
