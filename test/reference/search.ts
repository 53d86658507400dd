/**
 * "What would it take": the smallest change of facts that earns a missing star or lifts the
 * rating one step, derived from the compiled rules themselves (no code per scheme).
 *
 * The search probes the same evaluator the result came from (fast or exact): it sets some facts
 * to new values on a copy of the frame and re-runs the first evaluation phase. "Smallest" is, as
 * api.md defines it, fewest facts changed, then the smallest change measured against each fact's
 * range. Facts move only in the direction effort moves them (`improve`), stay inside their range
 * (a bound may be another fact, as satisfied ≤ valid), and stay on their grid (integers stay
 * integers; decimals move in their declared step, 0.01 where none is declared). Conditions are
 * assumed monotone in each fact (more of a score never loses a star), which holds for the
 * thresholds, sums, weighted means, blends and caps the rulesets are made of.
 */
import { Q } from "../../src/_lib/decimal.js";
import type { CFact } from "../../src/compile/model.js";
import { cappedValue, decide, factExact, type Decided } from "../../src/evaluate/evaluate.js";
import type { FactChange, NextLevel, NextStar } from "../../src/evaluate/types.js";

const freeze = Object.freeze;

/** One fact effort could move, with where it is and how far it can go. */
interface Candidate {
  readonly index: number;
  readonly fact: CFact;
  readonly from: Q | boolean;
  /** The furthest helpful value (true for a boolean). */
  readonly best: Q | boolean;
  /** The range a change is measured against. */
  readonly span: Q;
}

type Target = (d: Decided) => boolean;

/** Writes a value into a frame in the frame's own representation (scaled integer on the fast path). */
function put(d: Decided, frame: unknown[], f: CFact, v: Q | boolean): void {
  if (typeof v === "boolean") frame[f.slot] = v;
  else if (d.fast) frame[f.slot] = v.mul(Q.of(f.fast!.pow)).toDecimal(0).toNumber();
  else frame[f.slot] = v;
}

/** Re-runs the deciding phase with some facts changed. */
function probe(d: Decided, changes: readonly (readonly [Candidate, Q | boolean])[]): Decided {
  const frame = d.frame.slice();
  for (const [c, v] of changes) put(d, frame, c.fact, v);
  return decide(d.model, d.id, frame, d.fast, d.last, d.asOf, d.events);
}

function candidates(d: Decided, deps: readonly number[]): Candidate[] {
  const out: Candidate[] = [];
  for (const i of deps) {
    const f = d.model.facts[i]!;
    if (f.improve === "none") continue;
    const cur = factExact(d, f);
    if (cur === undefined) continue;
    if (typeof cur === "boolean") {
      const best = f.improve === "up";
      if (cur !== best) out.push({ index: i, fact: f, from: cur, best, span: Q.of(1) });
      continue;
    }
    const bound = (q: Q | undefined, other: CFact | undefined, pick: (a: Q, b: Q) => Q): Q | undefined => {
      const o = other ? factExact(d, other) : undefined;
      const oq = o instanceof Q ? o : undefined;
      return q && oq ? pick(q, oq) : (q ?? oq);
    };
    const max = bound(f.max, f.maxFact, (a, b) => (a.cmp(b) <= 0 ? a : b));
    const min = bound(f.min, f.minFact, (a, b) => (a.cmp(b) >= 0 ? a : b));
    let best = f.improve === "up" ? max : min;
    // A declared step (or a whole number's step of 1): only its multiples are valid, so the furthest value is the last multiple inside the bound.
    const grid = f.type === "integer" ? Q.of(1) : f.step;
    if (best && grid) {
      const k = best.div(grid);
      best = Q.of(f.improve === "up" || k.isInteger() ? floorQ(k) : floorQ(k).plus(1)).mul(grid);
    }
    if (!best || best.cmp(cur) === 0 || (f.improve === "up" ? best.cmp(cur) < 0 : best.cmp(cur) > 0)) continue;
    const span = max && min && max.cmp(min) > 0 ? max.sub(min) : Q.of(1);
    out.push({ index: i, fact: f, from: cur, best, span });
  }
  return out;
}

/** The greatest integer not above q. */
function floorQ(q: Q) {
  return q.n.divToInt(q.d).minus(q.n.isNeg() && !q.n.mod(q.d).isZero() ? 1 : 0);
}

/** Grid values strictly past `from` toward `best`, as multiples of the fact's step (best itself if off-grid). */
function grid(c: Candidate): { at: (k: number) => Q; count: number } {
  const from = c.from as Q, best = c.best as Q;
  const step = c.fact.searchStep ?? Q.of("0.01");
  const up = c.fact.improve === "up";
  const ratio = (q: Q) => q.div(step);
  // First multiple of step beyond `from`, last multiple not beyond `best`.
  const first = up ? floorQ(ratio(from)).plus(1) : floorQ(ratio(from).neg()).plus(1).neg();
  const last = up ? floorQ(ratio(best)) : floorQ(ratio(best).neg()).neg();
  const n = up ? last.minus(first).plus(1) : first.minus(last).plus(1);
  const count = Math.max(0, n.toNumber());
  const onGrid = (k: number) => Q.of(first.plus(up ? k : -k)).mul(step);
  const bestOffGrid = !ratio(best).isInteger();
  return {
    count: count + (bestOffGrid ? 1 : 0),
    at: (k) => (k < count ? onGrid(k) : best),
  };
}

/** The smallest value of one fact (others fixed) that meets the target, or undefined if none does. */
function lowest(d: Decided, c: Candidate, others: readonly (readonly [Candidate, Q | boolean])[], target: Target): Q | boolean | undefined {
  if (typeof c.best === "boolean") return target(probe(d, [...others, [c, c.best]])) ? c.best : undefined;
  const g = grid(c);
  if (g.count === 0) return undefined;
  const ok = (k: number) => target(probe(d, [...others, [c, g.at(k)]]));
  if (!ok(g.count - 1)) return undefined;
  let lo = 0, hi = g.count - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ok(mid)) hi = mid;
    else lo = mid + 1;
  }
  return g.at(lo);
}

function* subsets<T>(items: readonly T[], k: number, start = 0, acc: T[] = []): Generator<T[]> {
  if (acc.length === k) {
    yield acc.slice();
    return;
  }
  for (let i = start; i <= items.length - (k - acc.length); i++) {
    acc.push(items[i]!);
    yield* subsets(items, k, i + 1, acc);
    acc.pop();
  }
}

const cost = (c: Candidate, v: Q | boolean): Q => (typeof v === "boolean" ? Q.of(1) : (v as Q).sub(c.from as Q).div(c.span).abs());

/** Exact decimal as a JS number when that is exact, else as a string. */
function shown(v: Q | boolean): number | string | boolean {
  if (typeof v === "boolean") return v;
  const s = v.toString();
  return String(Number(s)) === s ? Number(s) : s;
}

/**
 * The smallest change that meets `target`: fewest facts, then least total change against each
 * fact's range (ties: declaration order). Undefined when no change of the movable facts can.
 */
function smallest(d: Decided, deps: readonly number[], target: Target): FactChange[] | undefined {
  const cands = candidates(d, deps);
  if (!target(probe(d, cands.map((c) => [c, c.best] as const)))) return undefined;
  for (let k = 1; k <= cands.length; k++) {
    let bestPick: { cost: Q; values: (readonly [Candidate, Q | boolean])[] } | undefined;
    for (const set of subsets(cands, k)) {
      if (!target(probe(d, set.map((c) => [c, c.best] as const)))) continue;
      // Lower each fact in turn as far as it can go with the others where they are; repeat until stable.
      // Each step keeps the target met, since a fact is lowered only as far as the others allow now.
      const values = set.map((c) => [c, c.best] as [Candidate, Q | boolean]);
      for (let round = 0; round < 4; round++) {
        let moved = false;
        for (let i = 0; i < values.length; i++) {
          const [c, v] = values[i]!;
          const low = lowest(d, c, values.filter((_, j) => j !== i), target);
          if (low !== undefined && typeof low !== "boolean" && (low as Q).cmp(v as Q) !== 0) {
            values[i] = [c, low];
            moved = true;
          }
        }
        if (!moved) break;
      }
      const total = values.reduce((acc, [c, v]) => acc.add(cost(c, v)), Q.ZERO);
      if (!bestPick || total.cmp(bestPick.cost) < 0) bestPick = { cost: total, values };
    }
    if (bestPick) {
      return bestPick.values.map(([c, v]) => freeze({ fact: c.fact.id, from: shown(c.from), to: shown(v) }));
    }
  }
  return undefined;
}

/** What it would take to earn each missing star. */
export function nextStars(d: Decided, stars: readonly { id: string; earned: boolean; vetoedBy: readonly string[] }[], cohortRules: readonly string[]): NextStar[] {
  const out: NextStar[] = [];
  d.model.stars.forEach((star, i) => {
    const st = stars[i]!;
    if (st.earned) return;
    if (st.vetoedBy.length) {
      out.push(freeze({ star: star.id, changes: freeze([]), blockedBy: freeze([...st.vetoedBy]) }));
      return;
    }
    const target: Target = (p) => p.stars[i]!.earned;
    if (target(d)) {
      // Earned alone, lost in the cohort (last place): effort on the facts does not bring it back.
      out.push(freeze({ star: star.id, changes: freeze([]), blockedBy: freeze([...cohortRules]) }));
      return;
    }
    const changes = smallest(d, star.deps, target);
    out.push(changes ? freeze({ star: star.id, changes: freeze(changes) }) : freeze({ star: star.id, changes: freeze([]), unreachable: true as const }));
  });
  return out;
}

/** What it would take to lift the rating to the next value, or undefined at the top. */
export function nextLevel(d: Decided, value: number | string, cohortRules: readonly string[]): NextLevel | undefined {
  const m = d.model;
  const r = m.rating;
  let to: number | string;
  let reached: (v: number | string) => boolean;
  if (r.kind === "grades") {
    const i = r.grades.indexOf(value as string);
    if (i <= 0) return undefined;
    to = r.grades[i - 1]!;
    reached = (v) => r.grades.indexOf(v as string) <= i - 1;
  } else {
    if ((value as number) >= r.max) return undefined;
    to = (value as number) + 1;
    reached = (v) => (v as number) >= (to as number);
  }
  // A cap (veto) below the target: nothing else helps.
  const caps = (d.applied ?? []).filter((v) => (v.effect === "capLevel" && typeof to === "number" && v.cap !== undefined && v.cap < to) || v.effect === "disqualify");
  if (caps.length) return freeze({ to, changes: freeze([]), blockedBy: freeze(caps.map((v) => v.id)) });
  const target: Target = (p) => reached(cappedValue(p, p.rawValue).value);
  if (target(d)) return freeze({ to, changes: freeze([]), blockedBy: freeze([...cohortRules]) });
  const changes = smallest(d, m.ratingDeps, target);
  return changes ? freeze({ to, changes: freeze(changes) }) : freeze({ to, changes: freeze([]), unreachable: true as const });
}

