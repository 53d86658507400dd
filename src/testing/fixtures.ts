/**
 * Declarative ruleset tests: a JSON file of named cases (a subject or a cohort, with `asOf`,
 * `history`, `events` and parameter overrides), each with the expected outcome as a partial
 * match. `runFixtures` runs them and returns every failure with its path, expected and got. The
 * format has a JSON Schema (`rulesets/fixtures.schema.json`). No I/O here: the CLI reads files.
 */
import * as z from "zod/mini";
import { Q } from "../_lib/decimal.js";
import { about, text } from "../ruleset/schema.js";
import type { Scheme } from "../scheme/scheme.js";
import type { CohortResult } from "../cohort/evaluateCohort.js";
import type { Evaluation, Result } from "../evaluate/types.js";

function define() {
  const Subject = about(z.record(z.string(), z.unknown()), "A subject: { id, name?, facts, events? }, as evaluate takes it");
  /** The expected outcome of one subject: every key optional, each compared exactly. */
  const Expect = z.strictObject({
    ok: z.optional(about(z.boolean(), "false when the subject's data must be rejected")),
    rating: z.optional(about(z.union([z.number(), z.string()]), "The star count, level or grade")),
    tier: z.optional(text("The tier id")),
    earned: z.optional(about(z.array(z.string()), "Stars that must be earned (others may be too)")),
    notEarned: z.optional(about(z.array(z.string()), "Stars that must not be earned")),
    stars: z.optional(about(z.array(z.string()), "Exactly the stars earned, in the ruleset's order")),
    vetoes: z.optional(about(z.array(z.string()), "Exactly the veto items that applied")),
    steps: z.optional(about(z.array(z.string()), "Exactly the remediation steps, in order")),
    due: z.optional(about(z.array(z.string()), "The steps' due dates, in order")),
    scores: z.optional(about(z.record(z.string(), z.string()), "Scores that must have these exact values")),
    qualified: z.optional(z.boolean()),
    actions: z.optional(about(z.array(z.string()), "Exactly the tier's actions")),
    bonusPoints: z.optional(z.string()),
    payments: z.optional(about(z.string(), "The year's payments (sum of perYear), exact")),
    nextLevel: z.optional(about(z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])), "The changes the next rating takes: fact → value")),
    nextStar: z.optional(about(z.record(z.string(), z.record(z.string(), z.union([z.number(), z.string(), z.boolean()]))), "Per star not earned, the changes it takes: fact → value")),
    errors: z.optional(about(z.array(z.string()), "For ok: false, the error codes, in order")),
  });
  const Case = z.strictObject({
    name: text("What the case shows, e.g. 6分 is not above 6"),
    asOf: z.optional(text("The evaluation date, yyyy-MM-dd")),
    parameters: z.optional(about(z.record(z.string(), z.unknown()), "Parameters to override for this case (a simulation)")),
    history: z.optional(about(z.array(z.unknown()), "Earlier results (full or compact), oldest first")),
    subject: z.optional(Subject),
    expect: z.optional(Expect),
    cohort: z.optional(about(z.array(Subject), "A cohort: the subjects, evaluated together")),
    expectCohort: z.optional(
      z.strictObject({
        results: z.optional(about(z.record(z.string(), Expect), "By subject id, what each result must be")),
        adjustments: z.optional(about(z.array(z.strictObject({ id: z.string(), rule: z.string(), from: z.union([z.number(), z.string()]), to: z.union([z.number(), z.string()]) })), "Exactly the cohort's adjustments (id, rule, from, to), in order")),
        distribution: z.optional(about(z.record(z.string(), z.number()), "Exactly the distribution")),
        payments: z.optional(text("The cohort's payments total, exact")),
      }),
    ),
  });
  const Fixtures = z.strictObject({
    $schema: z.optional(z.string()),
    ruleset: text("The ruleset: a bundled id (rushan/member), or a path relative to this file"),
    cases: about(z.array(Case), "The cases, each a subject or a cohort with what it must give"),
    uncovered: z.optional(about(z.record(z.string(), z.string()), "Rules the cases cannot reach, by coverage item id (stars.x.when[0], tiers.y, …), with the reason")),
  });
  return { Fixtures, Case, Expect };
}

type Schemas = ReturnType<typeof define>;
let built: Schemas | undefined;
/** The fixtures format's zod schemas (built on first use). */
export function fixtureSchemas(): Schemas {
  return (built ??= define());
}

/** A fixtures file, as JSON. */
export type Fixtures = z.infer<Schemas["Fixtures"]>;
/** One case of a fixtures file. */
export type FixtureCase = z.infer<Schemas["Case"]>;
/** The expected outcome of one subject. */
export type FixtureExpectation = z.infer<Schemas["Expect"]>;

/** A case that did not give what it expects. */
export interface FixtureFailure {
  /** The case's name. */
  readonly case: string;
  /** Where in the expectation, e.g. `["expect", "rating"]` or `["expectCohort", "results", "o1", "tier"]`. */
  readonly path: readonly (string | number)[];
  readonly expected: unknown;
  readonly got: unknown;
}

/** What `runFixtures` returns. */
export interface FixtureReport {
  /** Every failure, in case order; empty when all pass. */
  readonly failures: readonly FixtureFailure[];
  /** How many cases ran, and how many passed. */
  readonly cases: number;
  readonly passed: number;
  /** Every result the cases produced (for `coverage`). */
  readonly results: readonly Result[];
  /** The cohorts the cases produced (for `coverage` of quotas). */
  readonly cohorts: readonly CohortResult[];
}

/** An exact sum of decimal strings. */
const sum = (xs: readonly string[]): string => xs.reduce((acc, x) => acc.add(Q.of(x)), Q.ZERO).toString();

/** Compares one result with its expectation; pushes a failure per differing key. */
function check(name: string, at: readonly (string | number)[], r: Result, e: FixtureExpectation, out: FixtureFailure[]): void {
  const fail = (key: string, expected: unknown, got: unknown) => out.push(Object.freeze({ case: name, path: Object.freeze([...at, key]), expected, got }));
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  if (e.ok !== undefined && e.ok !== r.ok) fail("ok", e.ok, r.ok);
  if (!r.ok) {
    if (e.errors !== undefined && !same(e.errors, r.errors.map((x) => x.code))) fail("errors", e.errors, r.errors.map((x) => x.code));
    const wantsResult = Object.keys(e).some((k) => k !== "ok" && k !== "errors");
    if (wantsResult && e.ok !== false) fail("ok", true, r.errors.map((x) => `${x.code} at ${x.path.join(".")}`));
    return;
  }
  const v: Evaluation = r;
  const earned = v.stars.filter((s) => s.earned).map((s) => s.id);
  const rating = v.rating.grade ?? v.rating.stars;
  if (e.rating !== undefined && e.rating !== rating) fail("rating", e.rating, rating);
  if (e.tier !== undefined && e.tier !== v.tier.id) fail("tier", e.tier, v.tier.id);
  if (e.stars !== undefined && !same(e.stars, earned)) fail("stars", e.stars, earned);
  for (const s of e.earned ?? []) if (!earned.includes(s)) fail("earned", s, earned);
  for (const s of e.notEarned ?? []) if (earned.includes(s)) fail("notEarned", s, earned);
  const vetoes = v.vetoes.map((x) => x.id);
  if (e.vetoes !== undefined && !same(e.vetoes, vetoes)) fail("vetoes", e.vetoes, vetoes);
  const steps = v.remediation.steps.map((s) => s.id);
  if (e.steps !== undefined && !same(e.steps, steps)) fail("steps", e.steps, steps);
  const due = v.remediation.steps.map((s) => s.due ?? "");
  if (e.due !== undefined && !same(e.due, due)) fail("due", e.due, due);
  for (const [k, want] of Object.entries(e.scores ?? {})) if (v.scores[k] !== want) fail(`scores.${k}`, want, v.scores[k]);
  if (e.qualified !== undefined && e.qualified !== v.qualified) fail("qualified", e.qualified, v.qualified);
  const actions = v.tier.actions.map((a) => a.id);
  if (e.actions !== undefined && !same(e.actions, actions)) fail("actions", e.actions, actions);
  if (e.bonusPoints !== undefined && e.bonusPoints !== v.tier.bonusPoints) fail("bonusPoints", e.bonusPoints, v.tier.bonusPoints);
  if (e.payments !== undefined) {
    const paid = sum((v.tier.payments ?? []).map((p) => p.perYear));
    if (paid !== e.payments) fail("payments", e.payments, paid);
  }
  if (e.nextLevel !== undefined) {
    const l = v.remediation.nextLevel;
    const got = l ? Object.fromEntries(l.changes.map((c) => [c.fact, c.to])) : undefined;
    if (!same(e.nextLevel, got)) fail("nextLevel", e.nextLevel, got);
  }
  for (const [star, want] of Object.entries(e.nextStar ?? {})) {
    const n = v.remediation.nextStar.find((x) => x.star === star);
    const got = n ? Object.fromEntries(n.changes.map((c) => [c.fact, c.to])) : undefined;
    if (!same(want, got)) fail(`nextStar.${star}`, want, got);
  }
}

/**
 * Runs a fixtures file against a scheme: every case, each failure with its path, expected and
 * got. Throws a `TypeError` naming every problem when the fixtures are not in the format, or
 * name another bundled ruleset than the scheme's.
 */
export function runFixtures(scheme: Scheme, fixtures: unknown): FixtureReport {
  const parsed = fixtureSchemas().Fixtures.safeParse(fixtures);
  if (!parsed.success) {
    throw new TypeError(`not a fixtures file:\n${parsed.error.issues.map((i) => `  ${i.path.join(".") || "(root)"}: ${i.message}`).join("\n")}`);
  }
  const f = parsed.data;
  if (!f.ruleset.endsWith(".json") && f.ruleset !== scheme.id) throw new TypeError(`these fixtures are for ${f.ruleset}, not for ${scheme.id}`);
  const failures: FixtureFailure[] = [];
  const results: Result[] = [];
  const cohorts: CohortResult[] = [];
  let passed = 0;
  f.cases.forEach((c, i) => {
    const before = failures.length;
    const name = c.name;
    const s = c.parameters ? scheme.with(c.parameters) : scheme;
    if (c.subject !== undefined) {
      const r = s.evaluate(c.subject, { ...(c.asOf !== undefined ? { asOf: c.asOf } : {}), ...(c.history !== undefined ? { history: c.history } : {}) });
      results.push(r);
      if (c.expect) check(name, ["cases", i, "expect"], r, c.expect, failures);
    }
    if (c.cohort !== undefined) {
      const co = s.evaluateCohort(c.cohort, c.asOf !== undefined ? { asOf: c.asOf } : undefined);
      cohorts.push(co);
      results.push(...co.results);
      const e = c.expectCohort ?? {};
      for (const [id, want] of Object.entries(e.results ?? {})) {
        const r = co.results.find((x) => x.id === id);
        if (!r) failures.push(Object.freeze({ case: name, path: Object.freeze(["cases", i, "expectCohort", "results", id]), expected: "a result", got: "no such subject" }));
        else check(name, ["cases", i, "expectCohort", "results", id], r, want, failures);
      }
      const at = ["cases", i, "expectCohort"];
      const adj = co.adjustments.map((a) => ({ id: a.id, rule: a.rule, from: a.from, to: a.to }));
      if (e.adjustments !== undefined && JSON.stringify(e.adjustments) !== JSON.stringify(adj)) failures.push(Object.freeze({ case: name, path: Object.freeze([...at, "adjustments"]), expected: e.adjustments, got: adj }));
      if (e.distribution !== undefined && JSON.stringify(e.distribution) !== JSON.stringify(co.distribution)) failures.push(Object.freeze({ case: name, path: Object.freeze([...at, "distribution"]), expected: e.distribution, got: co.distribution }));
      if (e.payments !== undefined && e.payments !== co.payments?.total) failures.push(Object.freeze({ case: name, path: Object.freeze([...at, "payments"]), expected: e.payments, got: co.payments?.total }));
    }
    if (c.subject === undefined && c.cohort === undefined) failures.push(Object.freeze({ case: name, path: Object.freeze(["cases", i]), expected: "a subject or a cohort", got: "neither" }));
    if (failures.length === before) passed++;
  });
  return Object.freeze({ failures: Object.freeze(failures), cases: f.cases.length, passed, results: Object.freeze(results), cohorts: Object.freeze(cohorts) });
}
