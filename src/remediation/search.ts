/**
 * "What would it take": the smallest change of facts that earns a missing star or lifts the
 * rating one step, derived from the compiled rules themselves (no code per scheme).
 *
 * The search evaluates the same rules the result came from (fast or exact) on a scratch copy of
 * the subject's frame with some facts moved. "Smallest" is, as api.md defines it, fewest facts
 * changed, then the smallest change measured against each fact's range. Facts move only in the
 * direction effort moves them (`improve`), stay inside their range (a bound may be another fact,
 * as satisfied ≤ valid), and stay on their grid (integers stay integers; decimals move in their
 * declared step, 0.01 where none is declared). Conditions are assumed monotone in each fact
 * (more of a score never loses a star), which holds for the thresholds, sums, weighted means,
 * blends and caps the rulesets are made of.
 *
 * Finding the least value of one fact that meets a target costs about two evaluations: on the
 * fast path, each comparison's margin (left − right, compiled with the rules) is measured at the
 * fact's current and furthest value, the value where it crosses zero is solved for, and that
 * value (unless it is the furthest, known to meet the target) and the one a step below are
 * checked by evaluating; only when the guess is off (a
 * condition that is not linear in the fact) does a bisection over the grid take over. On the fast
 * path the grid is scaled integers; decimal.js is used only for the exact path and the answer.
 */
import { remember } from "../_lib/remember.js";
import { Q } from "../_lib/decimal.js";
import type { CFact, CStar, Model } from "../compile/model.js";
import { POW10, floorDiv } from "../expr/fast.js";
import { cappedValue, computeScores, decide, intScale, type Decided } from "../evaluate/decide.js";
import type { FactChange, NextLevel, NextStar } from "../evaluate/types.js";

const freeze = Object.freeze;

/**
 * One fact effort could move, with the values it can take: `count` values past its current one,
 * the k-th (0-based) in frame representation by `at(k)`, the last being the furthest helpful one.
 */
interface Candidate {
  readonly index: number;
  readonly fact: CFact;
  /** The current value, in frame representation. */
  readonly now: unknown;
  readonly count: number;
  at(k: number): unknown;
  /** The k-th value (k = -1: the current one) as the answer shows it: a number when exact, else a decimal string. */
  shown(k: number): number | string | boolean;
  /** |value(k) − now| / span, exactly (the ordering cost). */
  costExact(k: number): Q;
}

class BoolCandidate implements Candidate {
  readonly count = 1;
  constructor(
    readonly index: number,
    readonly fact: CFact,
    readonly now: boolean,
  ) {}
  at(): unknown {
    return !this.now;
  }
  shown(k: number): boolean {
    return k < 0 ? this.now : !this.now;
  }
  costExact(): Q {
    return ONE;
  }
}

const ONE = /* @__PURE__ */ Q.of(1);

/** A decimal string as a JS number when that is exact, else the string. */
function numberOrText(s: string): number | string {
  return String(Number(s)) === s ? Number(s) : s;
}

/** A number on the fast path: scaled integers; value(k) = (first ± k) · step, the last one `best`. */
class IntCandidate implements Candidate {
  readonly count: number;
  private readonly onGrid: number;
  /** The first grid point past `now`, in steps. */
  private readonly first: number;
  constructor(
    readonly index: number,
    readonly fact: CFact,
    readonly now: number,
    private readonly best: number,
    private readonly step: number,
    private readonly up: boolean,
    private readonly span: number,
  ) {
    const first = (this.first = up ? floorDiv(now, step) + 1 : -floorDiv(-now, step) - 1);
    const last = up ? floorDiv(best, step) : -floorDiv(-best, step);
    this.onGrid = Math.max(0, up ? last - first + 1 : first - last + 1);
    this.count = this.onGrid + (best % step !== 0 ? 1 : 0);
  }
  at(k: number): number {
    if (k >= this.onGrid) return this.best;
    return (this.up ? this.first + k : this.first - k) * this.step;
  }
  /** The grid index of the first value at or past `x` (a scaled-integer float) in the direction of effort (the furthest value, off the grid, is index `count - 1`). */
  indexOf(x: number): number {
    return this.up ? Math.ceil(x / this.step) - this.first : this.first - Math.floor(x / this.step);
  }
  shown(k: number): number {
    // A fast fact's scaled values stay under 10^12 (compile keeps larger ranges off the fast path),
    // and up to 15 significant digits a scaled integer divided by its power of ten is the decimal itself.
    return (k < 0 ? this.now : this.at(k)) / this.fact.fast!.pow;
  }
  /** The cost as a fraction of safe integers: |value(k) − now| / span. */
  costFraction(k: number): readonly [number, number] {
    return [Math.abs(this.at(k) - this.now), this.span];
  }
  costExact(k: number): Q {
    return Q.of(Math.abs(this.at(k) - this.now)).div(Q.of(this.span));
  }
}

/** A number on the exact path (decimal.js), on the same grid. */
class ExactCandidate implements Candidate {
  readonly count: number;
  private readonly onGrid: number;
  private readonly firstK: Q;
  constructor(
    readonly index: number,
    readonly fact: CFact,
    readonly now: Q,
    private readonly best: Q,
    private readonly step: Q,
    private readonly up: boolean,
    private readonly span: Q,
  ) {
    const ratio = (q: Q) => q.div(step);
    // First multiple of step beyond `now`, last multiple not beyond `best`.
    const first = up ? floorQ(ratio(now)).plus(1) : floorQ(ratio(now).neg()).plus(1).neg();
    const last = up ? floorQ(ratio(best)) : floorQ(ratio(best).neg()).neg();
    this.firstK = Q.of(first);
    this.onGrid = Math.max(0, (up ? last.minus(first) : first.minus(last)).plus(1).toNumber());
    this.count = this.onGrid + (ratio(best).isInteger() ? 0 : 1);
  }
  at(k: number): Q {
    return k < this.onGrid ? this.firstK.add(Q.of(this.up ? k : -k)).mul(this.step) : this.best;
  }
  exact(k: number): Q {
    return k < 0 ? this.now : this.at(k);
  }
  shown(k: number): number | string {
    return numberOrText(this.exact(k).toString());
  }
  costExact(k: number): Q {
    return this.at(k).sub(this.now).div(this.span).abs();
  }
}

/** The greatest integer not above q. */
function floorQ(q: Q) {
  return q.n.divToInt(q.d).minus(q.n.isNeg() && !q.n.mod(q.d).isZero() ? 1 : 0);
}

/**
 * The step between a fact's valid values, where it has one: 1 for a whole number, the declared
 * step of a decimal. A bound off that grid is not a value the scheme accepts (an integer fact
 * bounded by 20.5 takes 20 at most).
 */
function validStep(f: CFact): Q | undefined {
  return f.type === "integer" ? ONE : f.step;
}

/**
 * The facts of `deps` effort could move: a boolean not yet as effort wants it, a number by
 * `numeric` (undefined: it cannot move).
 */
function candidatesBy(d: Decided, deps: readonly number[], numeric: NumericCandidate): Candidate[] {
  const out: Candidate[] = [];
  for (const i of deps) {
    const c = candidateAt(d, i, numeric);
    if (c) out.push(c);
  }
  return out;
}

/** How a number becomes a candidate, on one path. */
type NumericCandidate = (i: number, f: CFact, cur: unknown, frame: readonly unknown[]) => Candidate | undefined;

/** Fact `i` as a candidate: a boolean not yet as effort wants it, a number by `numeric`; undefined when it cannot move. */
function candidateAt(d: Decided, i: number, numeric: NumericCandidate): Candidate | undefined {
  const f = d.model.facts[i]!;
  if (f.improve === "none") return undefined;
  const cur = d.frame[f.slot];
  if (cur === undefined) return undefined;
  if (typeof cur === "boolean") return cur !== (f.improve === "up") ? new BoolCandidate(i, f, cur) : undefined;
  return numeric(i, f, cur, d.frame);
}

/**
 * A number on a fast frame as a candidate on the scaled-integer grid. On a fast frame every
 * number is a scaled integer at its fact's scale, the scale holds the fact's bounds and step
 * (the descriptor's `lo` and `hi` are its bounds on that grid, a whole number's rounded inward),
 * and a fact bounded by another shares its scale (the fast loader declines the subject otherwise).
 */
function fastNumber(i: number, f: CFact, cur: unknown, frame: readonly unknown[]): Candidate | undefined {
  const now = cur as number, fast = f.fast!;
  const other = (o: CFact | undefined) => {
    const v = o ? frame[o.slot] : undefined;
    return typeof v === "number" ? v : undefined;
  };
  // A bound is a number or another fact, never both.
  const max = f.max ? fast.hi : other(f.maxFact), min = f.min ? fast.lo : other(f.minFact);
  const up = f.improve === "up";
  const step = fast.grid;
  let best = up ? max : min;
  // With a declared step only its multiples are valid: a bound off the step is not an answer.
  if (best !== undefined && fast.step) best = up ? floorDiv(best, step) * step : -floorDiv(-best, step) * step;
  if (best === undefined || best === now || (up ? best < now : best > now)) return undefined;
  // Past here max > min wherever both are known (best lies beyond now, inside them); else one unit.
  const span = max !== undefined && min !== undefined ? max - min : fast.pow;
  return new IntCandidate(i, f, now, best, step, up, span);
}

/** A number on an exact frame as a candidate. */
function exactNumber(i: number, f: CFact, cur: unknown, frame: readonly unknown[]): Candidate | undefined {
  const now = cur as Q;
  // A bound is a number or another fact, never both.
  const other = (o: CFact | undefined) => {
    const v = o ? frame[o.slot] : undefined;
    return v instanceof Q ? v : undefined;
  };
  const max = f.max ?? other(f.maxFact), min = f.min ?? other(f.minFact);
  const up = f.improve === "up";
  let best = up ? max : min;
  // Only multiples of a declared step, or whole numbers, are valid (as on the fast path).
  const grid = validStep(f);
  if (best && grid) {
    const k = best.div(grid);
    best = Q.of(up || k.isInteger() ? floorQ(k) : floorQ(k).plus(1)).mul(grid);
  }
  if (!best || best.cmp(now) === 0 || (up ? best.cmp(now) < 0 : best.cmp(now) > 0)) return undefined;
  const span = max && min ? max.sub(min) : ONE;
  return new ExactCandidate(i, f, now, best, f.searchStep!, up, span);
}

/** The candidates of a fast frame. */
function fastCandidates(d: Decided, deps: readonly number[]): Candidate[] {
  return candidatesBy(d, deps, fastNumber);
}

/** The candidates of an exact frame. */
function exactCandidates(d: Decided, deps: readonly number[]): Candidate[] {
  return candidatesBy(d, deps, exactNumber);
}

/**
 * How many times the search has checked a target on a frame (internal; tests read it to hold the
 * module's cost claim: about two checks for a condition linear in the fact).
 */
export const searchStats = { probes: 0 };

/** What the search is after, on a scratch frame. */
interface Target {
  /** Whether the target is met with the facts as they are on the frame. */
  met(frame: unknown[]): boolean;
  /** Margins that cross zero where the target turns true (fast path only), as hints. */
  readonly margins: readonly ((frame: readonly unknown[]) => number)[];
  /**
   * The group of each margin, when the target is met by any one group (one more star of
   * several): all of a group's margins must cross, the first group to do so decides. Without
   * groups, all margins must cross.
   */
  readonly groups?: readonly number[];
}

/**
 * The search over one subject: a scratch frame where candidates are set, the target checked,
 * and the candidates put back.
 */
class Search {
  private readonly frame: unknown[];
  /** Checks made so far. */
  checks = 0;
  constructor(
    private readonly d: Decided,
    private readonly target: Target,
  ) {
    this.frame = d.frame.slice();
  }

  /** Sets the given candidates to the given grid indexes (-1: unchanged), checks, and restores. */
  ok(set: readonly Candidate[], ks: readonly number[]): boolean {
    const frame = this.frame;
    for (let i = 0; i < set.length; i++) if (ks[i]! >= 0) frame[set[i]!.fact.slot] = set[i]!.at(ks[i]!);
    const met = this.target.met(frame);
    for (const c of set) frame[c.fact.slot] = c.now;
    searchStats.probes++;
    this.checks++;
    return met;
  }

  /** Margins with the candidates set (scores recomputed), restored after. */
  private margins(set: readonly Candidate[], ks: readonly number[]): number[] {
    const frame = this.frame;
    for (let i = 0; i < set.length; i++) if (ks[i]! >= 0) frame[set[i]!.fact.slot] = set[i]!.at(ks[i]!);
    computeScores(this.d.model, frame, true);
    const out = this.target.margins.map((m) => m(frame));
    for (const c of set) frame[c.fact.slot] = c.now;
    return out;
  }

  /**
   * A guess of the least index of candidate j (the others as in `ks`) where every margin that
   * moves with it has crossed zero: each margin is taken as linear between the current value and
   * the value at `ks[j]`.
   */
  private guess(set: readonly Candidate[], ks: readonly number[], j: number): number | undefined {
    // Margins exist on the fast path only, where a number is an IntCandidate (lowest leaves booleans alone).
    if (this.target.margins.length === 0) return undefined;
    const c = set[j] as IntCandidate;
    const at = ks.slice();
    at[j] = -1;
    const m0 = this.margins(set, at);
    const m1 = this.margins(set, ks);
    const x0 = c.now, x1 = c.at(ks[j]!) as number;
    const groups = this.target.groups;
    // Per group, the furthest crossing (all must cross); over groups, the nearest.
    const per = new Map<number, number>();
    for (let i = 0; i < m0.length; i++) {
      const a = m0[i]!, b = m1[i]!;
      // Only a margin that changes sign between the two ends (or is zero at one) marks a crossing;
      // one that is zero at both, or not a number (a mean over nothing), gives no finite x.
      if (!(a * b <= 0)) continue;
      const x = x0 + ((0 - a) * (x1 - x0)) / (b - a);
      if (!Number.isFinite(x)) continue;
      // In exact arithmetic x lies between the two ends; in floating point a hair outside.
      const ki = Math.max(0, Math.min(ks[j]!, c.indexOf(x)));
      const g = groups ? groups[i]! : 0;
      const prev = per.get(g);
      if (prev === undefined || ki > prev) per.set(g, ki);
    }
    let k: number | undefined;
    for (const v of per.values()) if (k === undefined || v < k) k = v;
    return k;
  }

  /**
   * The least index of candidate j (the others fixed) that meets the target, given that its
   * current index `ks[j]` does. A guess and the index below it are checked first; a bisection
   * takes over when the guess is off.
   */
  lowest(set: readonly Candidate[], ks: number[], j: number): number {
    const c = set[j]!;
    if (c instanceof BoolCandidate) return ks[j]!;
    const probe = ks.slice();
    const ok = (k: number) => {
      probe[j] = k;
      return this.ok(set, probe);
    };
    // The answer is in [lo, hi]; hi meets the target.
    let lo = 0, hi = ks[j]!;
    const g = this.guess(set, ks, j);
    if (g !== undefined) {
      // From the guess, gallop toward the answer (1, 2, 4… steps): a guess off by a few steps (a
      // rounded score's plateau) costs a few checks, not a bisection of the whole range. A guess
      // at hi needs no check: hi meets the target.
      let step = 1;
      if (g === hi || ok(g)) {
        hi = g;
        while (lo < hi) {
          const k = Math.max(lo, hi - step);
          if (!ok(k)) {
            lo = k + 1;
            break;
          }
          hi = k;
          step *= 2;
        }
      } else {
        lo = g + 1;
        while (lo < hi) {
          const k = Math.min(hi, lo + step - 1);
          if (ok(k)) {
            hi = k;
            break;
          }
          lo = k + 1;
          step *= 2;
        }
      }
    }
    // Grids can be wider than 2^31 values (hundredths past 21,474,836.47): no 32-bit shift. Past
    // 2^53 not every index is a number: where the range no longer splits, hi (which meets the
    // target) stands, a few grid steps above the least at most.
    while (lo < hi) {
      const mid = lo + Math.floor((hi - lo) / 2);
      if (mid >= hi) break;
      if (ok(mid)) hi = mid;
      else if (mid + 1 > lo) lo = mid + 1;
      else break;
    }
    return hi;
  }
}

/**
 * Every k-element subset of `items`, in lexicographic order of positions, one at a time (there
 * are n choose k of them: they are not all made at once).
 */
function* subsets<T>(items: readonly T[], k: number): Generator<T[]> {
  const n = items.length;
  const at = Array.from({ length: k }, (_, i) => i);
  for (;;) {
    yield at.map((i) => items[i]!);
    let i = k - 1;
    while (i >= 0 && at[i] === n - k + i) i--;
    if (i < 0) return;
    at[i]!++;
    for (let j = i + 1; j < k; j++) at[j] = at[j - 1]! + 1;
  }
}

interface Pick {
  readonly set: readonly Candidate[];
  readonly ks: readonly number[];
}

/** The exact total cost of a pick: a fraction of safe integers when it is one fast-path fact. */
function exactCost(p: Pick): Q | readonly [number, number] {
  const c = p.set[0];
  if (p.set.length === 1 && c instanceof IntCandidate) return c.costFraction(p.ks[0]!);
  if (p.set.length === 1 && c instanceof BoolCandidate) return BOOL_COST;
  return p.set.reduce((acc, x, j) => acc.add(x.costExact(p.ks[j]!)), Q.ZERO);
}

/** A boolean's change costs 1 (the whole of its range). */
const BOOL_COST: readonly [number, number] = freeze([1, 1]) as readonly [number, number];

/** Whether pick `a` costs less than `b`, exactly (one fast-path fact each: by safe integers). */
function cheaper(a: Pick, b: Pick): boolean {
  const x = exactCost(a), y = exactCost(b);
  if (!(x instanceof Q) && !(y instanceof Q)) {
    const l = x[0] * y[1], r = y[0] * x[1];
    if (Number.isSafeInteger(l) && Number.isSafeInteger(r)) return l < r;
  }
  const q = (v: Q | readonly [number, number]) => (v instanceof Q ? v : Q.of(v[0]).div(Q.of(v[1])));
  return q(x).cmp(q(y)) < 0;
}

/**
 * Checks the search for the fewest facts may make before it settles for an irreducible change.
 * Sets of k facts number n choose k: a star over 16 facts that needs 14 of them takes about
 * 70,000 checks (a tenth of a second); over 25 (Feicheng's 25 indicators, as facts) it would
 * take minutes.
 */
export const SEARCH_BUDGET = 100_000;

/** A change found by {@link smallest}, as advice carries it; `approximate` when the budget ran out first. */
interface Found {
  readonly changes: readonly FactChange[];
  readonly approximate?: true;
}

/**
 * The smallest change that meets `target`: fewest facts, then least total change against each
 * fact's range (ties: declaration order). Undefined when no change of the movable facts can.
 * Past {@link SEARCH_BUDGET} checks, an irreducible change instead (see {@link irreducible}).
 */
function smallest(d: Decided, deps: readonly number[], target: Target): Found | undefined {
  const cands = d.fast ? fastCandidates(d, deps) : exactCandidates(d, deps);
  const search = new Search(d, target);
  if (!search.ok(cands, furthest(cands))) return undefined;
  for (let k = 1; k <= cands.length; k++) {
    let pick: Pick | undefined;
    for (const set of subsets(cands, k)) {
      if (search.checks > SEARCH_BUDGET) return found(irreducible(search, cands), true);
      const ks = furthest(set);
      // The whole set at its furthest was checked above.
      if (set.length < cands.length && !search.ok(set, ks)) continue;
      const candidate = lowered(search, set, ks);
      if (!pick || cheaper(candidate, pick)) pick = candidate;
    }
    if (pick) return found(pick, false);
  }
  return undefined;
}

/** Each candidate's furthest grid index. */
function furthest(set: readonly Candidate[]): number[] {
  return set.map((c) => c.count - 1);
}

/**
 * A set of facts that meets the target at `ks`, each fact lowered in turn as far as it can go
 * with the others where they are, repeated until stable (one fact alone is stable after one
 * round). Each step keeps the target met.
 */
function lowered(search: Search, set: readonly Candidate[], ks: number[]): Pick {
  for (let round = 0; round < 4; round++) {
    let moved = false;
    for (let j = 0; j < set.length; j++) {
      const low = search.lowest(set, ks, j);
      if (low !== ks[j]) {
        ks[j] = low;
        moved = true;
      }
    }
    if (!moved || set.length === 1) break;
  }
  return { set, ks };
}

/**
 * Every candidate at its furthest value (which meets the target), then each fact left out, the
 * last declared first, where the others still meet it, then the rest lowered: no fact of the
 * change can be left out, though a change of fewer facts may exist.
 */
function irreducible(search: Search, cands: readonly Candidate[]): Pick {
  let set = cands;
  for (let j = cands.length - 1; j >= 0 && set.length > 1; j--) {
    const without = set.filter((c) => c !== cands[j]);
    if (search.ok(without, furthest(without))) set = without;
  }
  return lowered(search, set, furthest(set));
}

function found(pick: Pick, approximate: boolean): Found {
  const changes = freeze(pick.set.map((c, j) => freeze({ fact: c.fact.id, from: c.shown(-1), to: c.shown(pick.ks[j]!) })));
  return approximate ? { changes, approximate } : { changes };
}

/** Whether star `si` is earned on a frame: not vetoed, every clause true (as `decide` decides it). */
function starMet(model: Model, si: number, fast: boolean): (frame: unknown[]) => boolean {
  const star = model.stars[si]!;
  // Only vetoes with a condition can change during the search: a listed veto that concerns the
  // star (its own, or a disqualification) has vetoed it already, and the search never runs; the
  // list of vetoes is not a fact effort moves.
  const vetoes = model.conditionalVetoes.filter((v) => v.starIndex === si || v.effect === "disqualify");
  return (frame) => {
    computeScores(model, frame, fast);
    for (const v of vetoes) if ((fast ? v.whenFast! : v.when!)(frame) as boolean) return false;
    return clausesHold(star, frame, fast);
  };
}

/** Whether every clause of a star holds on a frame whose scores are computed (as `decide` checks them). */
function clausesHold(star: CStar, frame: unknown[], fast: boolean): boolean {
  const clauses = star.clauses;
  for (let ci = 0; ci < clauses.length; ci++) {
    const c = clauses[ci]!;
    if (c.boolSlot >= 0 ? frame[c.boolSlot] !== true : !((fast ? c.fast! : c.fn)(frame) as boolean)) return false;
  }
  return true;
}

const NO_MARGINS: readonly never[] = freeze([]);

/** Each star's target (earned on a frame, with its margins), made once per star and path. */
const starTargets = new WeakMap<CStar, { fast?: Target; exact?: Target }>();
function starTarget(model: Model, si: number, fast: boolean): Target {
  const star = model.stars[si]!;
  let t = starTargets.get(star);
  if (!t) starTargets.set(star, (t = {}));
  return fast ? (t.fast ??= { met: starMet(model, si, true), margins: marginsOf(star) }) : (t.exact ??= { met: starMet(model, si, false), margins: NO_MARGINS });
}

/** The margins of a star's comparisons (computed once per star). */
const starMargins = new WeakMap<CStar, readonly ((frame: readonly unknown[]) => number)[]>();
function marginsOf(star: CStar): readonly ((frame: readonly unknown[]) => number)[] {
  let m = starMargins.get(star);
  if (!m) starMargins.set(star, (m = freeze(star.clauses.flatMap((c) => (c.margin ? [c.margin] : [])))));
  return m;
}

/** What it would take to earn each missing star. */
export function nextStars(d: Decided, stars: readonly { id: string; earned: boolean; vetoedBy: readonly string[] }[], cohortRules: readonly string[]): NextStar[] {
  const out: NextStar[] = [];
  for (let i = 0; i < stars.length; i++) {
    const n = nextStarAt(d, stars, i, cohortRules);
    if (n) out.push(n);
  }
  return out;
}

/**
 * What it would take to earn star `i`, or undefined when it is earned. `d` may be given lazily
 * (with the model, frame and path it will hold): advice remembered for the same values of the
 * facts the star reads needs no decision at all.
 */
export function nextStarAt(d: Decided | Lazy, stars: readonly { id: string; earned: boolean; vetoedBy: readonly string[] }[], i: number, cohortRules: readonly string[]): NextStar | undefined {
  const model = d.model;
  const star = model.stars[i]!;
  const st = stars[i]!;
  if (st.earned) return undefined;
  if (st.vetoedBy.length) return freeze({ star: star.id, changes: freeze([]), blockedBy: freeze([...st.vetoedBy]) });
  const decided = d.ok === true ? d : undefined;
  // Earned alone, lost in the cohort (last place): effort on the facts does not bring it back.
  // (Without cohort rules the stars given are the decided ones.)
  if (cohortRules.length && (decided ?? (d as Lazy).decide()).stars[i]!.earned) return freeze({ star: star.id, changes: NO_CHANGES, blockedBy: cohortRules });
  const key = d.fast ? adviceKey(model, i, d.frame) : undefined;
  const memo = key === undefined ? undefined : memoOf(star);
  const hit = memo?.get(key!);
  if (hit) return hit;
  const change = smallest(decided ?? (d as Lazy).decide(), star.deps, starTarget(model, i, d.fast));
  const out: NextStar = freeze(change ? { star: star.id, ...change } : { star: star.id, changes: freeze([]), unreachable: true as const });
  return memo ? remember(memo, key!, out, ADVICE_LIMIT) : out;
}

/** A decision not yet made: what it will be made from, and how. */
export interface Lazy {
  readonly ok?: undefined;
  readonly model: Model;
  readonly frame: readonly unknown[];
  readonly fast: boolean;
  decide(): Decided;
}

/** Distinct fact values remembered per star before its advice memo starts over. */
const ADVICE_LIMIT = 8192;
const adviceMemos = new WeakMap<CStar, Map<string | number, NextStar>>();
function memoOf(star: CStar): Map<string | number, NextStar> {
  let m = adviceMemos.get(star);
  if (!m) adviceMemos.set(star, (m = new Map()));
  return m;
}

/**
 * The frame slots a star's advice depends on: the facts its clauses read (directly or through
 * scores) and the facts that bound them (satisfied ≤ valid). Null when a conditional veto could
 * cancel the star during the search: its condition may read any fact, so nothing is remembered.
 * (A listed veto that concerns the star has already made it vetoed, and the search never runs.)
 */
const adviceSlots = new WeakMap<CStar, readonly number[] | null>();
function slotsOf(model: Model, si: number): readonly number[] | null {
  const star = model.stars[si]!;
  let slots = adviceSlots.get(star);
  if (slots === undefined) {
    const vetoed = model.conditionalVetoes.some((v) => v.starIndex === si || v.effect === "disqualify");
    const set = new Set<number>();
    for (const i of star.deps) {
      const f = model.facts[i]!;
      set.add(f.slot);
      if (f.maxFact) set.add(f.maxFact.slot);
      if (f.minFact) set.add(f.minFact.slot);
    }
    slots = vetoed ? null : [...set];
    adviceSlots.set(star, slots);
  }
  return slots;
}

/**
 * A fast frame's values at a star's advice slots as one key, or undefined when not remembered: a
 * star that reads one number (a Qianjin standard) by the number itself, else one string.
 */
function adviceKey(model: Model, si: number, frame: readonly unknown[]): string | number | undefined {
  const slots = slotsOf(model, si);
  if (!slots) return undefined;
  if (slots.length === 1) {
    // A number is never equal to a string key: the two kinds of key cannot meet in the memo.
    const v = frame[slots[0]!];
    if (typeof v === "number") return v;
  }
  // Scaled integers and booleans as text, an enum's string and a list of ids as JSON, a missing
  // value as nothing, each closed by \u0001 (which JSON escapes): no two lists of values give the
  // same text. JSON.stringify for every value would make remembered advice cost half again.
  let key = "";
  for (const slot of slots) {
    const v = frame[slot];
    key += `${typeof v === "number" || typeof v === "boolean" ? v : v === undefined ? "" : JSON.stringify(v)}\u0001`;
  }
  return key;
}

/** What it would take to lift the rating to the next value, or undefined at the top. */
export function nextLevel(d: Decided, value: number | string, cohortRules: readonly string[], starAdvice?: (i: number) => NextStar | undefined): NextLevel | undefined {
  const m = d.model;
  const r = m.rating;
  let to: number | string;
  let reached: (v: number | string) => boolean;
  let margins: readonly ((frame: readonly unknown[]) => number)[] = NO_MARGINS;
  let groups: number[] | undefined;
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
  // A star count with nothing but stars in play (no veto applied or conditional, no event, the
  // fast path): one more star is the cheapest star to earn, and counting stars decides a probe.
  // Its shortcut comes first (a table's hint asks it of every row): with no veto or event, the
  // rating on the facts as they are is the raw one, and only a cohort rule holds it below `to`.
  const onlyStars = r.kind === "starCount" && d.fast && !d.applied && !d.events && m.conditionalVetoes.length === 0;
  if (onlyStars) {
    if (d.rawValue >= to) return freeze({ to, changes: NO_CHANGES, blockedBy: cohortRules });
    const one = cheapestOneFact(d, starAdvice ?? ((i) => nextStarAt(d, d.stars, i, NO_RULES)));
    if (one) {
      // The change comes from a star's remembered advice: rows that share it share this answer.
      const known = levelsOfOne.get(one);
      if (known?.to === to) return known;
      const level: NextLevel = freeze({ to, changes: freeze([one]) });
      levelsOfOne.set(one, level);
      return level;
    }
  }
  if (r.kind !== "starCount" && d.fast) {
    // The score must reach the band of the target: its margin is score − the band's minimum.
    const band = r.kind === "grades" ? r.bands.find((b) => b.grade === to) : r.bands.find((b) => b.level === to);
    const sc = r.score;
    if (band?.min && sc.fast) {
      const min = band.min.n.div(band.min.d).toNumber();
      const scale = intScale(sc) ?? -1;
      margins = [scale >= 0 ? (fr) => (fr[sc.slot] as number) / POW10[scale]! - min : (fr) => (fr[sc.slot] as number) / (fr[sc.slot + 1] as number) - min];
    }
  } else if (r.kind === "starCount" && d.fast) {
    // One more star: any star not earned may bring it, each when all its comparisons hold.
    const all: ((frame: readonly unknown[]) => number)[] = [];
    groups = [];
    m.stars.forEach((star, i) => {
      if (d.stars[i]!.earned) return;
      for (const mg of marginsOf(star)) {
        all.push(mg);
        groups!.push(i);
      }
    });
    margins = all;
  }
  // A cap (veto) below the target: nothing else helps.
  // Only a capLevel veto has a cap, and only on a numeric rating (compile refuses one on grades).
  const caps = (d.applied ?? []).filter((v) => (v.cap !== undefined && v.cap < (to as number)) || v.effect === "disqualify");
  if (caps.length) return freeze({ to, changes: NO_CHANGES, blockedBy: freeze(caps.map((v) => v.id)) });
  // Reached on the facts as they are: a cohort rule alone holds the rating below it.
  if (reached(cappedValue(d, d.rawValue).value)) return freeze({ to, changes: NO_CHANGES, blockedBy: cohortRules });
  const change = smallest(d, m.ratingDeps, {
    met:
      onlyStars
        ? (frame) => countEarned(m, frame, to as number) >= (to as number)
        : (frame) => {
            const q = decide(m, d.id, frame, d.fast, d.last, d.asOf, d.events);
            return reached(cappedValue(q, q.rawValue).value);
          },
    margins: d.fast ? margins : NO_MARGINS,
    ...(groups ? { groups } : {}),
  });
  return freeze(change ? { to, ...change } : { to, changes: freeze([]), unreachable: true as const });
}

/**
 * One more star on a star count, from the stars' own (remembered) advice, when some star can be
 * earned by moving one fact: the search over every fact would find the same change. A fact's
 * least value that earns one more star is the least over the stars it can earn (conditions are
 * monotone and no veto or event is in play), so the cheapest one-fact star advice, ties to the
 * first fact in declaration order, is the cheapest one-fact change of the rating. Undefined when
 * every star needs two facts or more (the search decides then).
 */
function cheapestOneFact(d: Decided, starAdvice: (i: number) => NextStar | undefined): FactChange | undefined {
  // The one-fact changes, in star order; with one alone there is nothing to compare.
  let first: FactChange | undefined;
  let more: FactChange[] | undefined;
  for (let i = 0; i < d.stars.length; i++) {
    // Undefined for an earned star.
    const n = starAdvice(i);
    if (!n || n.changes.length !== 1) continue;
    if (first === undefined) first = n.changes[0]!;
    else (more ??= [first]).push(n.changes[0]!);
  }
  if (!more) return first;
  let best: Pick | undefined;
  let change: FactChange | undefined;
  for (const ch of more) {
    // The star's advice was made (or remembered) from the same values of the facts it reads, so
    // its fact is one that can move, and its value one on the candidate's grid.
    const c = candidateAt(d, d.model.facts.indexOf(d.model.factById.get(ch.fact)!), fastNumber)!;
    const p: Pick = { set: [c], ks: [gridIndexOf(c, ch.to)] };
    if (!best || cheaper(p, best) || (!cheaper(best, p) && c.index < best.set[0]!.index)) {
      best = p;
      change = ch;
    }
  }
  return change;
}

/** The grid index of a fast candidate's value as an answer shows it (a boolean's one value is index 0). */
function gridIndexOf(c: Candidate, shown: unknown): number {
  return c instanceof IntCandidate ? c.indexOf(Math.round((shown as number) * c.fact.fast!.pow)) : 0;
}

// Cohort rules arrive frozen (a cohort trace's `rules`, or none), so the answers they block share them.
const NO_RULES: readonly string[] = freeze([]);
const NO_CHANGES: readonly FactChange[] = freeze([]);
/** The next level reached by one remembered change, by the change (the last target asked). */
const levelsOfOne = new WeakMap<FactChange, NextLevel>();

/** Stars earned on a fast frame with no veto in play, counted up to `enough`. */
function countEarned(model: Model, frame: unknown[], enough: number): number {
  computeScores(model, frame, true);
  let count = 0;
  const stars = model.stars;
  for (let si = 0; si < stars.length; si++) if (clausesHold(stars[si]!, frame, true) && ++count >= enough) return count;
  return count;
}
