import type { SourceRef } from "../ruleset/schema.js";

/** A short bilingual text: `zh` is the official wording, `en` its English rendering. */
export interface Bilingual {
  readonly zh: string;
  readonly en: string;
}

/** A subject to rate: an organization or a member. */
export interface Subject {
  /** The subject's id, echoed in the result. */
  readonly id: string;
  /** The subject's name (姓名 / 党组织名称), echoed in the result and used wherever a person reads output. */
  readonly name?: string;
  /** The ruleset's declared facts: numbers or decimal strings, booleans, lists. */
  readonly facts: Readonly<Record<string, unknown>>;
  /** Dated events inside the cycle, e.g. a mid-year downgrade. */
  readonly events?: readonly SubjectEvent[];
  /** Earlier results of this subject, oldest first (in a cohort; `evaluate` takes it in options). */
  readonly history?: readonly unknown[];
}

/** A dated event inside the evaluation cycle. */
export interface SubjectEvent {
  readonly type: "downgrade";
  readonly date: string;
  readonly levels: number;
  readonly reason: string;
}

/** Options of `evaluate`. */
export interface EvaluateOptions {
  /** The evaluation date (ISO `yyyy-MM-dd`); due dates are computed from it. The clock is never read. */
  readonly asOf?: string;
  /** Earlier results of the same subject under the same scheme, oldest first (full results or {@link StoredResult}s). */
  readonly history?: readonly unknown[];
  /**
   * Include `remediation.nextStar` / `nextLevel` when the result is serialized (`JSON.stringify`).
   * Without it they are computed only when read, and serialized only once read: storing a
   * result never runs the search by accident.
   */
  readonly advice?: boolean;
  /**
   * Put in the trace the values each condition compared (`values` on star conditions, scores and
   * the rating). Off by default: the values cost more than the rules, and a city's results are
   * counted, tabled or stored rather than read out. `scheme.explain` shows them either way.
   */
  readonly explain?: boolean;
}

/**
 * Where a rule came from, as carried in traces: the document (its key in the ruleset's
 * `documents`, listed in full once on the scheme as `scheme.documents`) and its quote, or a
 * default's reason.
 */
export type Provenance =
  | { readonly document: string; readonly quote: string; readonly note?: string; readonly noteZh?: string; readonly original?: true }
  | { readonly default: string; readonly zh?: string; readonly original?: true };

/** A parameter an overridden edition changed, as a trace entry shows it: the value that decided, and the official one. */
export interface ParameterOverride {
  readonly parameter: string;
  readonly value: string;
  readonly official: string;
}

/** A source document, as listed once on the scheme (`scheme.documents[key]`). */
export interface SourceDocument {
  readonly publisher: string;
  readonly title: string;
  readonly date: string;
}

/** One star of the result. */
export interface StarResult {
  readonly id: string;
  readonly label: Bilingual;
  readonly group: string;
  readonly earned: boolean;
  /** Veto items that cancelled this star (empty when none). */
  readonly vetoedBy: readonly string[];
  readonly reason: Bilingual;
}

/**
 * The rating after vetoes, caps, events and (in a cohort) quotas: a star count (`kind: "stars"`,
 * Rushan, Qianjin), a level (`kind: "level"`, Feicheng, Liuzhou villages: `stars` is the level),
 * or a grade (`kind: "grade"`, Yantian, Liuzhou learning). Switch on `kind`, and `stars` is a
 * number where it exists.
 */
export type RatingResult =
  | { readonly kind: "stars"; readonly stars: number; readonly max: number; readonly grade?: undefined }
  | { readonly kind: "level"; readonly stars: number; readonly max: number; readonly grade?: undefined }
  | { readonly kind: "grade"; readonly grade: string; readonly stars?: undefined; readonly max?: undefined };

/** A veto item or cap that applied. */
export interface VetoResult {
  readonly id: string;
  readonly label: Bilingual;
  readonly effect: "cancelStar" | "capLevel" | "disqualify";
  readonly star?: string;
  readonly cap?: number;
}

/** A payment a tier triggers. Amounts are exact decimal strings. */
export interface PaymentResult {
  readonly id: string;
  readonly label: Bilingual;
  readonly amount: string;
  readonly period: "month" | "year";
  /** The amount over one year (`amount × 12` for monthly payments). */
  readonly perYear: string;
}

/** The outcome band. */
export interface TierResult {
  readonly id: string;
  readonly label: Bilingual;
  readonly actions: readonly { readonly id: string; readonly label: Bilingual }[];
  readonly bonusPoints?: string;
  readonly payments?: readonly PaymentResult[];
}

/** A remediation step that applies now. */
export interface StepResult {
  readonly id: string;
  readonly label: Bilingual;
  /** ISO date, when the step has a duration and `asOf` was given. */
  readonly due?: string;
}

/**
 * A change of facts that would earn a star or lift the rating: a yes/no assessment false → true,
 * or a number (as a number when it has 15 significant digits or fewer, else as exact text).
 */
export interface FactChange {
  readonly fact: string;
  readonly from: number | string | boolean;
  readonly to: number | string | boolean;
}

/** What it would take to earn one star. */
export interface NextStar {
  readonly star: string;
  readonly changes: readonly FactChange[];
  readonly blockedBy?: readonly string[];
  readonly unreachable?: true;
  /**
   * The search for the fewest facts ran out of its budget (a condition over two dozen facts
   * that needs most of them): `changes` meets the target and none of its facts can be left out,
   * but a change of fewer facts may exist.
   */
  readonly approximate?: true;
}

/** What it would take to lift the rating one step. */
export interface NextLevel {
  readonly to: number | string;
  readonly changes: readonly FactChange[];
  readonly blockedBy?: readonly string[];
  readonly unreachable?: true;
  /** As {@link NextStar.approximate}: the fewest-facts search ran out of its budget. */
  readonly approximate?: true;
}

/** What happens next. */
export interface RemediationResult {
  readonly steps: readonly StepResult[];
  readonly nextStar: readonly NextStar[];
  readonly nextLevel?: NextLevel;
}

/** The change against last year (the last `ok` entry of history). */
export interface ChangeResult {
  readonly gained: readonly string[];
  readonly lost: readonly string[];
  readonly from: number | string;
  readonly to: number | string;
}

/** One rule decision, naming the rule's JSON path in the ruleset and its source. */
export interface TraceEntry {
  /** The rule, e.g. `stars.orgAwareness`. */
  readonly rule: string;
  /** JSON path of the deciding rule inside the ruleset. */
  readonly path: readonly (string | number)[];
  /** What the rule decided. */
  readonly outcome: string;
  /** A computed value, where the decision has one (a score, a rating). */
  readonly value?: string;
  /**
   * The values the rule compared, by name (facts, scores and parameters it reads, as exact
   * decimal strings, `true`/`false`, or ids): on star conditions, score entries and the rating
   * (with `explain: true`); a mid-year downgrade always carries `from`, `to`, `date` and `reason`.
   */
  readonly values?: Readonly<Record<string, string>>;
  /** `true` when the rule is a default we chose rather than a source's rule. */
  readonly isDefault: boolean;
  /**
   * Where the rule comes from. `original: true` when an overridden parameter decided the entry:
   * the quote then states the official rule, not the one applied (see `overrides`).
   */
  readonly source?: Provenance;
  /** `true` when a parameter this edition overrides decided the entry (a simulation). */
  readonly overridden?: true;
  /** The overridden parameters the rule reads: the value applied and the official one. */
  readonly overrides?: readonly ParameterOverride[];
}

/** A successful evaluation. Frozen. */
export interface Evaluation {
  readonly ok: true;
  readonly id: string;
  /** The subject's name, when it was given. */
  readonly name?: string | undefined;
  readonly ruleset: { readonly id: string; readonly version: string };
  readonly stars: readonly StarResult[];
  readonly rating: RatingResult;
  /** Schemes with a qualification group (Rushan): every basic star earned. */
  readonly qualified?: boolean;
  readonly scores: Readonly<Record<string, string>>;
  readonly vetoes: readonly VetoResult[];
  readonly tier: TierResult;
  readonly remediation: RemediationResult;
  readonly change?: ChangeResult;
  readonly trace: readonly TraceEntry[];
  /** In a cohort: the position in the cohort's ranking (1 = best; ties share a position). */
  readonly rank?: { readonly by: string; readonly position: number; readonly of: number };
}

import type { SubjectError } from "../words/subjectErrors.js";
export type { SubjectError, SubjectErrorCode, ErrorParams, ErrorParam } from "../words/subjectErrors.js";

/** An evaluation that could not be done because the subject's data is bad. Frozen. */
export interface Rejection {
  readonly ok: false;
  readonly id: string | undefined;
  /** The subject's name, when it was given. */
  readonly name?: string;
  readonly ruleset: { readonly id: string; readonly version: string };
  readonly errors: readonly SubjectError[];
}

/** The result of evaluating one subject. */
export type Result = Evaluation | Rejection;

/**
 * The compact form of a result for storage (`compact(result)`), accepted as `history`: what
 * next year's evaluation reads (rating, earned stars, remediation steps) and what a register
 * shows (tier, vetoes, scores), without labels, reasons or trace.
 */
export type StoredResult =
  | {
      readonly ok: true;
      readonly id: string;
      readonly name?: string;
      readonly ruleset: { readonly id: string; readonly version: string };
      readonly rating: RatingResult;
      /** Ids of the stars earned. */
      readonly earned: readonly string[];
      readonly qualified?: boolean;
      readonly scores: Readonly<Record<string, string>>;
      /** Ids of the veto items that applied. */
      readonly vetoes: readonly string[];
      /** The tier id. */
      readonly tier: string;
      /** The remediation steps that applied, with due dates. */
      readonly steps: readonly { readonly id: string; readonly due?: string }[];
      readonly rank?: { readonly by: string; readonly position: number; readonly of: number };
    }
  | Rejection;

export type { SourceRef };
