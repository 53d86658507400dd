import { buildModel } from "../compile/compile.js";
import { baseOf, isExtension, overrideParameters, overridesOf, resolveExtension, type Override } from "../compile/extend.js";
import { evaluateCohort, type CohortOptions, type CohortResult } from "../cohort/evaluateCohort.js";
import { bundledRulesets, type BundledRuleset, type BundledRulesetId } from "../rulesets/bundled.js";
import type { BundledFacts } from "../rulesets/facts.js";
import { stepDue, weekdays, type WorkingDayCalendar } from "../calendar/workingDays.js";
import { evaluateTable, type TableOptions } from "../sheets/evaluateTable.js";
import { evaluateStream, type StreamOptions } from "../sheets/evaluateStream.js";
import { didYouMean } from "../_lib/didYouMean.js";
import { cut, quote } from "../_lib/text.js";
import { deepFreeze } from "../_lib/deepFreeze.js";
import { RulesetError, formatPath } from "../ruleset/RulesetError.js";
import { namesRead, valueAt } from "../ruleset/reads.js";
import type { Model } from "../compile/model.js";
import { registerModel } from "./models.js";
import { evaluateSubject } from "../evaluate/evaluate.js";
import type { EvaluateOptions, Result, SourceDocument, SubjectEvent } from "../evaluate/types.js";
import type { RulesetSource } from "../ruleset/schema.js";
import type { Bilingual as BilingualText } from "../evaluate/types.js";
import { explain, type ExplainOptions } from "../words/explain.js";
import { publication, type Publication, type PublicationOptions } from "../words/publication.js";

/** A declared fact, as a table or a form needs to know it. */
export interface FactInfo {
  readonly id: string;
  readonly type: "boolean" | "decimal" | "integer" | "enum" | "list";
  readonly label: BilingualText;
  readonly required: boolean;
  /** Allowed values of an enum, or the veto catalogue of a list. */
  readonly values?: readonly string[];
}

/**
 * The subject a scheme takes. For a bundled ruleset its facts are typed (a misspelt or missing
 * fact is a type error, and facts autocomplete); for any other ruleset anything goes at compile
 * time, and `evaluate` checks it at run time.
 */
export type SubjectOf<F> = unknown extends F
  ? unknown
  : {
      readonly id: string;
      readonly name?: string;
      readonly facts: F;
      readonly events?: readonly SubjectEvent[];
      readonly history?: readonly unknown[];
    };

/**
 * A compiled ruleset: checked once, then evaluates any number of subjects. Pure and frozen.
 * `F` is the type of its facts: a bundled ruleset's (from `BundledFacts`), or, for any other
 * ruleset, anything (checked at run time). A plain `Scheme` holds either.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- `Scheme` without an argument must hold a typed scheme too
export interface Scheme<F = any> {
  /** The ruleset id, e.g. `rushan/member`. */
  readonly id: string;
  /** The ruleset edition; `"<base>+override"` when parameters were overridden. */
  readonly version: string;
  /** The scheme's title, e.g. 乳山市社区党员“十星级”评定. */
  readonly title: BilingualText;
  /** The ruleset data this scheme was compiled from. */
  readonly ruleset: RulesetSource;
  /** The declared facts, in declaration order. */
  readonly facts: readonly FactInfo[];
  /** The source documents by key: trace entries cite them as `source.document`. */
  readonly documents: Readonly<Record<string, SourceDocument>>;
  /**
   * Evaluates one subject. Bad subject data gives `ok: false` with paths, never a throw.
   *
   * @param subject - `{ id, facts, events? }`
   * @param options - `asOf` (ISO date; the clock is never read) and `history` (earlier results, oldest first)
   */
  evaluate(subject: SubjectOf<F>, options?: EvaluateOptions): Result;
  /**
   * Evaluates a cohort: each subject alone, then the ruleset's cohort rules (quotas, last-place
   * elimination) and ranking. One result per input, in order; bad rows are `ok: false`.
   *
   * @param subjects - `{ id, facts, history? }[]`
   * @param options - `asOf`, shared by every subject
   */
  evaluateCohort(subjects: Iterable<SubjectOf<F>>, options?: CohortOptions): CohortResult;
  /**
   * The same scheme with some parameters overridden (a simulation). Its `version` ends in
   * `+override`. Unknown names and wrong types throw a {@link RulesetError}.
   */
  with(parameters: Readonly<Record<string, unknown>>): Scheme<F>;
  /**
   * The due date of a procedure step declared in the ruleset (e.g. Qianjin's `appeal`, 15 working
   * days), counted from the day after `fromDate` (民法典 Art. 201) on `calendar` (Monday–Friday by
   * default). A period of calendar days that ends on a day off ends on the next working day
   * (Art. 203). Use a `strict` calendar, or `calendar.count`, to be told when the count leaves the
   * calendar's coverage.
   *
   * @throws RangeError for a step id the ruleset does not declare, or a step without a duration.
   */
  deadline(stepId: string, fromDate: string, options?: { readonly calendar?: WorkingDayCalendar }): string;
  /**
   * Evaluates a spreadsheet table: a header row of fact ids or their Chinese labels (and `id` or
   * `编号`), cells as Sheets, Excel and WPS give them. Returns a header row and one row per input
   * row: `id`, `rating`, `tier`, `stars`, `vetoes`, `remediation`, `nextStar`, `error`. A bad row
   * gets its error in the `error` cell; the other rows still evaluate, as one cohort.
   */
  evaluateTable(table: readonly (readonly unknown[])[], options?: TableOptions): (string | number | boolean)[][];
  /**
   * Evaluates subjects as they arrive (async or sync iterable), in constant memory, yielding one
   * result per subject in order. Rulesets with cohort rules need `{ cohortRules: "ignore" }`.
   */
  evaluateStream(subjects: AsyncIterable<SubjectOf<F>> | Iterable<SubjectOf<F>>, options?: StreamOptions): AsyncGenerator<Result, void, undefined>;
  /** The procedure steps, in order, with their durations. */
  readonly procedure: readonly ProcedureStep[];
  /**
   * The text a clerk hands to the subject: rating and tier with their actions, each star earned
   * or not with the values that decided it, vetoes, adjustments, remediation steps with due
   * dates, and what it would take for the next star. Chinese by default (`{ locale: "en" }` for
   * English). A rejection is explained by its errors.
   *
   * @throws TypeError for a result of another scheme.
   */
  explain(result: Result, options?: ExplainOptions): string;
  /**
   * The public notice (公示) of a cohort: a title, the rated subjects in rating order (name or id,
   * rating, stars earned, tier), the notice period from the ruleset's publication step counted
   * from the day after `from` (民法典 Art. 201; a period ending on a day off ends on the next
   * working day, Art. 203) and the appeal deadline where declared; as rows and as `text`.
   *
   * @throws TypeError for a missing `from` or a cohort of another scheme.
   */
  publication(cohort: CohortResult, options: PublicationOptions): Publication;
}

/** A step of a scheme's procedure (初评, 公示, 申诉…). */
export interface ProcedureStep {
  readonly id: string;
  readonly label: BilingualText;
  readonly workingDays?: number;
  readonly calendarDays?: number;
}

/** Wraps a model in the public {@link Scheme} face. */
export function schemeOf(model: Model): Scheme {
  const scheme = schemeFace(model);
  registerModel(scheme, model);
  return scheme;
}

function schemeFace(model: Model): Scheme {
  const facts = model.facts.map((f) =>
    Object.freeze({
      id: f.id,
      type: f.type,
      label: f.label,
      required: !f.hasDefault,
      // A copy: the model's own list is what validation reads.
      ...(f.values ? { values: Object.freeze([...f.values]) } : {}),
    }),
  );
  return Object.freeze({
    id: model.id,
    version: model.version,
    title: model.source.title,
    ruleset: deepFreeze(model.source),
    facts: Object.freeze(facts),
    documents: Object.freeze(Object.fromEntries(Object.entries(model.source.documents).map(([k, d]) => [k, Object.freeze({ publisher: d.publisher, title: d.title, date: d.date })]))),
    evaluate: (subject: unknown, options?: EvaluateOptions) => evaluateSubject(model, subject, options),
    evaluateCohort: (subjects: Iterable<unknown>, options?: CohortOptions) => evaluateCohort(model, subjects, options),
    with: (parameters: Readonly<Record<string, unknown>>) => {
      const source = overrideParameters(model.source, parameters);
      return schemeOf(buildOverride(source, parameters, overridesOf(model.source, model.overrides, parameters)));
    },
    evaluateTable: (table: readonly (readonly unknown[])[], options?: TableOptions) => evaluateTable(model, table, options),
    evaluateStream: (subjects: AsyncIterable<unknown> | Iterable<unknown>, options?: StreamOptions) => evaluateStream(model, subjects, options),
    deadline: (stepId: string, fromDate: string, options?: { readonly calendar?: WorkingDayCalendar }) => deadline(model, stepId, fromDate, options?.calendar ?? weekdays),
    explain: (result: Result, options?: ExplainOptions) => explain(model, result, options),
    publication: (cohort: CohortResult, options: PublicationOptions) => publication(model, cohort, options),
    procedure: Object.freeze(model.procedure.map((p) => Object.freeze({ id: p.id, label: p.label, ...(p.workingDays !== undefined ? { workingDays: p.workingDays } : {}), ...(p.calendarDays !== undefined ? { calendarDays: p.calendarDays } : {}) }))),
  });
}

function deadline(model: Model, stepId: string, fromDate: string, calendar: WorkingDayCalendar): string {
  const step = model.procedure.find((p) => p.id === stepId);
  if (!step) {
    throw new RangeError(`ruleset "${model.id}" declares no procedure step "${stepId}"${didYouMean(stepId, model.procedure.map((p) => p.id))}; its steps are ${model.procedure.map((p) => p.id).join(", ")}`);
  }
  const due = stepDue(step, fromDate, calendar);
  if (due !== undefined) return due;
  throw new RangeError(`procedure step "${stepId}" of "${model.id}" has no duration, so it has no due date`);
}

/**
 * Checks a ruleset and compiles it into a {@link Scheme}.
 *
 * @remarks
 * Validates the JSON against the ruleset format, parses and type-checks every expression
 * against the declared facts, parameters and scores, checks that tiers cover every rating
 * exactly once, and compiles conditions to closures (no `eval`). Pure: the input is not
 * mutated.
 *
 * @param ruleset - A parsed ruleset, e.g. `rulesets["rushan/member"]`, or
 *   `{ extends: "qianjin/organization", parameters: { … } }` to override some parameters of a
 *   bundled ruleset (the result's version ends in `+override`).
 * @returns A frozen {@link Scheme}.
 * @throws {@link RulesetError} listing every problem found, each with its JSON path.
 *
 * @example
 * ```ts
 * import { compile, rulesets } from "xingji";
 * const scheme = compile(rulesets["rushan/member"]);
 * scheme.evaluate({ id: "m-1", facts: { ... } }).rating; // { stars: 8, max: 10 }
 * ```
 */
export function compile<Id extends BundledRulesetId>(ruleset: BundledRuleset<Id> | { readonly extends: Id | BundledRuleset<Id>; readonly parameters?: Readonly<Record<string, unknown>> }): Scheme<BundledFacts[Id]>;
export function compile(ruleset: unknown): Scheme;
export function compile(ruleset: unknown): Scheme {
  misuse(ruleset);
  if (isExtension(ruleset)) {
    const source = resolveExtension(ruleset, bundledRulesets());
    const base = baseOf(ruleset, bundledRulesets())!;
    return schemeOf(buildOverride(source, ruleset.parameters, overridesOf(base, undefined, (ruleset.parameters ?? {}) as Record<string, unknown>)));
  }
  return schemeOf(buildModel(ruleset));
}

/**
 * Compiles a ruleset whose `parameters` were overridden. A problem the new values cause
 * elsewhere (a tier bound, a quota) is reported at the parameter that caused it,
 * `parameters.<name>`, saying where it broke; the parameters' own checks (type, allowed values,
 * min/max) report there anyway.
 */
function buildOverride(source: RulesetSource, parameters: unknown, overrides: ReadonlyMap<string, Override>): Model {
  try {
    return buildModel(source, overrides);
  } catch (e) {
    if (!(e instanceof RulesetError) || parameters === null || typeof parameters !== "object") throw e;
    const names = Object.keys(parameters);
    const issues = e.issues.map((i) => {
      if (i.path[0] === "parameters" && names.includes(String(i.path[1]))) return i;
      // The overridden names that the broken part reads (as a name in an expression or a reference).
      const culprits = namesRead(source, valueAt(source, i.path), (w) => names.includes(w));
      const blamed = culprits.length ? culprits : names;
      return { code: i.code, path: ["parameters", blamed[0]!], message: `overriding ${blamed.map((n) => `"${n}"`).join(", ")} breaks the ruleset at ${formatPath(i.path)}: ${i.message}` };
    });
    throw new RulesetError(e.ruleset, issues);
  }
}


/** What a caller most likely did wrong, when `compile` gets something that is not a ruleset object. */
function misuse(ruleset: unknown): void {
  const rulesets = bundledRulesets();
  let message: string | undefined;
  if (ruleset === undefined) message = `compile() got undefined: is the rulesets[…] id right? bundled: ${Object.keys(rulesets).join(", ")}`;
  else if (typeof ruleset === "string") {
    message = ruleset.trim().startsWith("{")
      ? `compile() got a string of JSON text (${cut(ruleset, 40)}): JSON.parse it first`
      : `compile() got the string ${quote(ruleset, 40)}: pass the ruleset data, e.g. compile(rulesets[${quote(ruleset, 40)}]) for a bundled one${Object.prototype.hasOwnProperty.call(rulesets, ruleset) ? "" : didYouMean(ruleset, Object.keys(rulesets))}`;
  }
  else if (ruleset === null || typeof ruleset !== "object" || Array.isArray(ruleset)) message = `compile() expects a ruleset object (or { extends, parameters }), got ${ruleset === null ? "null" : Array.isArray(ruleset) ? "a list" : `a ${typeof ruleset}`}`;
  if (message) throw new RulesetError(undefined, [{ code: "invalid_schema", path: [], message }]);
}
