/**
 * xingji (星级): declarative rulesets for Chinese grassroots party star-rating schemes,
 * compiled into exact, pure evaluators.
 *
 * @packageDocumentation
 */
export { compile } from "./scheme/scheme.js";
export { version } from "./version.js";
export type { Scheme, FactInfo, ProcedureStep, SubjectOf } from "./scheme/scheme.js";
export type * from "./rulesets/facts.js";
export { workingDays } from "./calendar/workingDays.js";
export type { ExplainOptions } from "./words/explain.js";
export type { Publication, PublicationOptions, PublicationRow } from "./words/publication.js";
export type { Locale } from "./words/render.js";
export type { Cell, TableOptions, ExtraColumn } from "./sheets/evaluateTable.js";
export type { StreamOptions } from "./sheets/evaluateStream.js";
export type { WorkingDayCalendar, WorkingDayOptions, CountedDate } from "./calendar/workingDays.js";
export type { Extension } from "./compile/extend.js";
export type { CohortOptions, CohortResult, Adjustment } from "./cohort/evaluateCohort.js";
export { rulesets } from "./rulesets.js";
export type { BundledRulesetId, BundledRuleset } from "./rulesets/bundled.js";
export { compact } from "./store/compact.js";
export { compare } from "./simulate/compare.js";
export { compareTable } from "./simulate/compareTable.js";
export { runFixtures } from "./testing/fixtures.js";
export { coverage } from "./testing/coverage.js";
export type { Coverage, CoverageItem, CoverageOptions } from "./testing/coverage.js";
export type { Fixtures, FixtureCase, FixtureExpectation, FixtureFailure, FixtureReport } from "./testing/fixtures.js";
export type { CompareTableOptions } from "./simulate/compareTable.js";
export type { Comparison, ComparedSubject, OutcomeSummary, Reason, ParameterChange } from "./simulate/compare.js";
export { RulesetError } from "./ruleset/RulesetError.js";
export type { RulesetIssue, RulesetIssueCode, IssuePath } from "./ruleset/RulesetError.js";
export type { RulesetSource } from "./ruleset/schema.js";
export type {
  Subject,
  SubjectEvent,
  EvaluateOptions,
  Result,
  Evaluation,
  Rejection,
  SubjectError,
  SubjectErrorCode,
  ErrorParams,
  ErrorParam,
  StarResult,
  RatingResult,
  VetoResult,
  TierResult,
  PaymentResult,
  RemediationResult,
  StepResult,
  NextStar,
  NextLevel,
  FactChange,
  ChangeResult,
  TraceEntry,
  ParameterOverride,
  Provenance,
  SourceDocument,
  StoredResult,
  Bilingual,
} from "./evaluate/types.js";
