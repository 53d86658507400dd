/**
 * The cohort rules as first written (linear scans, decimal.js comparisons): the reference the
 * O(n log n) implementation is checked against in test/cohortProperties.test.ts.
 */
import { frozenError, subjectError } from "../../src/words/subjectErrors.js";
import { Q } from "../../src/_lib/decimal.js";
import type { CCohort, Model } from "../../src/compile/model.js";
import { cappedValue, cohortTraceOf, decideSubject, factExact, finish, scoreExact, type CohortChange, type Decided } from "../../src/evaluate/evaluate.js";
import type { Bilingual, Rejection, Result, StarResult, TraceEntry } from "../../src/evaluate/types.js";

const freeze = Object.freeze;

/** Options of `evaluateCohort`. */
export interface CohortOptions {
  /** The evaluation date for every subject (ISO `yyyy-MM-dd`). */
  readonly asOf?: string;
}

/** A change a cohort rule made (or, in `report` mode, would make) to one subject's rating. */
export interface Adjustment {
  /** The subject's id. */
  readonly id: string;
  /** The rating before and after. */
  readonly from: number | string;
  readonly to: number | string;
  /** The cohort rule: `quota.<id>` or `lastPlace.<fact>`. */
  readonly rule: string;
  readonly reason: Bilingual;
  /** True when the subject tied with others at the cut, and the tie policy decided. */
  readonly tie: boolean;
  /** False in `report` mode, and for tied subjects kept over the cap by `keepTied`. */
  readonly applied: boolean;
}

/** The result of evaluating a cohort. Frozen. */
export interface CohortResult {
  /** One result per input subject, in input order; invalid ones have `ok: false`. */
  readonly results: readonly Result[];
  /** Every cohort-level change, in the order the rules applied. */
  readonly adjustments: readonly Adjustment[];
  /** Count of valid subjects per rating value (or grade), after adjustments. */
  readonly distribution: Readonly<Record<string, number>>;
  /** Where the scheme pays: the year's payments summed exactly over the cohort. */
  readonly payments?: { readonly total: string };
}

interface Row {
  readonly index: number;
  readonly d: Decided;
  /** The rankBy score as an exact value (or undefined when the cohort ranks by rating). */
  readonly score: Q | undefined;
  stars: StarResult[] | undefined;
  value: number | string;
  trace: TraceEntry[] | undefined;
}

/**
 * Evaluates every subject, then applies the ruleset's cohort rules (last-place elimination,
 * quotas with their tie policy) and ranks the valid subjects. Nothing is lost: one result per
 * input, in order; bad rows are `ok: false` and do not count toward N or rankings.
 */
export function referenceCohort(model: Model, subjects: unknown, options: CohortOptions | undefined): CohortResult {
  if (subjects === null || typeof subjects !== "object" || !(Symbol.iterator in (subjects as object))) {
    throw new TypeError(`evaluateCohort() expects an array of subjects, got ${subjects === null ? "null" : typeof subjects}`);
  }
  const asOf = options?.asOf;
  const decided: (Decided | Rejection)[] = [];
  for (const subject of subjects as Iterable<unknown>) {
    if (subject === null || typeof subject !== "object" || Array.isArray(subject)) {
      decided.push(
        freeze({
          ok: false as const,
          id: undefined,
          ruleset: model.rulesetRef,
          errors: freeze([frozenError(subjectError("not_a_subject", [], { got: subject === null ? "null" : Array.isArray(subject) ? "an array" : typeof subject }))]),
        }),
      );
      continue;
    }
    decided.push(decideSubject(model, subject, asOf === undefined ? undefined : { asOf }));
  }

  const c = model.cohort;
  const rows: Row[] = [];
  decided.forEach((d, index) => {
    if (d.ok) {
      rows.push({ index, d, score: c?.rankBy ? scoreExact(d, c.rankBy) : undefined, stars: undefined, value: cappedValue(d, d.rawValue).value, trace: undefined });
    }
  });
  const adjustments: Adjustment[] = [];
  if (c) {
    lastPlace(model, c, rows, adjustments);
    quotas(c, rows, adjustments);
  }

  // Ranking among the valid subjects: by the rankBy score, else by the rating.
  const by = c?.rankBy?.id ?? "rating";
  const key = (r: Row): Q => r.score ?? (typeof r.value === "number" ? Q.of(r.value) : Q.of(-gradeIndex(model, r.value)));
  const keys = rows.map(key);
  const sorted = keys.slice().sort((a, b) => b.cmp(a));
  const positionOf = (k: Q) => {
    let lo = 0;
    while (lo < sorted.length && sorted[lo]!.cmp(k) > 0) lo++;
    return lo + 1;
  };

  const results: Result[] = decided.slice() as Result[];
  rows.forEach((r, i) => {
    const change: CohortChange = {
      stars: r.stars,
      value: r.value,
      trace: r.trace && cohortTraceOf(r.trace),
      rank: freeze({ by, position: positionOf(keys[i]!), of: rows.length }),
    };
    results[r.index] = finish(r.d, change);
  });

  const counts = new Map<string, number>();
  let paid: Q | undefined;
  const pays = [...model.tierByRating.values()].some((t) => t.payments.length > 0);
  for (const res of results) {
    if (!res.ok) continue;
    const v = String(res.rating.stars ?? res.rating.grade);
    counts.set(v, (counts.get(v) ?? 0) + 1);
    if (pays) for (const p of res.tier.payments ?? []) paid = (paid ?? Q.ZERO).add(Q.of(p.perYear));
  }
  // Keys in rating order: grades best first (numeric keys are ordered by the language).
  const order = model.rating.kind === "grades" ? model.rating.grades : [...counts.keys()];
  const distribution: Record<string, number> = {};
  for (const k of order) if (counts.has(k)) distribution[k] = counts.get(k)!;
  return freeze({
    results: freeze(results),
    adjustments: freeze(adjustments.map((a) => freeze(a))),
    distribution: freeze(distribution),
    ...(pays ? { payments: freeze({ total: (paid ?? Q.ZERO).toString() }) } : {}),
  });
}

/** floor(n / d) of an exact value, exactly. */
function floorOf(v: Q): number {
  const q = v.n.divToInt(v.d);
  const exact = q.times(v.d).eq(v.n);
  return (v.n.isNeg() && !exact ? q.minus(1) : q).toNumber();
}

function gradeIndex(model: Model, grade: string): number {
  const r = model.rating;
  return r.kind === "grades" ? r.grades.indexOf(grade) : 0;
}

function cohortTrace(rule: string, path: readonly (string | number)[], outcome: string, value: string, provenance: { default: string } | object): TraceEntry {
  return freeze({ rule, path, outcome, value, isDefault: "default" in provenance, source: provenance as TraceEntry["source"] });
}

/** 末位淘汰: on each listed fact, the subjects ranked last lose the fact's star; a cohort-wide tie has no last place. */
function lastPlace(model: Model, c: CCohort, rows: Row[], out: Adjustment[]): void {
  const enforce = c.mode === "enforce";
  for (const rule of c.lastPlace) {
    if (rows.length < 2) continue;
    const values = rows.map((r) => (factExact(r.d, rule.fact) as Q));
    // The cut is the value at the `bottom`-th place from the end; everyone at or below it loses.
    const ascending = values.slice().sort((a, b) => a.cmp(b));
    const min = ascending[Math.min(rule.bottom, ascending.length) - 1]!;
    const losers = rows.filter((_, i) => values[i]!.cmp(min) <= 0);
    if (losers.length === rows.length) continue; // everyone tied at the cut: no last place
    const star = model.stars[rule.starIndex]!;
    for (const r of losers) {
      const current = r.stars ?? r.d.stars;
      if (!current[rule.starIndex]!.earned) continue; // does not hold the star anyway
      const reason: Bilingual = freeze({
        zh: `末位淘汰：${rule.fact.label.zh}${(factExact(r.d, rule.fact) as Q).toString()}分，在${rows.length}个中${rule.bottom === 1 ? "排名末位" : `排名后${rule.bottom}位`}${losers.length > rule.bottom ? `（${losers.length}个在淘汰线上或以下）` : ""}，摘去${star.label.zh}`,
        en: `${rule.bottom === 1 ? "last place" : `bottom ${rule.bottom}`} on ${rule.fact.id} (${(factExact(r.d, rule.fact) as Q).toString()}) among ${rows.length}${losers.length > rule.bottom ? `, ${losers.length} at or below the cut` : ""}: loses ${star.id}`,
      });
      const nextStars = current.slice();
      nextStars[rule.starIndex] = freeze({ id: star.id, label: star.label, group: star.group, earned: false, vetoedBy: freeze([]), reason });
      const raw = nextStars.reduce((n, st) => n + (st.earned ? 1 : 0), 0);
      const to = cappedValue(r.d, raw).value;
      out.push({ id: r.d.id, from: r.value, to, rule: `lastPlace.${rule.fact.id}`, reason, tie: losers.length > rule.bottom, applied: enforce });
      if (enforce) {
        r.stars = nextStars;
        r.value = to;
        (r.trace ??= []).push(cohortTrace(`lastPlace.${rule.fact.id}`, rule.path, reason.en, String(to), rule.provenance));
      }
    }
  }
}

/** Quotas, highest rating first, cascading: the excess lowest-ranked are demoted; ties follow the tie policy. */
function quotas(c: CCohort, rows: Row[], out: Adjustment[]): void {
  const enforce = c.mode === "enforce";
  const n = rows.length;
  // In report mode the cascade is simulated on a copy of the values, so results stay unchanged.
  const value = new Map(rows.map((r) => [r, r.value]));
  for (const q of c.quotas) {
    const pool = rows.filter((r) => value.get(r) === q.rating);
    const cap = Math.max(c.minCap, floorOf(q.share.mul(Q.of(n))));
    if (pool.length <= cap) continue;
    const score = (r: Row) => r.score ?? Q.ZERO;
    const sorted = pool.slice().sort((a, b) => score(b).cmp(score(a)) || (a.d.id < b.d.id ? -1 : a.d.id > b.d.id ? 1 : 0));
    let keep = new Set(sorted.slice(0, cap));
    let tied = new Set<Row>();
    if (cap > 0) {
      const edge = score(sorted[cap - 1]!);
      if (score(sorted[cap]!).cmp(edge) === 0) tied = new Set(sorted.filter((r) => score(r).cmp(edge) === 0));
    }
    if (tied.size) {
      if (c.tiePolicy === "demoteTied") keep = new Set([...keep].filter((r) => !tied.has(r)));
      else if (c.tiePolicy === "keepTied") keep = new Set([...keep, ...tied]);
      // byId: `sorted` already orders ties by id, so the first `cap` are the lower ids.
    }
    const shareText = `${q.share.mul(Q.of(100)).toString()}%`;
    for (const [i, r] of sorted.entries()) {
      const isTied = tied.has(r);
      const overCap = c.tiePolicy === "keepTied" && isTied && i >= cap;
      if (keep.has(r) && !overCap) continue;
      const reason: Bilingual = freeze({
        zh: `${q.rating}星级占比不超过${shareText}：名额${cap}个（${n}×${shareText}取整），排名第${i + 1}${isTied ? "（并列）" : ""}，${overCap ? "并列保留，超出名额" : `降为${q.demoteTo}星级`}`,
        en: `quota ${q.id}: at most ${shareText} of ${n} may hold ${q.rating} (cap ${cap}); ranked ${i + 1} of ${pool.length} by ${c.rankBy?.id ?? "rating"}${isTied ? ", tied" : ""}: ${overCap ? `kept over the cap (keepTied)` : `demoted to ${q.demoteTo}`}`,
      });
      const applied = enforce && !overCap;
      out.push({ id: r.d.id, from: q.rating, to: overCap ? q.rating : q.demoteTo, rule: `quota.${q.id}`, reason, tie: isTied, applied });
      if (overCap) continue;
      value.set(r, q.demoteTo);
      if (enforce) {
        r.value = q.demoteTo;
        // The trace entry's text follows the engine's (rank-free, so that traces intern); the rules are the reference's.
        (r.trace ??= []).push(cohortTrace(`quota.${q.id}`, q.path, `quota ${q.id}: at most ${shareText} of ${n} may hold ${q.rating} (cap ${cap})${isTied ? ", tied at the cut" : ""}: demoted to ${q.demoteTo}`, String(q.demoteTo), q.provenance));
      }
    }
  }
}
