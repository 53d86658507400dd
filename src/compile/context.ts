/**
 * What a section of the compiler (rating and tiers, cohort rules) needs from the compiler: the
 * ruleset, and reporting, sources, traces and expressions. An interface of its own, so the
 * sections depend on it and not on the compiler that calls them (no import cycle).
 */
import type { Q } from "../_lib/decimal.js";
import type { Node } from "../expr/ast.js";
import type { ExactFn } from "../expr/exact.js";
import type { FastFn } from "../expr/fast.js";
import type { Scope } from "../expr/types.js";
import type { ParameterOverride, Provenance, TraceEntry } from "../evaluate/types.js";
import type { IssuePath, RulesetIssue } from "../ruleset/RulesetError.js";
import type { RulesetSource, SourceRef } from "../ruleset/schema.js";

type Path = (string | number)[];

/** The compiler as its sections see it. */
export interface BuildContext {
  /** The ruleset being compiled (already shape-checked). */
  readonly r: RulesetSource;
  /** Reports a problem at a JSON path. */
  issue(code: RulesetIssue["code"], path: IssuePath, message: string): void;
  /** The source of a rule, checked (an unknown document is reported). */
  provenance(src: SourceRef | undefined, path: Path): Provenance | undefined;
  /** A precomputed trace entry. */
  trace(rule: string, path: Path, outcome: string, prov: Provenance | undefined, value?: string): TraceEntry;
  /** The overridden parameters the rule at `path` reads (undefined when none, or for an official scheme). */
  overridesAt(path: readonly (string | number)[]): readonly ParameterOverride[] | undefined;
  /** Parses, type-checks and compiles an expression; reports problems at `path`. */
  expr(src: string, path: Path, scope: Scope, want: "boolean" | "number"): { node: Node; fn: ExactFn; fast?: FastFn } | undefined;
  /** A number, a decimal string, or a constant expression over parameters, folded. */
  num(ref: number | string | undefined, path: Path, what: string): Q | undefined;
  /** The same, as a whole number. */
  int(ref: number | string | undefined, path: Path, what: string): number | undefined;
  /** The fast form of `score >= min`, for a rating band. */
  bandFast(score: string, min: Q | undefined): FastFn | undefined;
}
