import type { Q } from "../_lib/decimal.js";
import type { ExactFn } from "../expr/exact.js";
import type { FastFn, FastNumResult } from "../expr/fast.js";
import type { Bilingual, Evaluation, ParameterOverride, Provenance, RatingResult, StarResult, TierResult, TraceEntry, VetoResult, StepResult } from "../evaluate/types.js";
import type { RulesetSource } from "../ruleset/schema.js";
import type { Override } from "./extend.js";

/** Fact kinds as small integers, for the loader's switch. */
export const KIND_BOOLEAN = 0;
export const KIND_NUMBER = 1;
export const KIND_ENUM = 2;
export const KIND_LIST = 3;

/** A compiled fact declaration: how to read and check one fact of a subject. */
export interface CFact {
  readonly id: string;
  readonly slot: number;
  readonly type: "boolean" | "decimal" | "integer" | "enum" | "list";
  /** The type as a small integer (KIND_*). */
  readonly kind: number;
  readonly label: Bilingual;
  readonly min?: Q;
  readonly max?: Q;
  /** A bound that is another fact's value, e.g. satisfied ≤ valid. */
  readonly minFact?: CFact;
  readonly maxFact?: CFact;
  readonly step?: Q;
  /** Allowed values (enum values, or the veto catalogue for a list). */
  readonly values?: readonly string[];
  /** Value ids by their Chinese label (enum values, veto items), for spreadsheet cells. */
  readonly enumLabels: ReadonlyMap<string, string> | undefined;
  readonly hasDefault: boolean;
  readonly defaultValue?: unknown;
  readonly requiredWhen?: ExactFn;
  readonly requiredWhenFast?: FastFn;
  /** Which way effort moves the fact (for remediation search). */
  readonly improve: "up" | "down" | "none";
  /** The grid a number moves on in remediation search (declared step; 1 for integers; else 0.01). */
  readonly searchStep: Q | undefined;
  /**
   * Fast path: value = int / 10^scale with lo ≤ int ≤ hi (values outside use the exact path); the
   * declared `step` and the search step (`grid`, `searchStep` scaled) as scaled integers.
   */
  readonly fast: { readonly scale: number; readonly pow: number; readonly lo: number; readonly hi: number; readonly step: number | undefined; readonly grid: number } | undefined;
  /** Fast-path default value (scaled integer for numbers). */
  readonly fastDefault?: unknown;
}

/** A compiled score. */
export interface CScore {
  readonly id: string;
  /** Exact value at `slot`; on the fast path an integer at `slot`, or a fraction at `slot` / `slot + 1`. */
  readonly slot: number;
  readonly fn: ExactFn;
  readonly fast?: FastNumResult;
  readonly round?: number;
  readonly path: readonly (string | number)[];
  readonly provenance: Provenance;
  /** Reported strings of fast-path fractions, by value (a bounded memo). */
  readonly texts: Map<number, string>;
  /** A one-score scheme's frozen `scores` objects, by the same fast-path value (a bounded memo). */
  readonly objects: Map<number, Readonly<Record<string, string>>>;
}

/** A value a condition names: a fact, score or parameter by name, or a piece of expression as text. */
export type Operand = { readonly name: string; readonly text?: undefined } | { readonly name?: undefined; readonly text: string };

/** The shape of a star condition, for words: a yes/no fact, a comparison, or anything else as text. */
export type ConditionShape =
  | { readonly kind: "fact"; readonly name: string; readonly negated: boolean }
  | { readonly kind: "compare"; readonly op: "<" | "<=" | ">" | ">=" | "==" | "!="; readonly left: Operand; readonly right: Operand }
  | { readonly kind: "other"; readonly text: string };

/** A compiled star clause. */
export interface CClause {
  /** The condition's shape, for explanations. */
  readonly shape: ConditionShape;
  /** The frame slot when the clause is just a boolean fact (read directly), else -1. */
  readonly boolSlot: number;
  readonly fn: ExactFn;
  readonly fast?: FastFn;
  /** For a comparison with fast sides: left − right as a float on a fast frame (a search hint only). */
  readonly margin: ((frame: readonly unknown[]) => number) | undefined;
  /** The frozen star result and trace entry used when this clause is the first to fail. */
  readonly failed: StarResult;
  readonly failedTrace: TraceEntry;
}

/** A compiled star. */
export interface CStar {
  readonly id: string;
  readonly index: number;
  readonly label: Bilingual;
  readonly group: string;
  readonly clauses: readonly CClause[];
  readonly earned: StarResult;
  readonly earnedTrace: TraceEntry;
  readonly path: readonly (string | number)[];
  /** The facts (indexes into `Model.facts`) the star's conditions read, through scores too. */
  readonly deps: readonly number[];
}

/** A compiled veto item. */
export interface CVeto {
  readonly id: string;
  readonly effect: "cancelStar" | "capLevel" | "disqualify";
  readonly starIndex: number;
  readonly cap?: number;
  readonly when?: ExactFn;
  readonly whenFast?: FastFn;
  readonly result: VetoResult;
  readonly trace: TraceEntry;
  readonly label: Bilingual;
  /** The star result when this veto alone cancels the star. */
  readonly vetoedStar?: StarResult;
}

/** A conditional item of a tier (action or payment). */
export interface CConditional<T> {
  readonly item: T;
  readonly when?: ExactFn;
  readonly whenFast?: FastFn;
  readonly trace: TraceEntry;
}

/** A compiled tier. */
export interface CTier {
  readonly id: string;
  readonly index: number;
  readonly label: Bilingual;
  /** The whole tier result when no conditional action or payment is involved. */
  readonly fixed?: TierResult;
  readonly actions: readonly CConditional<{ readonly id: string; readonly label: Bilingual }>[];
  readonly payments: readonly CConditional<{ id: string; label: Bilingual; amount: Q; period: "month" | "year"; perYear: Q }>[];
  readonly bonusPoints?: string;
  /** Whether the scheme pays anywhere: then every tier reports its payments, even none. */
  readonly schemePays: boolean;
  readonly trace: TraceEntry;
  /** Frozen tier results by the mask of conditional items that apply (built on first use). */
  readonly byMask: Map<number, TierResult>;
}

/** The rating rule. */
export type CRating =
  | { readonly kind: "starCount"; readonly min: number; readonly max: number; readonly trace: TraceEntry }
  | {
      readonly kind: "levels";
      readonly score: CScore;
      readonly min: number;
      readonly max: number;
      readonly bands: readonly { level: number; min?: Q; fast?: FastFn }[];
      readonly trace: TraceEntry;
    }
  | {
      readonly kind: "grades";
      readonly score: CScore;
      readonly bands: readonly { grade: string; min?: Q; fast?: FastFn }[];
      readonly grades: readonly string[];
      readonly trace: TraceEntry;
    };

/** A compiled remediation rule (first match wins). */
export interface CRemedyRule {
  readonly id: string;
  readonly when: ExactFn;
  readonly whenFast?: FastFn;
  readonly steps: readonly {
    readonly id: string;
    readonly label: Bilingual;
    readonly due?: { years: number; months: number; days: number };
    /** The frozen step result without a due date. */
    readonly plain: StepResult;
  }[];
  /** Whether a step has a due date (computed from asOf). */
  readonly dated: boolean;
  /** The frozen remediation result when no due date is computed. */
  readonly undated: { readonly steps: readonly StepResult[]; readonly nextStar: readonly never[]; readonly nextLevel: undefined };
  /**
   * The dated steps of the last `asOf` evaluated (steps depend on the rule and the date alone):
   * the results of a run share one frozen array, as undated steps do.
   */
  readonly datedAt: { asOf: string | undefined; steps: readonly StepResult[] };
  readonly trace: TraceEntry;
}

/** Compiled cohort rules. */
export interface CCohort {
  readonly rankBy: CScore | undefined;
  readonly quotas: readonly { readonly id: string; readonly rating: number; readonly share: Q; readonly shareParts: QuotaShare; readonly demoteTo: number; readonly path: readonly (string | number)[]; readonly provenance: Provenance; readonly overrides: readonly ParameterOverride[] | undefined }[];
  readonly mode: "enforce" | "report";
  readonly tiePolicy: "demoteTied" | "keepTied" | "byId";
  readonly minCap: number;
  readonly lastPlace: readonly { readonly fact: CFact; readonly starIndex: number; readonly bottom: number; readonly path: readonly (string | number)[]; readonly provenance: Provenance; readonly overrides: readonly ParameterOverride[] | undefined }[];
}

/** Everything the evaluator needs, built once by `compile`. */
export interface Model {
  readonly source: RulesetSource;
  /** The parameters this edition overrides, with their official values (empty for an official scheme). */
  readonly overrides: ReadonlyMap<string, Override>;
  readonly id: string;
  readonly version: string;
  /** `{ id, version }`, shared by every result. */
  readonly rulesetRef: { readonly id: string; readonly version: string };
  readonly facts: readonly CFact[];
  readonly factById: ReadonlyMap<string, CFact>;
  /** The same facts by id in an object without prototype: the fast loader's lookup while it walks a subject's keys. */
  readonly factByKey: Readonly<Record<string, CFact | undefined>>;
  readonly scores: readonly CScore[];
  readonly stars: readonly CStar[];
  readonly vetoes: readonly CVeto[];
  readonly vetoById: ReadonlyMap<string, CVeto>;
  /** The vetoes triggered by a condition (checked even when the subject lists none). */
  readonly conditionalVetoes: readonly CVeto[];
  /** The fact whose list names veto items, if any. */
  readonly vetoFact?: CFact;
  readonly qualifiedStars?: readonly number[];
  readonly qualifiedTrace?: TraceEntry;
  readonly rating: CRating;
  /** Tier by rating value (numeric ratings) or by grade. */
  readonly tierByRating: ReadonlyMap<number | string, CTier>;
  /** Whether any tier pays (a cohort then sums the payments). */
  readonly pays: boolean;
  readonly remedyRules: readonly CRemedyRule[];
  readonly stepLabels: ReadonlyMap<string, Bilingual>;
  readonly slots: {
    readonly size: number;
    readonly rating: number;
    readonly qualified: number;
    readonly grade: number;
    readonly previousStep: number;
    readonly hasHistory: number;
  };
  /** Every expression has a provably exact fast form: subjects whose values fit use it. */
  readonly fast: boolean;
  /** The trace entries of the scores (computed values are in `scores`). */
  readonly scoreTrace: readonly TraceEntry[];
  /**
   * Interning of the frozen stars array and trace by a signature of the decisions that produce
   * them (undefined when the signature could exceed 2^53). Pure memoization: outputs are equal.
   */
  readonly intern?: {
    readonly base: number;
    readonly values: number;
    readonly valueIndex: ReadonlyMap<number | string, number>;
    readonly rules: number;
    /** 2^(most conditional items of a tier): the span of a tier mask. */
    readonly masks: number;
    readonly cache: Map<number, { readonly stars: readonly StarResult[]; readonly trace: readonly TraceEntry[] }>;
  };
  /** The facts the rating reads (all stars' facts, or the rating score's), for "what would it take". */
  readonly ratingDeps: readonly number[];
  /** Cohort rules, checked. */
  readonly cohort: CCohort | undefined;
  /** Declared events (a mid-year downgrade), with the trace entry template. */
  readonly events: { readonly trace: TraceEntry } | undefined;
  /**
   * Cohort trace arrays by their entries' content (rule, outcome, value), shared by every cohort
   * of this scheme that makes the same decisions, each with the interning of its rows' results.
   * Bounded: cleared when it grows past a few hundred.
   */
  readonly cohortTraces: Map<string, CohortTrace>;
  /** The same arrays of one entry, by the entry object (quota entries are shared, see quotaEntries). */
  readonly cohortTraceRoots: Map<TraceEntry, CohortTrace>;
  /** What each quota says per size of cohort (bounded): see {@link QuotaWords}. */
  readonly quotaWords: Map<object, Map<number, QuotaWords>>;
  /** Frozen rank objects `{ by, position, of }` by position, per size of small cohort (bounded). */
  readonly cohortRanks: Map<number, (Evaluation["rank"] | undefined)[]>;
  /** The last asOf checked, so a cohort sharing one asOf parses it once. */
  readonly lastAsOf: { value: string | undefined };
  /**
   * The contexts results' advice is decided under (see `AdviceContext` in evaluate.ts), the last
   * one per path and advice flag: the results of one run share it instead of each keeping its
   * own copy of the model, path, date and flag.
   */
  readonly adviceContexts: object[];
  /** Facts with a bound that is another fact. */
  readonly boundedFacts: readonly CFact[];
  /** Whether any fact is required only in some cases. */
  readonly conditionalFacts: boolean;
  /** Numeric ratings: the lowest value, and tiers and rating results indexed by value − ratingMin. */
  readonly ratingMin: number;
  readonly tierAt: readonly CTier[];
  readonly ratingAt: readonly RatingResult[];
  /** Frozen rating results by value. */
  readonly ratingOf: ReadonlyMap<number | string, RatingResult>;
  /** Trace entries precomputed by outcome, so evaluation only picks references. */
  readonly traceOf: {
    readonly qualified?: { readonly yes: TraceEntry; readonly no: TraceEntry };
    readonly rating: ReadonlyMap<number | string, TraceEntry>;
  };
  /** Trace entries that show the values they compared when a result's trace is read, with the names they read. */
  readonly traceReads: ReadonlyMap<TraceEntry, readonly string[]>;
  /** Parameter values as trace text. */
  readonly paramText: ReadonlyMap<string, string>;
  readonly procedure: readonly { id: string; label: Bilingual; calendarDays?: number; workingDays?: number; provenance: Provenance }[];
}

/** A shared array of cohort trace entries, with what results that carry it intern. */
export interface CohortTrace {
  /** The entries' content, as the cache's key. */
  readonly key: string;
  readonly trace: readonly TraceEntry[];
  /** Interned stars and traces of the rows that carry it, by decision signature. */
  readonly cache: Map<number, { readonly stars: readonly StarResult[]; readonly trace: readonly TraceEntry[] }>;
  /** The cohort rules it names (what a star lost to them is blocked by). */
  readonly rules: readonly string[];
  /** The arrays one entry longer, by that entry object. */
  readonly next: Map<TraceEntry, CohortTrace>;
}

/**
 * A quota's share as a decimal fraction of integers, `num / den` with `den` a power of ten (`num`
 * is +Infinity for a share of more than 15 decimals, which keeps a cohort's cap on the exact path),
 * and as people read it (`"15%"`).
 */
export interface QuotaShare {
  readonly num: number;
  readonly den: number;
  readonly text: string;
}

/**
 * What a quota says in a cohort of one size (its cap follows from the size): the trace entries of
 * a demoted row (not tied, tied at the cut), and the reason words per pool (the rows at the
 * quota's rating) for cohorts small enough to keep them.
 */
export interface QuotaWords {
  readonly traced: readonly [TraceEntry, TraceEntry];
  readonly said: Map<number, QuotaReasons>;
}

/**
 * What a quota writes in a cohort of a given size, cap and pool: the words around the rank (made
 * once) and, where kept, each reason at `position × 3 + kind` (demoted, tied and demoted, kept
 * over the cap).
 */
export interface QuotaReasons {
  readonly zhHead: string;
  readonly enHead: string;
  readonly enOf: string;
  readonly zhTail: readonly string[];
  readonly enTail: readonly string[];
  /** Undefined for a cohort too large to keep its reasons (they are made per row). */
  readonly reasons: (Bilingual | undefined)[] | undefined;
}
