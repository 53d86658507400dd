import { buildModel } from "./compile.js";
import { isExtension, overrideParameters, resolveExtension } from "./extend.js";
import { evaluateCohort, type CohortOptions, type CohortResult } from "../cohort/evaluateCohort.js";
import { rulesets } from "../rulesets.js";
import type { Model } from "./model.js";
import { evaluateSubject } from "../evaluate/evaluate.js";
import type { EvaluateOptions, Result } from "../evaluate/types.js";
import type { RulesetSource } from "../ruleset/schema.js";
import type { Bilingual as BilingualText } from "../evaluate/types.js";

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
 * A compiled ruleset: checked once, then evaluates any number of subjects. Pure and frozen.
 */
export interface Scheme {
  /** The ruleset id, e.g. `rushan/member`. */
  readonly id: string;
  /** The ruleset edition; `"<base>+override"` when parameters were overridden. */
  readonly version: string;
  readonly title: BilingualText;
  /** The ruleset data this scheme was compiled from. */
  readonly ruleset: RulesetSource;
  /** The declared facts, in declaration order. */
  readonly facts: readonly FactInfo[];
  /**
   * Evaluates one subject. Bad subject data gives `ok: false` with paths, never a throw.
   *
   * @param subject - `{ id, facts, events? }`
   * @param options - `asOf` (ISO date; the clock is never read) and `history` (earlier results, oldest first)
   */
  evaluate(subject: unknown, options?: EvaluateOptions): Result;
  /**
   * Evaluates a cohort: each subject alone, then the ruleset's cohort rules (quotas, last-place
   * elimination) and ranking. One result per input, in order; bad rows are `ok: false`.
   *
   * @param subjects - `{ id, facts, history? }[]`
   * @param options - `asOf`, shared by every subject
   */
  evaluateCohort(subjects: Iterable<unknown>, options?: CohortOptions): CohortResult;
  /**
   * The same scheme with some parameters overridden (a simulation). Its `version` ends in
   * `+override`. Unknown names and wrong types throw a {@link RulesetError}.
   */
  with(parameters: Readonly<Record<string, unknown>>): Scheme;
}

function deepFreeze<T>(v: T): T {
  if (v && typeof v === "object" && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const k of Object.keys(v)) deepFreeze((v as Record<string, unknown>)[k]);
  }
  return v;
}

/** Wraps a model in the public {@link Scheme} face. */
export function schemeOf(model: Model): Scheme {
  const facts = model.facts.map((f) =>
    Object.freeze({
      id: f.id,
      type: f.type,
      label: f.label,
      required: !f.hasDefault,
      ...(f.values ? { values: f.values } : {}),
    }),
  );
  return Object.freeze({
    id: model.id,
    version: model.version,
    title: model.source.title,
    ruleset: deepFreeze(model.source),
    facts: Object.freeze(facts),
    evaluate: (subject: unknown, options?: EvaluateOptions) => evaluateSubject(model, subject, options),
    evaluateCohort: (subjects: Iterable<unknown>, options?: CohortOptions) => evaluateCohort(model, subjects, options),
    with: (parameters: Readonly<Record<string, unknown>>) => schemeOf(buildModel(overrideParameters(model.source, parameters))),
  });
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
export function compile(ruleset: unknown): Scheme {
  return schemeOf(buildModel(isExtension(ruleset) ? resolveExtension(ruleset, rulesets) : ruleset));
}
