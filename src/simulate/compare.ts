/**
 * Simulations: the same subjects as a cohort under two schemes (two editions, or a scheme and its
 * `with(...)`), subject by subject, with the rules and parameters whose decision differs, and
 * the aggregates an organization department asks for. Linear in the cohort's size.
 */
import { Q } from "../_lib/decimal.js";
import { evaluateCohort, type CohortOptions, type CohortResult } from "../cohort/evaluateCohort.js";
import { modelOf } from "../scheme/models.js";
import type { Model } from "../compile/model.js";
import { namesRead, parameterText, sameParameterValue, valueAt } from "../ruleset/reads.js";
import type { Evaluation, Result, SubjectError, TraceEntry } from "../evaluate/types.js";

/** A parameter whose value differs between the two schemes. */
export interface ParameterChange {
  readonly parameter: string;
  readonly before: string;
  readonly after: string;
}

/** A subject's outcome under one scheme, in short. */
export interface OutcomeSummary {
  /** Star count, level or grade. */
  readonly rating: number | string;
  readonly tier: string;
  /** Ids of the stars earned. */
  readonly stars: readonly string[];
  /** Ids of the veto items that applied. */
  readonly vetoes: readonly string[];
  /** Ids of the remediation steps. */
  readonly steps: readonly string[];
  /** The year's payments (sum of `perYear`), exact; "0" where the scheme pays nothing. */
  readonly payments: string;
}

/** Why a subject's outcome differs: a rule that decided differently, and the changed parameters it reads. */
export interface Reason {
  /** The rule, e.g. `quota.fiveStar`, `stars.massRecognition`, `rating`. */
  readonly rule: string;
  /** The changed parameters the rule reads (empty when the rule changed only through another one, e.g. a tier following the rating). */
  readonly parameters: readonly ParameterChange[];
  /** What the rule decided before and after (`"not applied"` when it did not apply). */
  readonly before: string;
  readonly after: string;
  /** In words: `fiveStarShare 0.15 → 0.2: quota.fiveStar no longer demotes o-12`. */
  readonly text: string;
}

/** One subject under both schemes. */
export interface ComparedSubject {
  /** Its position in the input. */
  readonly index: number;
  readonly id: string;
  readonly name?: string;
  readonly before: OutcomeSummary;
  readonly after: OutcomeSummary;
  /** Up, down or the same rating (grades by their order, best first). */
  readonly moved: "up" | "down" | "same";
  readonly starsGained: readonly string[];
  readonly starsLost: readonly string[];
  /** The rules whose decision differs, with the parameters behind them. */
  readonly why: readonly Reason[];
}

/** The comparison of two schemes over one cohort. */
export interface Comparison {
  /** The parameters whose values differ. */
  readonly parameters: readonly ParameterChange[];
  /** Every valid subject, in input order. */
  readonly subjects: readonly ComparedSubject[];
  /** Subjects whose data is bad (under the base scheme), once each, with their errors. */
  readonly errors: readonly { readonly index: number; readonly id: string | undefined; readonly errors: readonly SubjectError[] }[];
  readonly counts: { readonly up: number; readonly down: number; readonly same: number };
  /** Rating value → count of valid subjects, before and after. */
  readonly distribution: { readonly before: Readonly<Record<string, number>>; readonly after: Readonly<Record<string, number>> };
  /** Per tier id, how many subjects entered it and how many left it. */
  readonly tiers: Readonly<Record<string, { readonly entered: number; readonly left: number }>>;
  /** Where either scheme pays: the year's totals and their exact difference (after − before). */
  readonly payments?: { readonly before: string; readonly after: string; readonly difference: string };
  /** The two cohorts, in full. */
  readonly base: CohortResult;
  readonly reform: CohortResult;
}

const freeze = Object.freeze;


/** The parameters whose values differ between two rulesets. */
function parameterChanges(a: Model, b: Model): ParameterChange[] {
  const pa = a.source.parameters ?? {}, pb = b.source.parameters ?? {};
  const out: ParameterChange[] = [];
  for (const name of new Set([...Object.keys(pa), ...Object.keys(pb)])) {
    const inA = Object.prototype.hasOwnProperty.call(pa, name), inB = Object.prototype.hasOwnProperty.call(pb, name);
    if (inA && inB && sameParameterValue(pa[name]!.value, pb[name]!.value)) continue;
    out.push(freeze({ parameter: name, before: inA ? parameterText(pa[name]!.value) : "(none)", after: inB ? parameterText(pb[name]!.value) : "(none)" }));
  }
  return out;
}

/** Two schemes can be compared when they take the same facts; else a TypeError saying what each lacks. */
function checkFacts(a: Model, b: Model): void {
  const fa = new Set(a.facts.map((f) => f.id)), fb = new Set(b.facts.map((f) => f.id));
  const onlyA = [...fa].filter((f) => !fb.has(f)), onlyB = [...fb].filter((f) => !fa.has(f));
  if (onlyA.length || onlyB.length) {
    throw new TypeError(
      `compare() needs two schemes that take the same facts: ${a.id}@${a.version} has ${onlyA.length ? onlyA.join(", ") : "nothing"} that ${b.id}@${b.version} lacks, and lacks ${onlyB.length ? onlyB.join(", ") : "nothing"}`,
    );
  }
}

function summary(r: Evaluation): OutcomeSummary {
  let paid = Q.ZERO;
  for (const p of r.tier.payments ?? []) paid = paid.add(Q.of(p.perYear));
  return freeze({
    rating: r.rating.grade ?? r.rating.stars!,
    tier: r.tier.id,
    stars: freeze(r.stars.filter((s) => s.earned).map((s) => s.id)),
    vetoes: freeze(r.vetoes.map((v) => v.id)),
    steps: freeze(r.remediation.steps.map((s) => s.id)),
    payments: paid.toString(),
  });
}

/**
 * What each rule decided in a trace, as comparable words: a star earned or not, a quota's or
 * last place's result, a score's or the rating's value, a tier or a step that applied. Wording
 * that only restates a parameter (the cap of a quota that demotes both times) is not a difference.
 */
function decisions(trace: readonly TraceEntry[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const t of trace) {
    const r = t.rule;
    const text =
      r.startsWith("stars.") ? (t.outcome === "earned" ? "earned" : "not earned")
      : r.startsWith("quota.") || r.startsWith("lastPlace.") ? `applied: ${t.value ?? ""}`
      : t.value !== undefined ? t.value
      : t.outcome;
    m.set(r, m.has(r) ? `${m.get(r)!}; ${text}` : text);
  }
  return m;
}

/** The changed parameters a rule reads: names in its JSON (and in the scores it names) at `path`. */
function readsOf(model: Model, path: readonly (string | number)[], changed: ReadonlyMap<string, ParameterChange>, memo: Map<string, ParameterChange[]>): ParameterChange[] {
  const key = path.join("\u0000");
  let hit = memo.get(key);
  if (hit) return hit;
  const found = namesRead(model.source, valueAt(model.source, path), (w) => changed.has(w));
  hit = found.map((n) => changed.get(n)!);
  memo.set(key, hit);
  return hit;
}

/** The words of one reason. */
function reasonText(rule: string, id: string, params: readonly ParameterChange[], before: string | undefined, after: string | undefined, through = false): string {
  const head = params.length ? `${params.map((p) => `${p.parameter} ${p.before} → ${p.after}`).join(", ")}${through ? " (through the cohort's other rules)" : ""}: ` : "";
  if (rule.startsWith("quota.") || rule.startsWith("lastPlace.")) {
    const what = rule.startsWith("quota.") ? "demotes" : "removes a star of";
    return `${head}${rule} ${before === undefined ? `now ${what}` : after === undefined ? `no longer ${what}` : `${what}`} ${id}`;
  }
  return `${head}${rule}: ${before ?? "not applied"} → ${after ?? "not applied"}`;
}

/** Grades by their order (best first), numbers as they are: > 0 when `b` is better than `a`. */
function direction(model: Model, a: number | string, b: number | string): number {
  if (typeof a === "number" && typeof b === "number") return b - a;
  const grades = model.rating.kind === "grades" ? model.rating.grades : [];
  return grades.indexOf(String(a)) - grades.indexOf(String(b));
}

function count(into: Record<string, number>, key: string): void {
  into[key] = (into[key] ?? 0) + 1;
}

/**
 * Evaluates the same subjects as a cohort under two schemes and says, subject by subject, what
 * changed and why (the rules whose decision differs, with the changed parameters they read),
 * with the aggregates: moved up / down / unchanged, the distribution before and after, tiers
 * entered and left, and the year's payments with their exact difference. Bad rows are listed
 * once, with their errors.
 *
 * @throws TypeError when either is not a compiled scheme, or when the two take different facts.
 */
export function compare(base: unknown, reform: unknown, subjects: Iterable<unknown>, options?: CohortOptions): Comparison {
  const a = modelOf(base), b = modelOf(reform);
  checkFacts(a, b);
  const list = [...subjects];
  const before = evaluateCohort(a, list, options);
  const after = evaluateCohort(b, list, options);
  const params = parameterChanges(a, b);
  const changed = new Map(params.map((p) => [p.parameter, p]));
  const memoA = new Map<string, ParameterChange[]>(), memoB = new Map<string, ParameterChange[]>();
  const compared: ComparedSubject[] = [];
  const errors: Comparison["errors"][number][] = [];
  const counts = { up: 0, down: 0, same: 0 };
  const distBefore: Record<string, number> = {}, distAfter: Record<string, number> = {};
  const tiers: Record<string, { entered: number; left: number }> = {};
  for (let i = 0; i < list.length; i++) {
    const x: Result = before.results[i]!, y: Result = after.results[i]!;
    if (!x.ok || !y.ok) {
      const bad = !x.ok ? x : (y as Extract<Result, { ok: false }>);
      errors.push(freeze({ index: i, id: bad.id, errors: bad.errors }));
      continue;
    }
    const sx = summary(x), sy = summary(y);
    count(distBefore, String(sx.rating));
    count(distAfter, String(sy.rating));
    if (sx.tier !== sy.tier) {
      (tiers[sx.tier] ??= { entered: 0, left: 0 }).left++;
      (tiers[sy.tier] ??= { entered: 0, left: 0 }).entered++;
    }
    const d = direction(a, sx.rating, sy.rating);
    const moved = d > 0 ? "up" : d < 0 ? "down" : "same";
    counts[moved]++;
    // The rules that decided differently, from the two traces.
    const why: Reason[] = [];
    const dx = decisions(x.trace), dy = decisions(y.trace);
    const pathOf = new Map<string, readonly (string | number)[]>();
    for (const t of x.trace) pathOf.set(t.rule, t.path);
    for (const t of y.trace) if (!pathOf.has(t.rule)) pathOf.set(t.rule, t.path);
    for (const rule of new Set([...dx.keys(), ...dy.keys()])) {
      const p = dx.get(rule), q = dy.get(rule);
      if (p === q) continue;
      const path = pathOf.get(rule)!;
      let reads = dy.has(rule) ? readsOf(b, path, changed, memoB) : readsOf(a, path, changed, memoA);
      let through = false;
      // A cohort rule that reads no changed parameter moved because the cohort did: the changed
      // parameters of the cohort rules (a quota's cascade) are behind it.
      if (!reads.length && (rule.startsWith("quota.") || rule.startsWith("lastPlace."))) {
        reads = readsOf(b, ["cohort"], changed, memoB);
        through = reads.length > 0;
      }
      why.push(freeze({ rule, parameters: freeze(reads), before: p ?? "not applied", after: q ?? "not applied", text: reasonText(rule, x.id, reads, p, q, through) }));
    }
    const ex = new Set(sx.stars), ey = new Set(sy.stars);
    compared.push(
      freeze({
        index: i,
        id: x.id,
        ...(x.name !== undefined ? { name: x.name } : {}),
        before: sx,
        after: sy,
        moved,
        starsGained: freeze(sy.stars.filter((s) => !ex.has(s))),
        starsLost: freeze(sx.stars.filter((s) => !ey.has(s))),
        why: freeze(why),
      }),
    );
  }
  const pays = before.payments || after.payments;
  return freeze({
    parameters: freeze(params),
    subjects: freeze(compared),
    errors: freeze(errors),
    counts: freeze(counts),
    distribution: freeze({ before: freeze(distBefore), after: freeze(distAfter) }),
    tiers: freeze(Object.fromEntries(Object.entries(tiers).map(([k, v]) => [k, freeze(v)]))),
    ...(pays
      ? {
          payments: freeze({
            before: before.payments?.total ?? "0",
            after: after.payments?.total ?? "0",
            difference: Q.of(after.payments?.total ?? "0").sub(Q.of(before.payments?.total ?? "0")).toString(),
          }),
        }
      : {}),
    base: before,
    reform: after,
  });
}
